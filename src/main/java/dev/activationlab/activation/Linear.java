package dev.activationlab.activation;

import java.util.List;

/**
 * The linear (identity when c = 1) activation c·x. A stack of linear layers is itself one
 * linear layer, which is why networks need a non-linearity.
 *
 * <p>Source: {@code torch.nn.Identity} for c = 1 (a bare {@code nn.Linear} applies no activation) and
 * {@code keras.activations.linear}; the slope c is this service's, for the collapse of linear stacks.
 */
public final class Linear extends ScalarActivation {

    public Linear() {
        super(new ActivationDescriptor(
                "linear",
                List.of("identity"),
                "Linear (identity)",
                "c·x",
                "c",
                List.of(
                        Parameter.unbounded("c", 1.0, "Slope.")),
                "(−∞, ∞)",
                new Traits(true, true, true, Traits.Saturation.NONE),
                "torch.nn.Identity (c = 1); keras.activations.linear"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new LinearFunction(parameters.get("c"));
    }

    /** linear with c fixed. */
    private record LinearFunction(double c) implements ScalarFunction {

        @Override
        public double value(double x) {
            // With c = 0 the result is exactly 0, which is +0.0 whatever the sign of x.
            return c == 0 ? 0.0 : c * x;
        }

        @Override
        public double derivative(double x) {
            return c;
        }

        @Override
        public double maxAbsDerivative() {
            return Math.abs(c);
        }
    }
}
