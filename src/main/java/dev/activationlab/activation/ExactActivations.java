package dev.activationlab.activation;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Scalar activations and their derivatives to many significant digits: the truth against which
 * a double result too near a rounding midpoint of a narrower dtype is decided, and against which
 * the accuracy oracle measures errors.
 *
 * <p>Formulas are API.md's, with the kink conventions of the catalogue, written in forms that do
 * not cancel (σ(x)σ(−x) for σ', sech² for 1 − tanh², x·σ(2u) for gelu_tanh, the rationalised
 * squareplus for x &lt; 0); where cancellation remains (x − tanh x near 0, e^x − 1 near 0, the
 * zeros of gelu', silu', mish', snake') the working precision grows with the digits lost.
 * Piecewise rational functions are computed exactly in {@link BigDecimal}.
 */
public final class ExactActivations {

    /** Significant decimal digits kept after any cancellation. */
    private static final int DIGITS = 60;
    /** Beyond this working precision the evaluation is refused (a caller keeps its double). */
    private static final int MAX_DIGITS = 2500;

    private static final BigDecimal SELU_LAMBDA = new BigDecimal("1.0507009873554804934193349852946");
    private static final BigDecimal SELU_ALPHA = new BigDecimal("1.6732632423543772848170429916717");
    private static final BigDecimal GELU_TANH_C = new BigDecimal("0.044715");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ExactActivations() {
    }


    /**
     * f(x) or f'(x) of a scalar activation, to at least 60 significant digits (exactly, for the
     * piecewise rational ones).
     *
     * @param name       canonical name of a scalar activation ({@link #covers})
     * @param parameters its resolved parameters
     * @param x          the input, a finite double taken exactly
     * @param derivative false for f, true for f'
     * @return the value; null where this class cannot evaluate it within its precision budget
     *         (then the caller's double stands)
     */
    public static BigDecimal value(String name, Parameters parameters, double x, boolean derivative) {
        try {
            return new Evaluation(parameters, x).of(name, derivative);
        } catch (ArithmeticException | org.apfloat.ApfloatRuntimeException | TooCostly e) {
            return null;
        }
    }

    private static final class TooCostly extends RuntimeException {
        TooCostly() {
            super(null, null, false, false);
        }
    }

    /** One evaluation: x exactly, the working precision chosen for it. */
    private static final class Evaluation {
        private final Parameters p;
        private final double xd;
        private final BigDecimal x;
        private final long precision;

        Evaluation(Parameters parameters, double xd) {
            this.p = parameters;
            this.xd = xd;
            this.x = new BigDecimal(xd);
            // Digits lost: to cancellation near 0 (x − tanh x, e^x − 1 lose up to 3·|log10 x|),
            // to e^−|x| against 1 (|x|·log10 e), and to reducing a large argument of sin.
            double ax = Math.abs(xd);
            double small = ax > 0 && ax < 1 ? -3 * Math.log10(ax) : 0;
            double large = ax > 1 ? 0.4343 * ax + Math.log10(ax) : 0;
            double digits = DIGITS + 10 + small + large;
            if (digits > MAX_DIGITS) {
                // Large |x| where e^−|x| would be lost: every formula below keeps its tails in
                // ratios, so only the sine's range reduction needs these digits; cap for the rest.
                digits = DIGITS + 10 + small + Math.min(large, 40);
            }
            this.precision = (long) Math.ceil(digits);
        }

        BigDecimal of(String name, boolean d) {
            return switch (name) {
                case "step" -> d ? BigDecimal.ZERO : (xd > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
                case "linear" -> d ? bd(p.get("c")) : bd(p.get("c")).multiply(x);
                case "relu" -> xd > 0 ? (d ? BigDecimal.ONE : x) : BigDecimal.ZERO;
                case "leaky_relu", "prelu" -> xd > 0 ? (d ? BigDecimal.ONE : x)
                        : (d ? bd(p.get("alpha")) : bd(p.get("alpha")).multiply(x));
                case "rrelu" -> {
                    BigDecimal slope = bd(p.get("lower")).add(bd(p.get("upper"))).multiply(HALF);
                    yield xd > 0 ? (d ? BigDecimal.ONE : x) : (d ? slope : slope.multiply(x));
                }
                case "relu_squared" -> xd > 0 ? (d ? TWO.multiply(x) : x.multiply(x)) : BigDecimal.ZERO;
                case "relu6" -> d ? (xd > 0 && xd < 6 ? BigDecimal.ONE : BigDecimal.ZERO)
                        : (xd <= 0 ? BigDecimal.ZERO : xd >= 6 ? BigDecimal.valueOf(6) : x);
                case "hard_tanh" -> {
                    double min = p.get("min");
                    double max = p.get("max");
                    yield d ? (xd > min && xd < max ? BigDecimal.ONE : BigDecimal.ZERO)
                            : (xd <= min ? bd(min) : xd >= max ? bd(max) : x);
                }
                case "hard_sigmoid" -> d ? (xd > -3 && xd < 3 ? divide(BigDecimal.ONE, BigDecimal.valueOf(6)) : BigDecimal.ZERO)
                        : (xd <= -3 ? BigDecimal.ZERO : xd >= 3 ? BigDecimal.ONE
                        : divide(x, BigDecimal.valueOf(6)).add(HALF));
                case "hard_swish" -> d ? (xd < -3 ? BigDecimal.ZERO : xd > 3 ? BigDecimal.ONE
                        : divide(x.multiply(TWO).add(BigDecimal.valueOf(3)), BigDecimal.valueOf(6)))
                        : (xd <= -3 ? BigDecimal.ZERO : xd >= 3 ? x
                        : divide(x.multiply(x.add(BigDecimal.valueOf(3))), BigDecimal.valueOf(6)));
                case "softshrink" -> {
                    BigDecimal l = bd(p.get("lambda"));
                    double ld = p.get("lambda");
                    yield d ? (Math.abs(xd) > ld ? BigDecimal.ONE : BigDecimal.ZERO)
                            : (xd > ld ? x.subtract(l) : xd < -ld ? x.add(l) : BigDecimal.ZERO);
                }
                case "hardshrink" -> Math.abs(xd) > p.get("lambda") ? (d ? BigDecimal.ONE : x) : BigDecimal.ZERO;
                case "threshold" -> xd > p.get("threshold") ? (d ? BigDecimal.ONE : x)
                        : (d ? BigDecimal.ZERO : bd(p.get("value")));
                case "softsign" -> {
                    BigDecimal den = BigDecimal.ONE.add(x.abs());
                    yield d ? divide(BigDecimal.ONE, den.multiply(den)) : divide(x, den);
                }
                case "sparse_plus" -> xd <= -1 ? BigDecimal.ZERO : xd >= 1 ? (d ? BigDecimal.ONE : x)
                        : d ? x.add(BigDecimal.ONE).multiply(HALF)
                        : x.add(BigDecimal.ONE).pow(2).divide(BigDecimal.valueOf(4));
                case "sparse_sigmoid" -> d ? (xd > -1 && xd < 1 ? HALF : BigDecimal.ZERO)
                        : (xd <= -1 ? BigDecimal.ZERO : xd >= 1 ? BigDecimal.ONE : x.add(BigDecimal.ONE).multiply(HALF));
                case "sigmoid" -> d ? out(sigmoidPrime(ap(x))) : out(sigmoid(ap(x)));
                case "log_sigmoid" -> d ? out(sigmoid(ap(x).negate())) : out(softplus(ap(x).negate()).negate());
                case "tanh" -> d ? out(sech2(ap(x))) : out(ApfloatMath.tanh(ap(x)));
                case "tanhshrink" -> {
                    Apfloat t = ApfloatMath.tanh(ap(x));
                    yield d ? out(t.multiply(t)) : out(ap(x).subtract(t));
                }
                case "exponential" -> out(ApfloatMath.exp(ap(x)));
                case "elu" -> elu(bd(p.get("alpha")), BigDecimal.ONE, d);
                case "selu" -> elu(SELU_ALPHA, SELU_LAMBDA, d);
                case "celu" -> {
                    if (xd > 0) {
                        yield d ? BigDecimal.ONE : x;
                    }
                    Apfloat alpha = ap(bd(p.get("alpha")));
                    Apfloat e = ApfloatMath.exp(ap(x).divide(alpha));
                    yield d ? out(e) : out(alpha.multiply(e.subtract(one())));
                }
                case "softplus" -> {
                    double beta = p.get("beta");
                    if (beta * xd > p.get("threshold")) {
                        yield d ? BigDecimal.ONE : x;
                    }
                    Apfloat bx = ap(bd(beta)).multiply(ap(x));
                    yield d ? out(sigmoid(bx)) : out(softplus(bx).divide(ap(bd(beta))));
                }
                case "silu" -> {
                    Apfloat t = ap(x);
                    Apfloat s = sigmoid(t);
                    yield d ? out(s.add(t.multiply(sigmoidPrime(t)))) : out(t.multiply(s));
                }
                case "gelu" -> {
                    Apfloat t = ap(x);
                    Apfloat sqrt2 = ApfloatMath.sqrt(ap(TWO));
                    Apfloat cdf = ApfloatMath.erfc(t.negate().divide(sqrt2)).divide(ap(TWO));
                    if (!d) {
                        yield out(t.multiply(cdf));
                    }
                    Apfloat pdf = ApfloatMath.exp(t.multiply(t).divide(ap(TWO)).negate())
                            .divide(ApfloatMath.sqrt(ap(TWO).multiply(ApfloatMath.pi(precision))));
                    yield out(cdf.add(t.multiply(pdf)));
                }
                case "gelu_tanh" -> {
                    Apfloat t = ap(x);
                    Apfloat k = ApfloatMath.sqrt(ap(TWO).divide(ApfloatMath.pi(precision)));
                    Apfloat c = ap(GELU_TANH_C);
                    Apfloat u2 = ap(TWO).multiply(k).multiply(t.add(c.multiply(t).multiply(t).multiply(t)));
                    Apfloat s = sigmoid(u2);
                    if (!d) {
                        yield out(t.multiply(s));
                    }
                    Apfloat du2 = ap(TWO).multiply(k).multiply(one().add(ap(BigDecimal.valueOf(3)).multiply(c).multiply(t).multiply(t)));
                    yield out(s.add(t.multiply(du2).multiply(sigmoidPrime(u2))));
                }
                case "mish" -> {
                    // tanh(softplus x) = n/(n + 2), n = e^x(e^x + 2); sech²(softplus x) = 4(n + 1)/(n + 2)².
                    Apfloat t = ap(x);
                    Apfloat e = ApfloatMath.exp(t);
                    Apfloat n = e.multiply(e.add(ap(TWO)));
                    Apfloat n2 = n.add(ap(TWO));
                    Apfloat th = n.divide(n2);
                    if (!d) {
                        yield out(t.multiply(th));
                    }
                    Apfloat sech2 = ap(BigDecimal.valueOf(4)).multiply(n.add(one())).divide(n2.multiply(n2));
                    yield out(th.add(t.multiply(sech2).multiply(sigmoid(t))));
                }
                case "squareplus" -> {
                    Apfloat t = ap(x);
                    Apfloat b = ap(bd(p.get("b")));
                    Apfloat r = ApfloatMath.sqrt(t.multiply(t).add(b));
                    if (xd >= 0) {
                        yield d ? out(one().add(t.divide(r)).divide(ap(TWO))) : out(t.add(r).divide(ap(TWO)));
                    }
                    Apfloat gap = r.subtract(t); // r + |x|, no cancellation
                    yield d ? out(b.divide(ap(TWO).multiply(r).multiply(gap))) : out(b.divide(ap(TWO).multiply(gap)));
                }
                case "snake" -> {
                    BigDecimal alpha = bd(p.get("alpha"));
                    Apfloat ax = ap(alpha.multiply(x));
                    if (d) {
                        yield out(one().add(ApfloatMath.sin(ap(TWO).multiply(ax))));
                    }
                    Apfloat s = ApfloatMath.sin(ax);
                    yield out(ap(x).add(s.multiply(s).divide(ap(alpha))));
                }
                default -> throw new ArithmeticException("no exact form for " + name);
            };
        }

        private BigDecimal elu(BigDecimal alpha, BigDecimal scale, boolean d) {
            if (xd > 0) {
                return d ? scale : scale.multiply(x);
            }
            Apfloat e = ApfloatMath.exp(ap(x));
            Apfloat a = ap(alpha).multiply(ap(scale));
            return d ? out(a.multiply(e)) : out(a.multiply(e.subtract(one())));
        }

        private Apfloat one() {
            return new Apfloat(1, precision);
        }

        private Apfloat ap(BigDecimal v) {
            return new Apfloat(v, precision);
        }

        /** σ(t) = 1/(1 + e^−t), from the side where e^(−|t|) ≤ 1 so nothing overflows. */
        private Apfloat sigmoid(Apfloat t) {
            if (t.signum() >= 0) {
                return one().divide(one().add(ApfloatMath.exp(t.negate())));
            }
            Apfloat e = ApfloatMath.exp(t);
            return e.divide(one().add(e));
        }

        /** σ(t)σ(−t) = e^−|t| / (1 + e^−|t|)². */
        private Apfloat sigmoidPrime(Apfloat t) {
            Apfloat e = ApfloatMath.exp(ApfloatMath.abs(t).negate());
            Apfloat d = one().add(e);
            return e.divide(d.multiply(d));
        }

        /** ln(1 + e^t) = max(t, 0) + ln(1 + e^−|t|). */
        private Apfloat softplus(Apfloat t) {
            Apfloat e = ApfloatMath.exp(ApfloatMath.abs(t).negate());
            Apfloat tail = log1pSmall(e);
            return t.signum() > 0 ? t.add(tail) : tail;
        }

        /** ln(1 + e) for 0 ≤ e ≤ 1, by its series where e is too small for 1 + e to keep it. */
        private Apfloat log1pSmall(Apfloat e) {
            if (e.signum() == 0) {
                return e;
            }
            if (e.scale() > -20) {
                return ApfloatMath.log(one().add(e));
            }
            // e < 1e-20: e − e²/2 + e³/3 − e⁴/4 is correct to far more than 60 digits.
            Apfloat e2 = e.multiply(e);
            return e.subtract(e2.divide(ap(TWO))).add(e2.multiply(e).divide(ap(BigDecimal.valueOf(3))))
                    .subtract(e2.multiply(e2).divide(ap(BigDecimal.valueOf(4))));
        }

        /** sech² t = 4 / (e^|t| + e^−|t|)², written with e^−|t| only. */
        private Apfloat sech2(Apfloat t) {
            Apfloat e = ApfloatMath.exp(ApfloatMath.abs(t).negate().multiply(ap(TWO)));
            Apfloat d = one().add(e);
            return ap(BigDecimal.valueOf(4)).multiply(e).divide(d.multiply(d));
        }

        private BigDecimal divide(BigDecimal a, BigDecimal b) {
            return a.divide(b, new MathContext((int) precision));
        }

        private static BigDecimal out(Apfloat v) {
            return new BigDecimal(v.toString(true));
        }

        private static BigDecimal bd(double v) {
            return new BigDecimal(v);
        }
    }
}
