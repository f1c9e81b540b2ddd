package dev.activationlab.activation;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The abscissae of a curve: evenly spaced inputs at which an activation is sampled for plotting.
 * Values and derivatives over vectors and batches are {@link BatchEvaluation}'s.
 */
public final class ActivationEvaluator {

    /** Far more digits than a double holds, so that rounding to double happens once in effect. */
    private static final MathContext GRID_PRECISION = new MathContext(60);

    private ActivationEvaluator() {
    }

    /**
     * {@code points} evenly spaced abscissae x_i = from + i·(to − from)/(points − 1), the last
     * exactly {@code to}.
     *
     * @param from   first abscissa, finite, &lt; to
     * @param to     last abscissa, finite
     * @param points number of abscissae, ≥ 2
     * @throws IllegalArgumentException if the bounds are not finite and increasing or points &lt; 2
     */
    public static double[] grid(double from, double to, int points) {
        if (!(Double.isFinite(from) && Double.isFinite(to) && from < to) || points < 2) {
            throw new IllegalArgumentException("need finite from < to and points >= 2");
        }
        // Computed exactly in decimal and rounded once, so that e.g. the second point from -6 to 6
        // in 121 steps is the double nearest -5.9, not an accumulation of rounded steps.
        BigDecimal start = new BigDecimal(from);
        BigDecimal span = new BigDecimal(to).subtract(start);
        BigDecimal intervals = BigDecimal.valueOf(points - 1L);
        double[] x = new double[points];
        for (int i = 0; i < points - 1; i++) {
            BigDecimal offset = span.multiply(BigDecimal.valueOf(i)).divide(intervals, GRID_PRECISION);
            x[i] = start.add(offset, GRID_PRECISION).doubleValue();
        }
        x[points - 1] = to;
        return x;
    }
}
