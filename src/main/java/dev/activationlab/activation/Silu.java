package dev.activationlab.activation;

import java.util.List;

/**
 * The sigmoid linear unit (swish with β = 1) x·σ(x), as {@code torch.nn.functional.silu}.
 *
 * <p>σ is evaluated without overflow, so silu(−800) is −0.0, never NaN. The derivative
 * σ(x)(1 + x(1 − σ(x))) is computed as σ(x)·(1 + x·σ(−x)), which neither cancels for large
 * positive x nor overflows; ln |f'(x)| = −softplus(−x) + ln |1 + x·σ(−x)| stays finite where f'
 * underflows. Within 0.05 of the zero of f' (x ≈ −1.27846, the minimum of silu), where the
 * two terms cancel, f' is summed from its Taylor expansion about that zero. f'(x) + f'(−x) = 1,
 * and sup |f'| ≈ 1.0998393 at x ≈ ±2.39936.
 *
 * <p>Sources: Elfwing, Uchibe &amp; Doya (2018), Sigmoid-weighted linear units for neural network
 * function approximation in reinforcement learning, Neural Networks 107; Ramachandran, Zoph &amp; Le
 * (2017), Searching for activation functions, arXiv:1710.05941 (swish); Hendrycks &amp; Gimpel
 * (2016).
 */
public final class Silu extends ScalarActivation implements ScalarFunction {

    /** sup |f'| = f'(2.39935728051546767…) (mpmath, 60 digits). */
    private static final double MAX_DERIVATIVE = 1.099839320128867;

    /** f' about its zero r = -1.27846454276107379511 (mpmath, 120 digits). */
    private static final RootExpansion NEAR_ROOT = new RootExpansion(-1.2784645427610737, -1.0946994183093437e-16, 0.05,
            0.2178117057198001, 0.1466487969969469, 0.018874814223782312, -0.015222655223188032,
            -0.006606589138356696, 0.000126627410081122, 0.0007985218818397998, 0.00018570724361186496,
            -4.090534237428612e-05, -2.9733542213263917e-05, -2.942631888842464e-06, 2.346029682463866e-06);

    public Silu() {
        super(new ActivationDescriptor(
                "silu",
                List.of("swish"),
                "SiLU (swish)",
                "x·σ(x) = x / (1 + e^(−x))",
                "σ(x)·(1 + x·(1 − σ(x)))",
                List.of(),
                "[−0.27846…, ∞) (minimum at x ≈ −1.27846)",
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.silu; Elfwing, Uchibe & Doya (2018), Sigmoid-weighted linear units for neural "
                        + "network function approximation in reinforcement learning; Ramachandran, Zoph & Le (2017), "
                        + "Searching for activation functions (swish)"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x * StableKernels.sigmoid(x);
    }

    @Override
    public double derivative(double x) {
        if (NEAR_ROOT.covers(x)) {
            return NEAR_ROOT.evaluate(x);
        }
        return derivativeFromExp(x, BlockedExp.exp(-Math.abs(x)));
    }

    /**
     * σ(x)·(1 + x·σ(−x)) from the one exponential e = e^(−|x|) that σ(x) and σ(−x) share, their
     * numerators max(e, ±1) as in {@link StableKernels#sigmoidFromExp}, spelt out with the common
     * denominator, a shape that C2 vectorises.
     */
    private static double derivativeFromExp(double x, double e) {
        double sign = StableKernels.unitSign(x);
        double d = 1.0 + e;
        return Math.max(e, sign) / d * (1.0 + x * (Math.max(e, -sign) / d));
    }

    /** silu over a vector through {@link BlockedExp}: bit for bit {@link #value} of each element. */
    @Override
    public void values(double[] x, double[] out) {
        BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0), Silu::valuesOfBlock);
    }

    /**
     * silu' over a vector through {@link BlockedExp}: bit for bit {@link #derivative} of each
     * element. The general form goes through every element, vectorised; a scalar pass then puts the
     * expansion about the zero of f' where it applies (a branch would keep the loop scalar).
     */
    @Override
    public void derivatives(double[] x, double[] out) {
        BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0), (block, n) -> {
            derivativesOfBlock(block, n);
            NEAR_ROOT.overwriteCovered(block.input, block.result, n);
        });
    }

    private static void valuesOfBlock(BlockedExp block, int n) {
        double[] in = block.input;
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = in[j] * StableKernels.sigmoidFromExp(in[j], block.exp(j));
        }
    }

    private static void derivativesOfBlock(BlockedExp block, int n) {
        double[] in = block.input;
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = derivativeFromExp(in[j], block.exp(j));
        }
    }

    @Override
    public double logAbsDerivative(double x) {
        if (NEAR_ROOT.covers(x)) {
            return Math.log(Math.abs(NEAR_ROOT.evaluate(x)));
        }
        return -StableKernels.softplus(-x) + Math.log(Math.abs(1.0 + x * StableKernels.sigmoid(-x)));
    }

    @Override
    public double maxAbsDerivative() {
        return MAX_DERIVATIVE;
    }
}
