package dev.activationlab.activation;

import java.util.List;

/**
 * Leaky ReLU: x for x &gt; 0, else alpha·x, as {@code torch.nn.LeakyReLU} (alpha is PyTorch's
 * {@code negative_slope}). Derivative at the kink: f'(0) = alpha, as PyTorch's autograd.
 *
 * <p>Source: Maas, Hannun &amp; Ng (2013), Rectifier nonlinearities improve neural network acoustic
 * models, ICML Workshop on Deep Learning for Audio, Speech and Language Processing.
 */
public final class LeakyRelu extends ScalarActivation {

    public LeakyRelu() {
        super(new ActivationDescriptor(
                "leaky_relu",
                List.of(),
                "Leaky ReLU",
                "x if x > 0, else alpha·x",
                "1 if x > 0, else alpha (alpha at x = 0)",
                List.of(
                        Parameter.unbounded("alpha", 0.01, "Slope for x ≤ 0 (PyTorch's negative_slope).")),
                "(−∞, ∞)",
                new Traits(true, true, false, Traits.Saturation.NONE),
                "torch.nn.LeakyReLU; Maas, Hannun & Ng (2013), Rectifier nonlinearities improve neural network acoustic models"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return withNegativeSlope(parameters.get("alpha"));
    }

    /**
     * x for x &gt; 0, else alpha·x, with f'(0) = alpha as PyTorch's autograd: leaky_relu's and
     * prelu's function alike.
     */
    static ScalarFunction withNegativeSlope(double alpha) {
        return new ScalarFunction() {
            @Override
            public double value(double x) {
                if (x > 0) {
                    return x;
                }
                // With alpha = 0 the negative branch is exactly 0, which is +0.0.
                return alpha == 0 ? 0.0 : alpha * x;
            }

            @Override
            public double derivative(double x) {
                return x > 0 ? 1.0 : alpha;
            }

            @Override
            public double maxAbsDerivative() {
                return Math.max(1.0, Math.abs(alpha));
            }
        };
    }
}
