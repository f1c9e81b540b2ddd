package dev.activationlab.activation;

import java.util.List;

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^−x), as {@code torch.sigmoid}.
 *
 * <p>Evaluated without overflow for every x: for x &lt; 0 as e^x / (1 + e^x), so σ(−800) is 0,
 * never NaN. The derivative σ(x)(1 − σ(x)) is computed as σ(x)·σ(−x), which keeps full relative
 * precision for large |x| where 1 − σ(x) would round to 0.
 */
public final class Sigmoid extends ScalarActivation implements ScalarFunction {

    /**
     * σ(x), stable for all x: 1/(1 + e) for x ≥ 0 and e/(1 + e) for x &lt; 0, e = e^(−|x|), the
     * numerator chosen without a branch (max(e, ±1)), which random signs would mispredict half the time.
     */
    static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return Math.max(e, Math.copySign(1.0, x)) / (1.0 + e);
    }

    /**
     * σ(x)·σ(−x) = σ'(x), from the one exponential e = e^(−|x|) that both factors share: they are
     * 1/(1 + e) and e/(1 + e), bit for bit the values {@link #sigmoid(double)} gives at x and −x.
     */
    static double derivativeOfSigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1.0 + e;
        return (1.0 / d) * (e / d);
    }

    /** ln(1 + e^x) without overflow or cancellation. */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    public Sigmoid() {
        super(new ActivationDescriptor(
                "sigmoid",
                List.of("logistic"),
                "Sigmoid (logistic)",
                "σ(x) = 1 / (1 + e^(−x))",
                "σ(x)(1 − σ(x)), at most 0.25 (at x = 0)",
                List.of(),
                "(0, 1)",
                new Traits(true, false, true, Traits.Saturation.BOTH),
                "torch.nn.Sigmoid; Rumelhart, Hinton & Williams (1986), Learning representations by back-propagating errors"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        return derivativeOfSigmoid(x);
    }

    @Override
    public double logAbsDerivative(double x) {
        // ln σ(x) + ln σ(−x) = −softplus(−x) − softplus(x): finite where σ'(x) underflows.
        return -softplus(-x) - softplus(x);
    }

    @Override
    public double maxAbsDerivative() {
        return 0.25;
    }
}
