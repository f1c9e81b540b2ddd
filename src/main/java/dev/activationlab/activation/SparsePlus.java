package dev.activationlab.activation;

import java.util.List;

/**
 * Sparse plus, a piecewise-quadratic softplus that is exactly 0 for x ≤ −1, as
 * {@code jax.nn.sparse_plus}. The square is rounded once in effect (x + 1 carried with its
 * rounding error). f' is continuous; sup f' = 1.
 */
public final class SparsePlus extends ScalarActivation implements ScalarFunction {

    public SparsePlus() {
        super(new ActivationDescriptor(
                "sparse_plus",
                List.of(),
                "Sparse plus",
                "0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, x if x ≥ 1",
                "0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1 (continuous)",
                List.of(),
                "[0, ∞)",
                new Traits(true, false, true, Traits.Saturation.NEGATIVE),
                "jax.nn.sparse_plus, keras.activations.sparse_plus"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return StableKernels.sparsePlus(x);
    }

    @Override
    public double derivative(double x) {
        return StableKernels.sparsePlusDerivative(x);
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
