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
public final class Step implements ScalarActivation, ScalarFunction {

    @Override
    public String name() {
        return "step";
    }

    @Override
    public List<String> aliases() {
        return List.of("heaviside", "binary_step");
    }

    @Override
    public String displayName() {
        return "Step (Heaviside)";
    }

    @Override
    public String formula() {
        return "1 if x > 0, else 0";
    }

    @Override
    public String derivativeFormula() {
        return "0 everywhere (x = 0 included)";
    }

    @Override
    public String outputRange() {
        return "{0, 1}";
    }

    @Override
    public Traits traits() {
        return new Traits(true, false, false, Traits.Saturation.BOTH);
    }

    @Override
    public String reference() {
        return "Rosenblatt (1958), The perceptron: a probabilistic model for information storage and organization in the brain";
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
