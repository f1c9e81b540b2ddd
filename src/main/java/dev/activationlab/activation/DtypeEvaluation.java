package dev.activationlab.activation;

import dev.activationlab.dtype.Dtype;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates an activation in a narrower dtype, correctly rounded: each result is the exact f(x)
 * (or f'(x)) at the input, rounded once to the dtype, ties to even.
 *
 * <p>The double kernel is accurate to far less than a float32 unit in the last place, so rounding
 * its result is right unless the result lies within the kernel's error bound of a rounding
 * midpoint of the dtype (or of the overflow threshold). Only those elements are recomputed with
 * {@link ExactActivations} and rounded from the exact digits; one request computes each distinct
 * input at most once.
 *
 * <p>Vector-valued activations are computed in double and rounded once (their Jacobian entries
 * too); they get no midpoint check.
 */
public final class DtypeEvaluation {

    /**
     * Relative error bound of the double kernels, about 2^13 units in the last place of a double:
     * wide enough for every kernel of the catalogue (measured, far less) and still 2^-16 of a
     * float32 unit, so that only about one element in 30,000 needs the exact evaluation.
     */
    static final double RELATIVE_ERROR = 0x1p-40;
    /**
     * Absolute error bound, added for derivatives that cross zero away from x = 0 (gelu', silu',
     * mish', gelu_tanh', snake'), where the sum of two terms cancels and the relative error of the
     * double result is unbounded.
     */
    static final double ABSOLUTE_ERROR = 0x1p-44;

    /**
     * Distinct inputs one call may send to the exact evaluation (tens of milliseconds each at
     * worst). Random inputs need about one in 30,000; only inputs chosen to sit near midpoints
     * reach this, and they get a 413 rather than minutes of work.
     */
    public static final int MAX_EXACT_EVALUATIONS = 2000;

    /** Thrown when a call would need more than {@link #MAX_EXACT_EVALUATIONS} exact evaluations. */
    public static final class TooMuchExactWork extends RuntimeException {
        TooMuchExactWork() {
            super("more than " + MAX_EXACT_EVALUATIONS + " results lie near a rounding midpoint", null, false, false);
        }
    }

    private DtypeEvaluation() {
    }

    /**
     * f(x) or f'(x) of a scalar activation, element by element, correctly rounded to the dtype.
     *
     * @param activation a scalar activation
     * @param parameters its resolved parameters
     * @param x          inputs, each a value of the dtype
     * @param dtype      the dtype of the answer; FLOAT64 gives the double kernel's result
     * @param derivative false for f, true for f'
     * @return a new array of length n holding values of the dtype (infinite where the exact result
     *         lies beyond the dtype's range)
     * @throws TooMuchExactWork if more than {@link #MAX_EXACT_EVALUATIONS} distinct inputs need the
     *                          exact evaluation
     */
    public static double[] scalar(ScalarActivation activation, Parameters parameters, double[] x, Dtype dtype,
                                  boolean derivative) {
        ScalarFunction f = activation.bind(parameters);
        double[] out = new double[x.length];
        if (derivative) {
            f.derivatives(x, out);
        } else {
            f.values(x, out);
        }
        if (dtype == Dtype.FLOAT64) {
            return out;
        }
        String name = activation.name();
        boolean crossesZero = derivative && switch (name) {
            case "gelu", "gelu_tanh", "silu", "mish", "snake" -> true;
            default -> false;
        };
        Map<Long, Double> decided = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            double y = out[i];
            double rounded = dtype.round(y);
            if (Double.isFinite(y) && inDoubt(dtype, y, crossesZero)) {
                double xi = x[i];
                if (decided.size() >= MAX_EXACT_EVALUATIONS && !decided.containsKey(Double.doubleToRawLongBits(xi))) {
                    throw new TooMuchExactWork();
                }
                rounded = decided.computeIfAbsent(Double.doubleToRawLongBits(xi), k -> {
                    BigDecimal v = ExactActivations.value(name, parameters, xi, derivative);
                    return v == null ? dtype.round(y) : dtype.round(v, Math.copySign(1.0, y));
                });
            }
            out[i] = rounded;
        }
        return out;
    }

    /**
     * Each element of a double result rounded once to the dtype (for vector-valued activations).
     *
     * @param values results in double, rounded in place
     * @return values
     */
    public static double[] roundAll(double[] values, Dtype dtype) {
        for (int i = 0; i < values.length; i++) {
            values[i] = dtype.round(values[i]);
        }
        return values;
    }

    /**
     * True if the exact value, somewhere within the error bound of y, may round to another value
     * of the dtype than y does.
     */
    static boolean inDoubt(Dtype dtype, double y, boolean absolute) {
        double err = Math.abs(y) * RELATIVE_ERROR + (absolute ? ABSOLUTE_ERROR : 0) + Double.MIN_VALUE;
        double lo = dtype.round(y - err);
        double hi = dtype.round(y + err);
        return lo != hi;
    }

    /**
     * The exact result at one input, correctly rounded to the dtype: the double kernel where it is
     * safely away from a midpoint, else the exact digits.
     */
    public static double one(ScalarActivation activation, Parameters parameters, double x, Dtype dtype,
                             boolean derivative) {
        return scalar(activation, parameters, new double[] {x}, dtype, derivative)[0];
    }
}
