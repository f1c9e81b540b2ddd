package dev.activationlab.web;

import dev.activationlab.activation.ClientText;
import dev.activationlab.plot.PlotFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The image a plot request asks for: its format and size in pixels.
 *
 * <p>The format is, in this order: the {@code format} query parameter ({@code svg} or
 * {@code png}); else the first of {@code image/svg+xml} and {@code image/png} in the
 * {@code Accept} header, by quality; else SVG. A wildcard ({@code image/*}, {@code *}{@code /*})
 * chooses nothing, so it gets SVG.
 *
 * @param format the format to render
 * @param width  pixels, 100 … the configured maximum
 * @param height pixels, 100 … the configured maximum
 */
record PlotImage(PlotFormat format, int width, int height) {

    /** Below this a chart has no room for its title, axes and legend. */
    static final int MIN_PIXELS = 100;

    /**
     * @param formatName the {@code format} query parameter, or {@code null}
     * @param accept     the {@code Accept} header, or {@code null}
     * @throws RequestException 400 for an unknown format or a width or height outside 100 … maxPixels
     */
    static PlotImage of(String formatName, String accept, int width, int height, int maxPixels) {
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

    private static Optional<PlotFormat> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            // An unreadable Accept header chooses nothing; the default applies, as for no header.
            return Optional.empty();
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0 || type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            for (PlotFormat format : PlotFormat.values()) {
                if (type.equalsTypeAndSubtype(MediaType.parseMediaType(format.mediaType()))) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** The media type of the rendered bytes. */
    MediaType mediaType() {
        return MediaType.parseMediaType(format.mediaType());
    }
}
