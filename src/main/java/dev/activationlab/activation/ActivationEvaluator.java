package dev.activationlab.activation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Applies any activation of the catalogue to a vector: values, derivatives (or the Jacobian of a
 * vector-valued one, and parameter gradients of a learnable one), and evenly spaced curves.
 */
public final class ActivationEvaluator {

    /** Far more digits than a double holds, so that rounding to double happens once in effect. */
    private static final MathContext GRID_PRECISION = new MathContext(60);

    private ActivationEvaluator() {
    }

    /**
     * The derivative of an activation at a vector. Exactly one of {@code derivatives} and
     * {@code jacobian} is set.
     *
     * @param derivatives        f'(x_i), length n, for scalar activations
     * @param parameterGradients name → ∂y_i/∂p (length n) for learnable parameters, else null
     * @param jacobian           n × n, row i = ∂y_i/∂x, for vector-valued activations
     */
    public record Derivative(double[] derivatives, Map<String, double[]> parameterGradients, double[][] jacobian) {
    }

    /**
     * f(x): element by element for a {@link ScalarActivation}, over the whole vector for a
     * {@link VectorActivation}.
     *
     * @param activation the activation
     * @param parameters its resolved parameters
     * @param x          input vector, length n ≥ 1
     * @return a new array of length n (n/2 for the gated linear units)
     */
    public static double[] values(Activation activation, Parameters parameters, double[] x) {
        return activation.match(scalar -> {
            double[] out = new double[x.length];
            scalar.bind(parameters).values(x, out);
            return out;
        }, vector -> vector.value(x, parameters));
    }

    /**
     * f'(x) element by element for a {@link ScalarActivation} (with ∂y_i/∂p for one that has
     * {@link ParameterGradients}), or the n × n Jacobian for a {@link VectorActivation}.
     *
     * @param activation the activation
     * @param parameters its resolved parameters
     * @param x          input vector, length n ≥ 1
     */
    public static Derivative derivative(Activation activation, Parameters parameters, double[] x) {
        return activation.match(scalar -> {
            double[] out = new double[x.length];
            scalar.bind(parameters).derivatives(x, out);
            Map<String, double[]> parameterGradients = scalar instanceof ParameterGradients learnable
                    ? learnable.parameterGradients(x, parameters) : null;
            return new Derivative(out, parameterGradients, null);
        }, vector -> new Derivative(null, null, vector.jacobian(x, parameters)));
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
