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
        return StableKernels.sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        return StableKernels.sigmoidDerivative(x);
    }

    /** σ over a vector through {@link BlockedExp}: bit for bit {@link #value} of each element. */
    @Override
    public void values(double[] x, double[] out) {
        BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0), Sigmoid::valuesOfBlock);
    }

    /** σ' over a vector through {@link BlockedExp}: bit for bit {@link #derivative} of each element. */
    @Override
    public void derivatives(double[] x, double[] out) {
        BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0), Sigmoid::derivativesOfBlock);
    }

    private static void valuesOfBlock(BlockedExp block, int n) {
        double[] in = block.input;
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = StableKernels.sigmoidFromExp(in[j], block.exp(j));
        }
    }

    private static void derivativesOfBlock(BlockedExp block, int n) {
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = StableKernels.sigmoidDerivativeFromExp(block.exp(j));
        }
    }

    @Override
    public double logAbsDerivative(double x) {
        // ln σ(x) + ln σ(−x) = −softplus(−x) − softplus(x): finite where σ'(x) underflows.
        return -StableKernels.softplus(-x) - StableKernels.softplus(x);
    }

    @Override
    public double maxAbsDerivative() {
        return 0.25;
    }
}
