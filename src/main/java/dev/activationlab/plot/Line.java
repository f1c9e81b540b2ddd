package dev.activationlab.plot;

import java.util.Objects;

/**
 * One line of a chart: points (x_i, y_i) joined in order.
 *
 * @param label  the legend entry, e.g. {@code sigmoid} or {@code sigmoid′}
 * @param x      abscissae, length n ≥ 1, finite and increasing
 * @param y      ordinates, length n; NaN leaves a gap (no point, no segment to or from it)
 * @param colour index into the chart's palette; lines of one function share it
 * @param dashed whether the line is dashed (a derivative drawn beside its function)
 */
public record Line(String label, double[] x, double[] y, int colour, boolean dashed) {

    /**
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or colour is negative
     */
    public Line {
        Objects.requireNonNull(label, "label");
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("x and y must be non-empty and of equal length; got "
                    + x.length + " and " + y.length);
        }
        if (colour < 0) {
            throw new IllegalArgumentException("colour must be >= 0; got " + colour);
        }
    }

    /** Whether at least one point is drawn (not every y is NaN). */
    public boolean hasPoints() {
        for (double v : y) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
