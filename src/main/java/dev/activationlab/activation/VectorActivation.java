package dev.activationlab.activation;

/**
 * An activation whose outputs depend on the whole input vector (softmax, log-softmax).
 */
public interface VectorActivation extends Activation {

    /**
     * f(x).
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length n
     */
    double[] value(double[] x, Parameters parameters);

    /**
     * The Jacobian of f at x.
     *
     * @param x input vector, length n ≥ 1
     * @return n × n matrix, row i = ∂y_i/∂x
     */
    double[][] jacobian(double[] x, Parameters parameters);

    @Override
    default boolean vectorValued() {
        return true;
    }
}
