package dev.activationlab.activation;

import java.util.List;

/**
 * The tanh approximation of GELU, 0.5·x·(1 + tanh u) with u = √(2/π)·(x + 0.044715·x³), as
 * {@code torch.nn.functional.gelu(x, approximate='tanh')}.
 *
 * <p>0.5·(1 + tanh u) is computed as σ(2u), σ the logistic sigmoid, which does not cancel for
 * negative x. Because σ(2u) ≈ e^(2u) there, an error in u of δ becomes a relative error of 2δ in
 * the result: 2u is therefore evaluated in double-double arithmetic (the constants √(2/π) and
 * 0.044715 each as a sum of two doubles) and the sigmoid corrected to first order in the low
 * part. The derivative is σ(2u)·(1 + 2x·u'·σ(−2u)) with u' = √(2/π)·(1 + 3·0.044715·x²), the
 * exact derivative in a form without cancellation or overflow, except within 0.05 of its zero
 * (x ≈ −0.75246, the minimum of gelu_tanh), where it is summed from its Taylor expansion about
 * that zero. For |x| &gt; 10^6 the sigmoid is
 * saturated and the function is x (x &gt; 0) or −0.0 (x &lt; 0). sup |f'| ≈ 1.128993 at
 * x ≈ ±1.41850 (f' ranges over [1 − 1.128993, 1.128993]).
 *
 * <p>Source: Hendrycks &amp; Gimpel (2016), Gaussian error linear units (GELUs), arXiv:1606.08415.
 */
public final class GeluTanh extends ScalarActivation implements ScalarFunction {

    /** 2·√(2/π) as an unevaluated sum of two doubles (mpmath, 60 digits). */
    private static final double TWO_K_HI = 1.5957691216057308;
    private static final double TWO_K_LO = -9.96930880911092e-17;
    /** The decimal 0.044715 as an unevaluated sum of two doubles. */
    private static final double A_HI = 0.044715;
    private static final double A_LO = 2.1960211427085595e-18;
    /** 3·0.044715, for u' (no precision needed beyond a few ulps there). */
    private static final double THREE_A = 0.134145;
    /** sup |f'|, at x ≈ 1.41850400879082836 (mpmath, 60 digits). */
    private static final double MAX_DERIVATIVE = 1.1289930686587717;
    /** Beyond this |x|, |2u| &gt; 10^16 and σ(2u) is exactly 0 or 1 in double. */
    private static final double SATURATED = 1e6;
    private static final double LOG_DERIVATIVE_CUTOFF = -5.0;

    /** f' about its zero r = -0.752461422071016258488 (mpmath, 120 digits). */
    private static final RootExpansion NEAR_ROOT = new RootExpansion(-0.7524614220710163, 3.635560509207687e-17, 0.05,
            0.4304000910248585, 0.38751844613578895, -0.01578285352184803, -0.11394448308095899,
            -0.01661932834305256, 0.019682309459833118, 0.005261059254921912, -0.0024227318458750974,
            -0.0009274420230205449, 0.00026392764052681053, 0.00012425227802639782, -3.4956171694436116e-05);

    public GeluTanh() {
        super(new ActivationDescriptor(
                "gelu_tanh",
                List.of(),
                "GELU (tanh approximation)",
                "0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))",
                "0.5·(1 + tanh u) + 0.5·x·(1 − tanh² u)·u', u = √(2/π)·(x + 0.044715·x³), "
                        + "u' = √(2/π)·(1 + 0.134145·x²)",
                List.of(),
                "[−0.17004…, ∞) (minimum at x ≈ −0.75246)",
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.gelu (approximate='tanh'); Hendrycks & Gimpel (2016), "
                        + "Gaussian error linear units (GELUs), arXiv:1606.08415"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    /**
     * 2u = 2√(2/π)·x·(1 + 0.044715·x²) as hi + lo, |x| ≤ 10^6.
     *
     * @return {hi, lo}
     */
    private static double[] twoU(double x) {
        // x² exactly.
        double sq = x * x;
        double sqLo = Math.fma(x, x, -sq);
        // a·x².
        double ax = A_HI * sq;
        double axLo = Math.fma(A_HI, sq, -ax) + A_HI * sqLo + A_LO * sq;
        // 1 + a·x² (two-sum).
        double b = 1.0 + ax;
        double bb = b - 1.0;
        double bLo = (1.0 - (b - bb)) + (ax - bb) + axLo;
        // x·(1 + a·x²).
        double c = x * b;
        double cLo = Math.fma(x, b, -c) + x * bLo;
        // 2√(2/π)·x·(1 + a·x²).
        double d = TWO_K_HI * c;
        double dLo = Math.fma(TWO_K_HI, c, -d) + TWO_K_HI * cLo + TWO_K_LO * c;
        double hi = d + dLo;
        return new double[] {hi, dLo - (hi - d)};
    }

    @Override
    public double value(double x) {
        if (Math.abs(x) > SATURATED) {
            return x > 0 ? x : -0.0;
        }
        double[] v = twoU(x);
        return x * StableKernels.sigmoidOfSum(v[0], v[1]);
    }

    @Override
    public double derivative(double x) {
        if (NEAR_ROOT.covers(x)) {
            return NEAR_ROOT.evaluate(x);
        }
        if (Math.abs(x) > SATURATED) {
            return x > 0 ? 1.0 : -0.0;
        }
        double[] v = twoU(x);
        return StableKernels.sigmoidOfSum(v[0], v[1])
                * (1.0 + slopeFactor(x) * StableKernels.sigmoidOfSum(-v[0], -v[1]));
    }

    /** 2x·u' = 2√(2/π)·x·(1 + 3·0.044715·x²). */
    private static double slopeFactor(double x) {
        return TWO_K_HI * x * (1.0 + THREE_A * x * x);
    }

    @Override
    public double logAbsDerivative(double x) {
        if (x >= LOG_DERIVATIVE_CUTOFF) {
            return Math.log(Math.abs(derivative(x)));
        }
        if (x < -SATURATED) {
            // ln σ(2u) = 2u and σ(−2u) = 1 to double precision. Below x ≈ −1.36e103, 2u (and with it
            // ln f') is below −Double.MAX_VALUE: the answer rounds to −∞.
            double twoU = TWO_K_HI * x * (1.0 + A_HI * x * x);
            if (twoU == Double.NEGATIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
            // ln|1 + 2x·u'| with |2x·u'| > 10^17 here, so 1 + 2x·u' is 2x·u' to double precision: taken as
            // ln(2√(2/π)·|x|) + ln(1 + 3·0.044715·x²), since 2x·u' itself overflows from x ≈ −1.2e103 on.
            return twoU + (Math.log(TWO_K_HI * -x) + Math.log1p(THREE_A * x * x));
        }
        double[] v = twoU(x);
        // ln σ(hi + lo) = −softplus(−hi − lo) ≈ −softplus(−hi) + lo·σ(−hi).
        double logSigmoid = -StableKernels.softplus(-v[0]) + v[1] * StableKernels.sigmoid(-v[0]);
        return logSigmoid + Math.log(Math.abs(1.0 + slopeFactor(x) * StableKernels.sigmoidOfSum(-v[0], -v[1])));
    }

    @Override
    public double maxAbsDerivative() {
        return MAX_DERIVATIVE;
    }
}
