package dev.activationlab.activation;

import java.util.List;

/**
 * Softsign x / (1 + |x|), as {@code torch.nn.functional.softsign}.
 *
 * <p>f'(x) = 1/(1 + |x|)², computed as (1/(1 + |x|))/(1 + |x|) so that it does not overflow to 0
 * prematurely for |x| above 10^154; ln f'(x) = −2·log1p(|x|). sup f' = 1 at x = 0.
 *
 * <p>Source: Glorot &amp; Bengio (2010), Understanding the difficulty of training deep feedforward
 * neural networks, AISTATS (where softsign is compared with tanh).
 */
public final class Softsign extends ScalarActivation implements ScalarFunction {

    public Softsign() {
        super(new ActivationDescriptor(
                "softsign",
                List.of(),
                "Softsign",
                "x / (1 + |x|)",
                "1 / (1 + |x|)²",
                List.of(),
                "(−1, 1)",
                new Traits(true, true, true, Traits.Saturation.BOTH),
                "torch.nn.functional.softsign; Glorot & Bengio (2010), Understanding the difficulty of training "
                        + "deep feedforward neural networks"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x / (1.0 + Math.abs(x));
    }

    @Override
    public double derivative(double x) {
        double d = 1.0 + Math.abs(x);
        return 1.0 / d / d;
    }

    @Override
    public double logAbsDerivative(double x) {
        return -2.0 * Math.log1p(Math.abs(x));
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
