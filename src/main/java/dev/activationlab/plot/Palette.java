package dev.activationlab.plot;

import java.awt.Color;
import java.util.List;

/**
 * Twelve distinct line colours, one per overlaid function. The first ten are the "Tableau 10"
 * colours, chosen to stay apart for common colour-vision deficiencies; two darker ones follow.
 */
public final class Palette {

    private static final List<Color> COLOURS = List.of(
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x1F3A5F), new Color(0x6B3E00));

    private Palette() {
    }

    /** Number of distinct colours; index {@code size()} repeats index 0. */
    public static int size() {
        return COLOURS.size();
    }

    /** The colour at {@code index}, cycling past the end. */
    public static Color colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
