package dev.activationlab.activation;

import java.util.List;

/**
 * The exponential e^x, as {@code keras.activations.exponential}. It overflows a double above
 * x ≈ 709.78 (the service answers 422 there). ln f'(x) = x exactly, also where e^x underflows.
 * sup f' is infinite (as celu's with a negative alpha).
 */
public final class Exponential extends ScalarActivation implements ScalarFunction {

    public Exponential() {
        super(new ActivationDescriptor(
                "exponential",
                List.of(),
                "Exponential",
                "e^x",
                "e^x",
                List.of(),
                "(0, ∞)",
                new Traits(true, false, true, Traits.Saturation.NEGATIVE),
                "keras.activations.exponential"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

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
}
