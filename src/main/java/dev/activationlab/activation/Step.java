package dev.activationlab.activation;

import java.util.List;

/**
 * The Heaviside step of Rosenblatt's perceptron: 1 if x &gt; 0, else 0 (so step(0) = 0).
 * Its derivative is taken as 0 everywhere, x = 0 included, which is why a step network cannot
 * be trained by gradient descent.
 *
 * <p>Source: Rosenblatt (1958), The perceptron: a probabilistic model for information storage and
 * organization in the brain, Psychological Review 65(6). PyTorch has no step module;
 * {@code torch.heaviside(x, torch.tensor(0.))} gives the same values.
 */
public final class Step extends ScalarActivation implements ScalarFunction {

    public Step() {
        super(new ActivationDescriptor(
                "step",
                List.of("heaviside", "binary_step"), // torch.heaviside; the textbook name
                "Step (Heaviside)",
                "1 if x > 0, else 0",
                "0 everywhere (x = 0 included)",
                List.of(),
                "{0, 1}",
                new Traits(true, false, false, Traits.Saturation.BOTH),
                "Rosenblatt (1958), The perceptron: a probabilistic model for information storage and organization in the brain"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public double derivative(double x) {
        return 0.0;
    }

    @Override
    public double maxAbsDerivative() {
        return 0.0;
    }
}
