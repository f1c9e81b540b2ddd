package dev.activationlab.activation;

import java.util.List;

/**
 * Sparse sigmoid, the derivative of sparse_plus: a clamp of (x + 1)/2 to [0, 1], as
 * {@code jax.nn.sparse_sigmoid}. At the corners ±1 the derivative is the flat side's 0.
 */
public final class SparseSigmoid extends ScalarActivation implements ScalarFunction {

    public SparseSigmoid() {
        super(new ActivationDescriptor(
                "sparse_sigmoid",
                List.of(),
                "Sparse sigmoid",
                "0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1",
                "1/2 if −1 < x < 1, else 0 (0 at x = ±1, the flat side)",
                List.of(),
                "[0, 1]",
                new Traits(true, false, false, Traits.Saturation.BOTH),
                "jax.nn.sparse_sigmoid, keras.activations.sparse_sigmoid"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return StableKernels.sparseSigmoid(x);
    }

    @Override
    public double derivative(double x) {
        return StableKernels.sparseSigmoidDerivative(x);
    }

    @Override
    public double maxAbsDerivative() {
        return 0.5;
    }
}
