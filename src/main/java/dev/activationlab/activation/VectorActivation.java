package dev.activationlab.activation;

import java.util.function.Function;

/**
 * An activation whose outputs depend on the whole input vector (softmax, log-softmax, softmin,
 * sparsemax, the gated linear units).
 */
public abstract non-sealed class VectorActivation extends Activation {

    VectorActivation(ActivationDescriptor descriptor) {
        super(descriptor);
    }

    /**
     * f(x).
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length {@link #outputLength(int)} (n except for the gated units)
     */
    public abstract double[] value(double[] x, Parameters parameters);

    /**
     * The Jacobian of f at x.
     *
     * @param x input vector, length n ≥ 1
     * @return {@link #outputLength(int) m} × n matrix (m = n except for the gated units), row i = ∂y_i/∂x
     */
    public abstract double[][] jacobian(double[] x, Parameters parameters);

    /**
     * The length of f(x) for an input of length n: n, or n/2 for the gated linear units.
     *
     * @throws InvalidInputException naming {@code x} if the activation cannot take that length
     */
    public int outputLength(int n) {
        return n;
    }

    @Override
    public final <R> R match(Function<? super ScalarActivation, ? extends R> ifScalar,
                             Function<? super VectorActivation, ? extends R> ifVector) {
        return ifVector.apply(this);
    }
}
