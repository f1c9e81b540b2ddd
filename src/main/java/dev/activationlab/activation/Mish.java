package dev.activationlab.activation;

import java.util.List;

/**
 * Mish, x·tanh(softplus(x)), as {@code torch.nn.functional.mish}.
 *
 * <p>With m = e^x and n = m(m + 2), tanh(softplus(x)) = n/(n + 2) and
 * sech²(softplus(x)) = 4(n + 1)/(n + 2)²; for x ≥ 0 the same ratios are written in e = e^−x
 * ((1 + 2e)/(1 + 2e + 2e²) and (2e(1 + e)/(1 + 2e + 2e²))²). All terms are positive, so nothing
 * cancels and nothing overflows. The exact derivative tanh(sp) + x·sech²(sp)·σ(x) is, for
 * x &lt; 0, m·[(m + 2)/(n + 2) + 4x(n + 1)/((1 + m)(n + 2)²)]: the factor m = e^x carries the
 * underflow (keeping the sign) and ln |f'| = x + ln |[…]|. Within 0.05 of the zero of f'
 * (x ≈ −1.19243, the minimum of mish), where the two terms cancel, f' is summed from its
 * Taylor expansion about that zero. sup |f'| ≈ 1.0884982 at x ≈ 1.49057.
 *
 * <p>Source: Misra (2019), Mish: a self regularized non-monotonic activation function,
 * arXiv:1908.08681.
 */
public final class Mish extends ScalarActivation implements ScalarFunction {

    /** sup |f'| = f'(1.49057117948542846…) (mpmath, 40 digits). */
    private static final double MAX_DERIVATIVE = 1.088498161251728;

    /** f' about its zero r = -1.19243121451549521214 (mpmath, 120 digits). */
    private static final RootExpansion NEAR_ROOT = new RootExpansion(-1.1924312145154952, -4.8484829848031044e-17, 0.05,
            0.2669479140495345, 0.20473126408010586, 0.04190782104360987, -0.020271822716684245,
            -0.01582112656173338, -0.0033606849270232685, 0.0010924055409445854, 0.0009898181021289196,
            0.00025412936386191073, -4.1961496031696126e-05, -5.582891567360688e-05, -1.72992708103044e-05);

    public Mish() {
        super(new ActivationDescriptor(
                "mish",
                List.of(),
                "Mish",
                "x·tanh(softplus(x)) = x·tanh(ln(1 + e^x))",
                "tanh(softplus(x)) + x·sech²(softplus(x))·σ(x)",
                List.of(),
                "[−0.30884…, ∞) (minimum at x ≈ −1.19243)",
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.mish; Misra (2019), Mish: a self regularized non-monotonic activation "
                        + "function, arXiv:1908.08681"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        if (x >= 0) {
            double e = Math.exp(-x);
            return x * ((1.0 + 2.0 * e) / (1.0 + 2.0 * e * (1.0 + e)));
        }
        double m = Math.exp(x);
        double n = m * (m + 2.0);
        return x * (n / (n + 2.0));
    }

    @Override
    public double derivative(double x) {
        if (NEAR_ROOT.covers(x)) {
            return NEAR_ROOT.evaluate(x);
        }
        if (x >= 0) {
            double e = Math.exp(-x);
            double d = 1.0 + 2.0 * e * (1.0 + e);
            double s = 2.0 * e * (1.0 + e) / d;
            return (1.0 + 2.0 * e) / d + x * (s * s) / (1.0 + e);
        }
        double m = Math.exp(x);
        return m * negativeBracket(x, m);
    }

    /** f'(x)/e^x for x &lt; 0, m = e^x. */
    private static double negativeBracket(double x, double m) {
        double n = m * (m + 2.0);
        double n2 = n + 2.0;
        return (m + 2.0) / n2 + 4.0 * x * (n + 1.0) / ((1.0 + m) * n2 * n2);
    }

    @Override
    public double logAbsDerivative(double x) {
        if (x >= 0 || NEAR_ROOT.covers(x)) {
            return Math.log(Math.abs(derivative(x)));
        }
        return x + Math.log(Math.abs(negativeBracket(x, Math.exp(x))));
    }

    @Override
    public double maxAbsDerivative() {
        return MAX_DERIVATIVE;
    }
}
