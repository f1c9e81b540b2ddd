package dev.activationlab.plot;

import java.util.Locale;
import java.util.Optional;

/** The image formats a chart is rendered to. */
public enum PlotFormat {
    /** Scalable Vector Graphics 1.1, text kept as text (searchable, selectable). */
    SVG("svg", "image/svg+xml"),
    /** Portable Network Graphics, 24-bit RGB. */
    PNG("png", "image/png");

    private final String formatName;
    private final String mediaType;

    PlotFormat(String formatName, String mediaType) {
        this.formatName = formatName;
        this.mediaType = mediaType;
    }

    /** The name used in a {@code format} query parameter: {@code svg} or {@code png}. */
    public String formatName() {
        return formatName;
    }

    /** The media type of the rendered bytes, e.g. {@code image/svg+xml}. */
    public String mediaType() {
        return mediaType;
    }

    /** The format called {@code name} ({@code svg} or {@code png}, any case), if any. */
    public static Optional<PlotFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PlotFormat format : values()) {
            if (format.formatName.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
