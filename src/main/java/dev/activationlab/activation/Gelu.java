package dev.activationlab.activation;

import java.util.List;
import org.apache.commons.numbers.gamma.Erfcx;

/**
 * The Gaussian error linear unit x·Φ(x), Φ the standard normal CDF, in its exact form, as
 * {@code torch.nn.functional.gelu(x, approximate='none')}.
 *
 * <p>Φ(x) is computed as erfc(−x/√2)/2 (never as (1 + erf(x/√2))/2, which cancels for negative
 * x), with the rounding of x/√2 corrected to first order, so that gelu(−37) keeps full relative
 * precision; gelu(x) underflows to −0.0 below about −38.5. Φ and φ come from {@link NormalCdf},
 * whose block form C2 vectorises: {@link #values} and {@link #derivatives} give, bit for bit,
 * what {@link #value} and {@link #derivative} give element by element. f'(x) = Φ(x) + x·φ(x), φ the
 * standard normal density, evaluated with x² split exactly into two doubles; within 0.05 of
 * its zero (x ≈ −0.75179, the minimum of gelu), where the two terms cancel, f' is summed from
 * its Taylor expansion about that zero. ln |f'(x)| is
 * computed from ln φ(x) and the Mills ratio Φ(x)/φ(x) = √(π/2)·erfcx(−x/√2) where f'
 * underflows. sup |f'| = f'(√2) ≈ 1.128904 (f'' = φ(x)(2 − x²)); f' ranges over
 * [1 − f'(√2), f'(√2)].
 *
 * <p>Source: Hendrycks &amp; Gimpel (2016), Gaussian error linear units (GELUs), arXiv:1606.08415.
 */
public final class Gelu extends ScalarActivation implements ScalarFunction {

    /** 1/√2 rounded (mpmath, 60 digits). */
    private static final double INV_SQRT2_HI = 0.7071067811865476;
    private static final double LN_SQRT_2PI = 0.9189385332046728;
    private static final double SQRT_PI_OVER_2 = 1.2533141373155003;
    /** f'(√2) = Φ(√2) + √2·φ(√2) (mpmath, 60 digits). */
    private static final double MAX_DERIVATIVE = 1.1289041451851547;
    /** Below this, ln |f'| goes through the Mills ratio instead of f' itself. */
    private static final double LOG_DERIVATIVE_CUTOFF = -5.0;

    /** f' about its zero r = -0.751791524693564457458 (mpmath, 120 digits). */
    private static final RootExpansion NEAR_ROOT = new RootExpansion(-0.7517915246935645, 1.4956759177009883e-17, 0.05,
            0.4314939923140469, 0.388284982990552, -0.018199676398671087, -0.1140082332972217,
            -0.014771522148244337, 0.019421679838189067, 0.004539228379125415, -0.002239538068073497,
            -0.0007448268386746817, 0.00018633974623233514, 8.615947861116571e-05, -1.121438018842664e-05);

    public Gelu() {
        super(new ActivationDescriptor(
                "gelu",
                List.of(),
                "GELU (Gaussian error linear unit, exact)",
                "x·Φ(x), Φ(x) = (1 + erf(x/√2))/2 the standard normal CDF",
                "Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π)",
                List.of(),
                "[−0.16997…, ∞) (minimum at x ≈ −0.75179)",
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.gelu (approximate='none'); Hendrycks & Gimpel (2016), "
                        + "Gaussian error linear units (GELUs), arXiv:1606.08415"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x * NormalCdf.cdf(x);
    }

    @Override
    public double derivative(double x) {
        if (NEAR_ROOT.covers(x)) {
            return NEAR_ROOT.evaluate(x);
        }
        double e = BlockedExp.exp(NormalCdf.exponentArgument(x));
        return derivativeFrom(x, e, NormalCdf.cdfFrom(x, e));
    }

    /**
     * Φ(x) + x·φ(x) from Φ(x) and e = e^(−x²/2) ({@link NormalCdf}). Both terms underflow below
     * about −38.6, where the exact f' is negative: below −1 (where f' &lt; 0) the sum is capped at
     * −0.0, elsewhere at 2 (above sup f'), by one min and no branch.
     */
    private static double derivativeFrom(double x, double e, double cdf) {
        double d = cdf + x * NormalCdf.densityFrom(x, e);
        double cap = -((StableKernels.positiveStep(-1.0 - x) - 1.0) * 2.0);
        return Math.min(d, cap);
    }

    /** gelu over a vector through {@link BlockedExp} and {@link NormalCdf}: bit for bit {@link #value}. */
    @Override
    public void values(double[] x, double[] out) {
        NormalCdf.Blocks cdfs = new NormalCdf.Blocks(x.length);
        BlockedExp.forEachBlock(x, out, Gelu::exponentials, (block, n) -> {
            cdfs.cdfs(block, block.result, n);
            valuesOfBlock(block.input, block.result, n);
        });
    }

    /**
     * gelu' over a vector through {@link BlockedExp} and {@link NormalCdf}: bit for bit
     * {@link #derivative}. The general form goes through every element, vectorised; a scalar pass
     * then puts the expansion about the zero of f' where it applies.
     */
    @Override
    public void derivatives(double[] x, double[] out) {
        NormalCdf.Blocks cdfs = new NormalCdf.Blocks(x.length);
        BlockedExp.forEachBlock(x, out, Gelu::exponentials, (block, n) -> {
            cdfs.cdfs(block, block.result, n);
            derivativesOfBlock(block, n);
            NEAR_ROOT.overwriteCovered(block.input, block.result, n);
        });
    }

    /**
     * e^(−x²/2) of a block; its arguments pass through the block's result, which the steps after
     * overwrite ({@link BlockedExp#expOf} keeps what it needs apart).
     */
    private static void exponentials(BlockedExp block, int n) {
        NormalCdf.exponentArguments(block.input, block.result, n);
        block.expOf(block.result, n);
    }

    /** y_j = x_j·Φ(x_j), Φ in y. */
    private static void valuesOfBlock(double[] x, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = x[j] * y[j];
        }
    }

    /** f'(x_j) from Φ(x_j), which the block's result holds, and its e^(−x²/2). */
    private static void derivativesOfBlock(BlockedExp block, int n) {
        double[] in = block.input;
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = derivativeFrom(in[j], block.exp(j), y[j]);
        }
    }

    @Override
    public double logAbsDerivative(double x) {
        if (x >= LOG_DERIVATIVE_CUTOFF) {
            return Math.log(Math.abs(derivative(x)));
        }
        // f'(x) = φ(x)·(x + Φ(x)/φ(x)), both factors without underflow in log space.
        double mills = SQRT_PI_OVER_2 * Erfcx.value(-x * INV_SQRT2_HI);
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return -0.5 * hi - 0.5 * lo - LN_SQRT_2PI + Math.log(Math.abs(x + mills));
    }

    @Override
    public double maxAbsDerivative() {
        return MAX_DERIVATIVE;
    }
}
