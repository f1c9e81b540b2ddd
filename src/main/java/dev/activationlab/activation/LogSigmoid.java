package dev.activationlab.activation;

import java.util.List;

/**
 * The logarithm of the logistic sigmoid, ln σ(x) = −softplus(−x), as
 * {@code torch.nn.functional.logsigmoid}.
 *
 * <p>Evaluated as x − log1p(e^x) for x &lt; 0 and −log1p(e^−x) otherwise, so that
 * log_sigmoid(−1000) is −1000 and log_sigmoid(1000) is −0.0 (the true value −e^−1000 underflows),
 * never −∞ or NaN. f'(x) = σ(−x); ln f'(x) = −softplus(x) stays finite where σ(−x) underflows.
 * sup f' = 1 (as x → −∞).
 */
public final class LogSigmoid extends ScalarActivation implements ScalarFunction {

    public LogSigmoid() {
        super(new ActivationDescriptor(
                "log_sigmoid",
                List.of("logsigmoid"),
                "Log-sigmoid",
                "ln σ(x) = −ln(1 + e^(−x))",
                "σ(−x) = 1 / (1 + e^x)",
                List.of(),
                "(−∞, 0)",
                new Traits(true, false, true, Traits.Saturation.POSITIVE),
                "torch.nn.functional.logsigmoid"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        // x − ln(1 + e^x) for x < 0, −ln(1 + e^−x) otherwise (−0.0 where the logarithm underflows).
        return -StableKernels.softplus(-x);
    }

    @Override
    public double derivative(double x) {
        return StableKernels.sigmoid(-x);
    }

    @Override
    public double logAbsDerivative(double x) {
        return -StableKernels.softplus(x);
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
