package dev.activationlab.activation;

import java.util.List;

/**
 * Squared ReLU relu(x)², the feed-forward activation of Primer. Rounded once. f' = 2·relu(x)
 * is unbounded: sup f' is infinite.
 *
 * <p>Source: So et al. (2021), Primer: searching for efficient transformers for language
 * modeling, arXiv:2109.08668.
 */
public final class ReluSquared extends ScalarActivation implements ScalarFunction {

    public ReluSquared() {
        super(new ActivationDescriptor(
                "relu_squared",
                List.of("squared_relu"),
                "Squared ReLU",
                "relu(x)² = max(0, x)²",
                "2·relu(x) (0 at x = 0)",
                List.of(),
                "[0, ∞)",
                new Traits(true, false, true, Traits.Saturation.NEGATIVE),
                "So, Mańke, Liu, Dai, Shazeer & Le (2021), Primer: searching for efficient transformers for language modeling, arXiv:2109.08668"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return StableKernels.reluSquared(x);
    }

    @Override
    public double derivative(double x) {
        return StableKernels.reluSquaredDerivative(x);
    }

    @Override
    public double maxAbsDerivative() {
        return Double.POSITIVE_INFINITY;
    }
}
