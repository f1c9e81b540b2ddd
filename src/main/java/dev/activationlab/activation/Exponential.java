package dev.activationlab.activation;

/**
 * The exponential e^x, as {@code keras.activations.exponential}. It overflows a double above
 * x ≈ 709.78 (the service answers 422 there). ln f'(x) = x exactly, also where e^x underflows.
 * sup f' is infinite (as celu's with a negative alpha).
 */
public final class Exponential implements ScalarActivation {

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public String displayName() {
        return "Exponential";
    }

    @Override
    public String formula() {
        return "e^x";
    }

    @Override
    public String derivativeFormula() {
        return "e^x";
    }

    @Override
    public String outputRange() {
        return "(0, ∞)";
    }

    @Override
    public Traits traits() {
        return new Traits(true, false, true, Traits.Saturation.NEGATIVE);
    }

    @Override
    public String reference() {
        return "keras.activations.exponential";
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new ScalarFunction() {
            @Override
            public double value(double x) {
                return Math.exp(x);
            }

            @Override
            public double derivative(double x) {
                return Math.exp(x);
            }

            @Override
            public double logAbsDerivative(double x) {
                return x;
            }

            @Override
            public double maxAbsDerivative() {
                return Double.POSITIVE_INFINITY;
            }
        };
    }
}
