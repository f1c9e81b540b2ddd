package dev.activationlab.plot;

import dev.activationlab.http.ProblemType;
import dev.activationlab.http.RequestException;
import dev.activationlab.http.ClientText;
import org.jfree.chart.JFreeChart;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

/**
 * The image a plot request asks for: its format and size in pixels.
 *
 * <p>The format is, in this order: the {@code format} query parameter ({@code svg} or
 * {@code png}); else the one of {@code image/svg+xml} and {@code image/png} that the
 * {@code Accept} header gives the higher quality, each type taking the quality of the most
 * specific range that covers it (the type itself, then {@code image/*}, then
 * {@code *}{@code /*}); on a tie a type the header names beats one only a wildcard covers, and SVG
 * beats PNG. Without an {@code Accept} header, or with one that cannot be read, SVG. When the
 * header allows neither type, not even through a wildcard, and no {@code format} is given, the
 * answer is 406 without a body: the client accepts nothing the endpoint can send.
 *
 * @param format the format to render
 * @param width  pixels, 100 … the configured maximum
 * @param height pixels, 100 … the configured maximum
 */
public record PlotImage(PlotFormat format, int width, int height) {

    /** Below this a chart has no room for its title, axes and legend. */
    static final int MIN_PIXELS = 100;

    /**
     * @param formatName the {@code format} query parameter, or {@code null}
     * @param accept     the {@code Accept} header, or {@code null}
     * @throws RequestException        400 for an unknown format or a width or height outside 100 … maxPixels
     * @throws ResponseStatusException 406 when no {@code format} is given and {@code Accept} allows neither
     *                                 image type
     */
    public static PlotImage of(String formatName, String accept, int width, int height, int maxPixels) {
        PlotFormat format;
        if (formatName != null) {
            format = PlotFormat.named(formatName).orElseThrow(() -> RequestException.invalid("format",
                    "'format' must be svg or png; got '" + ClientText.shorten(formatName) + "'."));
        } else {
            format = fromAccept(accept).orElse(PlotFormat.SVG);
        }
        checkPixels("width", width, maxPixels);
        checkPixels("height", height, maxPixels);
        return new PlotImage(format, width, height);
    }

    private static void checkPixels(String field, int value, int maxPixels) {
        if (value < MIN_PIXELS || value > maxPixels) {
            throw RequestException.invalid(field, "'" + field + "' must be between " + MIN_PIXELS + " and "
                    + maxPixels + " pixels; got " + value + ".");
        }
    }

    /**
     * The format the {@code Accept} header prefers; empty when there is no header or it cannot be read.
     *
     * @throws ResponseStatusException 406 when the header allows neither image type
     */
    private static Optional<PlotFormat> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            // An unreadable Accept header chooses nothing; the default applies, as for no header.
            return Optional.empty();
        }
        PlotFormat best = null;
        Preference bestPreference = null;
        for (PlotFormat format : PlotFormat.values()) {   // SVG first: it wins ties
            Preference preference = Preference.of(MediaType.parseMediaType(format.mediaType()), accepted);
            if (preference.quality() > 0 && (bestPreference == null || preference.beats(bestPreference))) {
                best = format;
                bestPreference = preference;
            }
        }
        if (best == null) {
            throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE,
                    "Accept allows neither image/svg+xml nor image/png.");
        }
        return Optional.of(best);
    }

    /**
     * How much an Accept header wants one media type: the quality of the most specific range that
     * covers it (0 if none does), and whether that range names the type itself.
     */
    private record Preference(double quality, boolean named) {

        static Preference of(MediaType type, List<MediaType> accepted) {
            MediaType mostSpecific = null;
            for (MediaType range : accepted) {
                if (range.includes(type) && (mostSpecific == null || specificity(range) > specificity(mostSpecific))) {
                    mostSpecific = range;
                }
            }
            return mostSpecific == null ? new Preference(0, false)
                    : new Preference(mostSpecific.getQualityValue(), specificity(mostSpecific) == 2);
        }

        /** 0 for a full wildcard, 1 for a subtype wildcard ({@code image/*}), 2 for a named type. */
        private static int specificity(MediaType range) {
            return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
        }

        boolean beats(Preference other) {
            return quality > other.quality || (quality == other.quality && named && !other.named);
        }
    }

    /** The media type of the rendered bytes. */
    MediaType mediaType() {
        return MediaType.parseMediaType(format.mediaType());
    }

    /**
     * The chart drawn in this format and size, as the answer to a plot request.
     *
     * @param fileName the name a browser saves it under, without extension
     */
    public ResponseEntity<byte[]> respond(ChartRenderer renderer, JFreeChart chart, String fileName) {
        byte[] body;
        try {
            body = renderer.render(chart, format, width, height);
        } catch (ChartRenderer.BusyException e) {
            throw new RequestException(ProblemType.SERVICE_BUSY, null, e.getMessage() + " Try again in a moment.");
        }
        return ResponseEntity.ok()
                .contentType(mediaType())
                // The same URL answers SVG or PNG depending on Accept.
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName + "." + format.formatName()).build().toString())
                .body(body);
    }
}
