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
public final class Threshold implements ScalarActivation {

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.unbounded("threshold", 0.0, "Inputs above it pass unchanged."),
            Parameter.unbounded("value", 0.0, "Output for inputs at or below the threshold."));

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public String displayName() {
        return "Threshold";
    }

    @Override
    public String formula() {
        return "x if x > threshold, else value";
    }

    @Override
    public String derivativeFormula() {
        return "1 if x > threshold, else 0 (0 at x = threshold)";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String outputRange() {
        return "[0, ∞); {value} ∪ (threshold, ∞) in general";
    }

    @Override
    public Traits traits() {
        return new Traits(true, false, false, Traits.Saturation.NEGATIVE);
    }

    @Override
    public String reference() {
        return "torch.nn.functional.threshold";
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        double threshold = parameters.get("threshold");
        double value = parameters.get("value");
        return new ScalarFunction() {
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
        };
    }
}
