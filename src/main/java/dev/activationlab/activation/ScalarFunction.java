package dev.activationlab.activation;

/**
 * A scalar activation with its parameters fixed: f, f' and what the gradient analysis needs.
 *
 * <p>Derivatives are taken with respect to the pre-activation x and follow PyTorch's autograd
 * at kinks (relu'(0) = 0, leaky_relu'(0) = alpha, ...), as listed in the catalogue.
 */
public interface ScalarFunction {

    /** f(x). Finite for every finite x unless the function itself overflows (e.g. linear with large c). */
    double value(double x);

    /** f'(x), the derivative with respect to the pre-activation x. */
    double derivative(double x);

    /**
     * ln |f'(x)|, computed directly where f'(x) underflows in double but its logarithm does not
     * (sigmoid at x = -800: ln σ'(x) ≈ -800). Negative infinity where f'(x) is exactly 0.
     */
    default double logAbsDerivative(double x) {
        return Math.log(Math.abs(derivative(x)));
    }

    /**
     * sup |f'(x)| over all real x (e.g. 0.25 for sigmoid); the scale against which a unit
     * counts as saturated. 0 for functions whose derivative is 0 everywhere.
     */
    double maxAbsDerivative();

    /**
     * f over a vector.
     *
     * @param x   pre-activations, length n
     * @param out receives f(x_i), length at least n; may be {@code x} itself
     */
    default void values(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = value(x[i]);
        }
    }

    /**
     * f' over a vector.
     *
     * @param x   pre-activations, length n
     * @param out receives f'(x_i), length at least n; may be {@code x} itself
     */
    default void derivatives(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = derivative(x[i]);
        }
    }
}
