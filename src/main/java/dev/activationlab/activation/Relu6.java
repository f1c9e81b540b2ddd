package dev.activationlab.activation;

import java.util.List;

/**
 * ReLU6, min(max(0, x), 6), as {@code torch.nn.functional.relu6}.
 *
 * <p>f'(x) = 1 for 0 &lt; x &lt; 6, else 0 (0 at both kinks, as PyTorch's autograd).
 * relu6(−0.0) = +0.0, as relu.
 *
 * <p>Source: Krizhevsky (2010), Convolutional deep belief networks on CIFAR-10 (technical report).
 */
public final class Relu6 extends ScalarActivation implements ScalarFunction {

    private static final double CAP = 6.0;

    public Relu6() {
        super(new ActivationDescriptor(
                "relu6",
                List.of(),
                "ReLU6",
                "min(max(0, x), 6)",
                "1 if 0 < x < 6, else 0 (0 at x = 0 and x = 6)",
                List.of(),
                "[0, 6]",
                new Traits(true, false, false, Traits.Saturation.BOTH),
                "torch.nn.functional.relu6; Krizhevsky (2010), Convolutional deep belief networks on CIFAR-10"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x > 0 ? Math.min(x, CAP) : 0.0;
    }

    @Override
    public double derivative(double x) {
        return x > 0 && x < CAP ? 1.0 : 0.0;
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
