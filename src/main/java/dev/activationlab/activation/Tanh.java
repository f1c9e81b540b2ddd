package dev.activationlab.activation;

import java.util.List;

/**
 * The hyperbolic tangent, as {@code torch.tanh}.
 *
 * <p>The derivative 1 − tanh²x is computed as sech²x = 4e^(−2|x|)/(1 + e^(−2|x|))², from one
 * exponential (an intrinsic, where {@code Math.cosh} is a native call in JDK 17), which keeps full
 * relative precision for |x| ≳ 19 where tanh x rounds to ±1 and the textbook form gives 0. Beyond
 * |x| = 20 it is 4e^(−2|x|), to which the exact form reduces within rounding there, so the
 * derivative stays nonzero, a subnormal, up to |x| ≈ 373.2 as the true value does.
 *
 * <p>Source: {@code torch.nn.Tanh}; LeCun, Bottou, Orr &amp; Müller (1998), Efficient BackProp, in
 * Neural Networks: Tricks of the Trade.
 */
public final class Tanh extends ScalarActivation implements ScalarFunction {

    private static final double LN_4 = Math.log(4.0);
    /** Beyond this |x|, e^(−2|x|) &lt; 4.3e−18 and (1 + e^(−2|x|))² rounds to 1. */
    private static final double EXPONENTIAL_TAIL = 20.0;
    /** Below this |x|, tanh x is taken from e^(−2|x|) − 1, above from e^(−2|x|). */
    private static final double NEAR_ZERO = 0.75;

    public Tanh() {
        super(new ActivationDescriptor(
                "tanh",
                List.of(),
                "Hyperbolic tangent",
                "tanh x = (e^x − e^(−x)) / (e^x + e^(−x))",
                "1 − tanh² x = sech² x, at most 1 (at x = 0)",
                List.of(),
                "(−1, 1)",
                new Traits(true, true, true, Traits.Saturation.BOTH),
                "torch.nn.Tanh; LeCun et al. (1998), Efficient BackProp"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        double v = -2 * Math.abs(x);
        return valueFrom(x, BlockedExp.expm1OfNonPositive(v), BlockedExp.expBesideExpm1(v));
    }

    /**
     * tanh x from m = e^(−2|x|) − 1 and e = e^(−2|x|), without a branch, as fdlibm's s_tanh.c
     * splits it: −m/(m + 2) below |x| = 0.75, where it keeps the relative precision of m near 0,
     * and 1 − 2e/(1 + e) above, where it damps the error of e; the sign of x (and of a zero) last.
     * Within 2.1 ulps of the exact value, as Math.tanh (VectorKernelsTest).
     */
    private static double valueFrom(double x, double m, double e) {
        double near = -m / (m + 2.0);
        double far = 1.0 - 2.0 * e / (1.0 + e);
        double useNear = StableKernels.positiveStep(NEAR_ZERO - Math.abs(x));
        return (useNear * near + (1.0 - useNear) * far) * StableKernels.unitSign(x);
    }

    /** tanh over a vector through {@link BlockedExp}: bit for bit {@link #value} of each element. */
    @Override
    public void values(double[] x, double[] out) {
        BlockedExp.forEachBlock(x, out, (block, n) -> block.expm1OfScaledAbs(n, -2.0), Tanh::valuesOfBlock);
    }

    private static void valuesOfBlock(BlockedExp block, int n) {
        double[] in = block.input;
        double[] y = block.result;
        for (int j = 0; j < n; j++) {
            y[j] = valueFrom(in[j], block.expm1(j), block.expBesideExpm1(j));
        }
    }

    @Override
    public double derivative(double x) {
        double a = Math.abs(x);
        if (a > EXPONENTIAL_TAIL) {
            double e = Math.exp(-2 * a);
            if (e >= Double.MIN_NORMAL) {
                return 4 * e;
            }
            // e would already be rounded to the coarse subnormal grid and 4·e inherit four times that
            // error; (2e^(−a))² rounds only once, onto the grid of the result.
            double half = 2 * Math.exp(-a);
            return half * half;
        }
        double e = Math.exp(-2 * a);
        double d = 1.0 + e;
        return 4 * e / (d * d);
    }

    @Override
    public double logAbsDerivative(double x) {
        // sech² x = 4e^(−2|x|) / (1 + e^(−2|x|))², finite in log space for any x.
        double a = Math.abs(x);
        return LN_4 - 2 * a - 2 * Math.log1p(Math.exp(-2 * a));
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
