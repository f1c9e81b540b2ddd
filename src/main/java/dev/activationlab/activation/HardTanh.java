package dev.activationlab.activation;

import java.util.List;

/**
 * The hard tanh clamp(x, min, max), as {@code torch.nn.functional.hardtanh(x, min_val, max_val)};
 * min must be less than max.
 *
 * <p>f'(x) = 1 for min &lt; x &lt; max, else 0 (0 at min and at max, as PyTorch's autograd).
 * hard_tanh(−0.0) = −0.0 with the default bounds.
 *
 * <p>Source: Collobert, Weston, Bottou, Karlen, Kavukcuoglu &amp; Kuksa (2011), Natural language
 * processing (almost) from scratch, JMLR 12 (the HardTanh layer).
 */
public final class HardTanh extends ScalarActivation {

    public HardTanh() {
        super(new ActivationDescriptor(
                "hard_tanh",
                List.of("hardtanh"),
                "Hard tanh",
                "clamp(x, min, max): min if x < min, max if x > max, else x",
                "1 if min < x < max, else 0 (0 at x = min and x = max)",
                List.of(
                        Parameter.unbounded("min", -1.0, "Lower bound of the output (PyTorch's min_val); less than max."),
                        Parameter.unbounded("max", 1.0, "Upper bound of the output (PyTorch's max_val); greater than min.")),
                "[−1, 1]; [min, max] in general",
                new Traits(true, true, false, Traits.Saturation.BOTH),
                "torch.nn.functional.hardtanh; Collobert et al. (2011), Natural language processing (almost) "
                        + "from scratch, JMLR"));
    }

    @Override
    public void checkParameters(Parameters parameters) {
        double min = parameters.get("min");
        double max = parameters.get("max");
        if (!(min < max)) {
            throw new InvalidParameterException("min", "Parameter 'min' of hard_tanh must be less than 'max'; got min = "
                    + min + ", max = " + max + ".");
        }
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new HardTanhFunction(parameters.get("min"), parameters.get("max"));
    }

    /** hard_tanh with min and max fixed. */
    private record HardTanhFunction(double min, double max) implements ScalarFunction {

        @Override
        public double value(double x) {
            if (x < min) {
                return min;
            }
            return x > max ? max : x;
        }

        @Override
        public double derivative(double x) {
            return x > min && x < max ? 1.0 : 0.0;
        }

        @Override
        public double maxAbsDerivative() {
            return 1.0;
        }
    }
}
