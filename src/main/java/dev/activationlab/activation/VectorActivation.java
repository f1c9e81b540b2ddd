package dev.activationlab.activation;

/**
 * An activation whose outputs depend on the whole input vector (softmax, log-softmax).
 */
public interface VectorActivation extends Activation {

    /**
     * f(x).
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length {@link #outputLength(int)} (n except for the gated units)
     */
    double[] value(double[] x, Parameters parameters);

    /**
     * The Jacobian of f at x.
     *
     * @param x input vector, length n ≥ 1
     * @return {@link #outputLength(int) m} × n matrix (m = n except for the gated units), row i = ∂y_i/∂x
     */
    double[][] jacobian(double[] x, Parameters parameters);

    /**
     * The length of f(x) for an input of length n: n, or n/2 for the gated linear units.
     *
     * @throws InvalidInputException naming {@code x} if the activation cannot take that length
     */
    default int outputLength(int n) {
        return n;
    }

    @Override
    default boolean vectorValued() {
        return true;
    }
}
