package dev.activationlab.activation;

/**
 * The hyperbolic tangent, as {@code torch.tanh}.
 *
 * <p>The derivative 1 − tanh²x is computed as sech²x = 4e^(−2|x|)/(1 + e^(−2|x|))², which keeps
 * full relative precision for |x| ≳ 19 where tanh x rounds to ±1 and the textbook form gives 0,
 * stays a subnormal number rather than 0 up to |x| ≈ 372 (where cosh²x would overflow), and costs
 * one exponential (an intrinsic) instead of {@code Math.cosh}.
 */
public final class Tanh implements ScalarActivation, ScalarFunction {

    private static final double LN_4 = Math.log(4.0);

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String displayName() {
        return "Hyperbolic tangent";
    }

    @Override
    public String formula() {
        return "tanh x = (e^x − e^(−x)) / (e^x + e^(−x))";
    }

    @Override
    public String derivativeFormula() {
        return "1 − tanh² x = sech² x, at most 1 (at x = 0)";
    }

    @Override
    public String outputRange() {
        return "(−1, 1)";
    }

    @Override
    public Traits traits() {
        return new Traits(true, true, true, Traits.Saturation.BOTH);
    }

    @Override
    public String reference() {
        return "torch.nn.Tanh; LeCun et al. (1998), Efficient BackProp";
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double e = Math.exp(-2 * Math.abs(x));
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
