package dev.activationlab.activation;

import java.util.List;

/**
 * Threshold: x for x &gt; threshold, else value, as
 * {@code torch.nn.functional.threshold(x, threshold, value)}. With the defaults (0, 0) it is relu.
 *
 * <p>f'(x) = 1 for x &gt; threshold, else 0 (0 at the threshold, as PyTorch's autograd).
 *
 * <p>Source: PyTorch's {@code torch.nn.Threshold} and {@code torch.nn.functional.threshold}; it has
 * no paper of its own.
 */
public final class Threshold extends ScalarActivation {

    public Threshold() {
        super(new ActivationDescriptor(
                "threshold",
                List.of(),
                "Threshold",
                "x if x > threshold, else value",
                "1 if x > threshold, else 0 (0 at x = threshold)",
                List.of(
                        Parameter.unbounded("threshold", 0.0, "Inputs above it pass unchanged."),
                        Parameter.unbounded("value", 0.0, "Output for inputs at or below the threshold.")),
                "[0, ∞); {value} ∪ (threshold, ∞) in general",
                new Traits(true, false, false, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.threshold"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new ThresholdFunction(parameters.get("threshold"), parameters.get("value"));
    }

    /** threshold with threshold and value fixed. */
    private record ThresholdFunction(double threshold, double value) implements ScalarFunction {

        @Override
        public double value(double x) {
            return x > threshold ? x : value;
        }

        @Override
        public double derivative(double x) {
            return x > threshold ? 1.0 : 0.0;
        }

        @Override
        public double maxAbsDerivative() {
            return 1.0;
        }
    }
}
