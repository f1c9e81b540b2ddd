package dev.activationlab.activation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * The numerically stable building blocks of the activations, each formula written once: the
 * logistic family (σ, σ(x)·σ(−x), softplus), the softmax family (the shifted exponentials, the
 * normalisation and its Jacobian, shared by softmax, log_softmax and softmin), two-sum, and the
 * arithmetic of the later activations (API.md section 1, "More activations"): squareplus, the
 * sparse functions, rrelu, snake, sparsemax and the gated linear units. Plain static functions of
 * doubles; the activation types of the catalogue wrap them.
 *
 * <p>Every function is written to stay within a few units in the last place of the exact result
 * over the whole double range, where a textbook formula cancels or overflows: σ and softplus for
 * large |x|, squareplus for x ≪ 0, snake's derivative near its zeros, sparsemax's threshold for
 * inputs far from 0.
 */
final class StableKernels {

    /** π split for Cody–Waite reduction: P1 and P2 have 33 significant bits, so m·P1 and m·P2 are exact for |m| &lt; 2^20. */
    private static final double PI_1 = 0x1.921fb544p+1;
    private static final double PI_2 = 0x1.0b4611a6p-33;
    private static final double PI_3 = 0x1.3198a2e037073p-68;
    /** π/4 as an unevaluated sum of two doubles (mpmath, 400 bits). */
    private static final double QUARTER_PI_HI = 0.7853981633974483;
    private static final double QUARTER_PI_LO = 3.061616997868383e-17;
    /** Below this |m| the reduction of αx + π/4 by m·π is exact to about 2^-100. */
    private static final double MAX_REDUCTION_MULTIPLE = 0x1p20;

    /** fdlibm's s_log1p.c: the split below which f = e, ln 2 in two parts, and the Remez coefficients. */
    private static final double LOG1P_SPLIT = 0x1.a827ap-2;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;

    /** e^(−800) is 0 in double: below max − 800 an exponential of the softmax family vanishes. */
    private static final double EXPONENT_UNDERFLOW_DISTANCE = 800;

    private StableKernels() {
    }

    // ---------------------------------------------------------------- logistic: σ, σ(x)·σ(−x), softplus

    /**
     * σ(x) = 1/(1 + e^−x), stable for all x: 1/(1 + e) for x ≥ 0 and e/(1 + e) for x &lt; 0,
     * e = e^(−|x|) (see {@link #sigmoidFromExp}); σ(−800) is 0, never NaN. The exponential is
     * {@link BlockedExp#exp}, so that σ of one number equals σ of the same number in a vector.
     */
    static double sigmoid(double x) {
        return sigmoidFromExp(x, BlockedExp.exp(-Math.abs(x)));
    }

    /**
     * σ(x) from e = e^(−|x|), which σ(x) and σ(−x) share, so that a caller needing both takes one
     * exponential: the numerator is chosen without a branch (max(e, ±1)), which random signs would
     * mispredict half the time, and which the auto-vectoriser could not turn into vector code.
     */
    static double sigmoidFromExp(double x, double e) {
        return Math.max(e, unitSign(x)) / (1.0 + e);
    }

    /**
     * ±1 with the sign of x, ±0.0 for ±0.0, NaN for NaN: {@code Math.copySign(1.0, x)} but for
     * zero, by arithmetic that C2 vectorises (it does not vectorise copySign or signum in JDK 17).
     * Two factors 2^600 lift the smallest subnormal, 2^−1074, beyond 1 before the clamp.
     */
    static double unitSign(double x) {
        return Math.min(1.0, Math.max(-1.0, x * 0x1p600 * 0x1p600));
    }

    /** 1 for x &gt; 0, +0.0 for x ≤ 0 (NaN for NaN): the branch x &gt; 0 as a number to compute with. */
    static double positiveStep(double x) {
        return Math.max(0.0, unitSign(x));
    }

    /**
     * σ(hi + lo) for a sum of two doubles with |lo| tiny against |hi| (a rounding error), to first
     * order in lo: σ(hi) + σ(hi)·σ(−hi)·lo.
     */
    static double sigmoidOfSum(double hi, double lo) {
        double s = sigmoid(hi);
        return s + s * (lo * sigmoid(-hi));
    }

    /**
     * σ(x)·σ(−x) = σ'(x), from the one exponential e = e^(−|x|) that both factors share: they are
     * 1/(1 + e) and e/(1 + e), bit for bit the values {@link #sigmoid(double)} gives at x and −x;
     * full relative precision for large |x|, where 1 − σ(x) would round to 0.
     */
    static double sigmoidDerivative(double x) {
        return sigmoidDerivativeFromExp(BlockedExp.exp(-Math.abs(x)));
    }

    /** σ'(x) from e = e^(−|x|): (1/(1 + e))·(e/(1 + e)). */
    static double sigmoidDerivativeFromExp(double e) {
        double d = 1.0 + e;
        return (1.0 / d) * (e / d);
    }

    /**
     * softplus(x) = ln(1 + e^x) = max(x, 0) + log1p(e^(−|x|)), without overflow or cancellation;
     * ln σ(x) = −softplus(−x).
     */
    static double softplus(double x) {
        return softplusFromExp(x, BlockedExp.exp(-Math.abs(x)));
    }

    /** softplus(x) from e = e^(−|x|): max(x, 0) + log1p(e), by arithmetic that C2 vectorises. */
    static double softplusFromExp(double x, double e) {
        return softplusFromLog1p(x, log1pOfUnitInterval(e));
    }

    /** softplus(x) from l = log1p(e^(−|x|)): max(x, 0) + l. */
    static double softplusFromLog1p(double x, double l) {
        return Math.max(x, 0.0) + l;
    }

    /**
     * log1p(e) = ln(1 + e) for e in [0, 1] (and NaN), within 1 ulp: fdlibm's s_log1p.c with its
     * branches turned into arithmetic. Below 0.41422 (fdlibm's split) it works on f = e itself; above, on
     * f = (1 + e)/2 − 1 with the rounding error c of 1 + e carried apart and ln 2 added in two
     * parts. Then log1p = k·ln 2 + 2s + s·R(s²), s = f/(2 + f), with fdlibm's Remez coefficients.
     */
    static double log1pOfUnitInterval(double e) {
        // 1 from the split up (to a rounding, where both forms are as accurate), else 0: floor
        // vectorises here where a clamp by max and min did not.
        double large = Math.floor(e + (1.0 - LOG1P_SPLIT));
        double small = 1.0 - large;
        double u = 1.0 + e;
        double f = large * (u * 0.5 - 1.0) + small * e;
        double c = large * ((e - (u - 1.0)) / u);
        double halfSquare = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        return large * LN2_HI - ((halfSquare - (s * (halfSquare + r) + (large * LN2_LO + c))) - f);
    }

    // ---------------------------------------------------------------- softmax family

    /** Index of the first largest element; x has length ≥ 1. */
    static int argmax(double[] x) {
        int k = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[k]) {
                k = i;
            }
        }
        return k;
    }

    /**
     * e^(x_j − max) for every j, with the rounding error of each difference x_j − max recovered
     * exactly (two-sum) and corrected to first order, so that e.g. e^(−700) keeps full precision.
     * Through {@link BlockedExp}, vectorised; the correction is taken from max(x_j, max − 800),
     * which is x_j wherever e^(x_j − max) is not 0 and keeps it finite (0·error = 0) where x_j is −∞.
     *
     * @param max the largest element of x
     * @return a new array of length n, with exactly 1 at the position of max
     */
    static double[] exponentialsBelowMax(double[] x, double max) {
        double[] e = new double[x.length];
        BlockedExp.forEachBlock(x, e, (block, n) -> block.expOfShifted(n, -max),
                (block, n) -> correctedExponentialsBelowMax(block, n, max));
        return e;
    }

    private static void correctedExponentialsBelowMax(BlockedExp block, int n, double max) {
        double[] in = block.input;
        double[] y = block.result;
        double floor = max - EXPONENT_UNDERFLOW_DISTANCE;
        for (int j = 0; j < n; j++) {
            double v = block.exp(j);
            double x = Math.max(in[j], floor);
            y[j] = v + v * sumError(x, -max, x - max);
        }
    }

    /**
     * Σ_{k ≠ i} s_k in index order: 1 − s_i without the cancellation of computing 1 − s_i when s_i is
     * close to 1 (the diagonal of the softmax Jacobians), and the sum that 1 is added to, rounding once,
     * in the normalisation of the exponentials.
     */
    static double sumOfOthers(double[] s, int i) {
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            if (k != i) {
                sum += s[k];
            }
        }
        return sum;
    }

    /**
     * softmax(x)_i = e^(x_i) / Σ_j e^(x_j), as {@code torch.softmax(x, dim=0)}: the maximum is
     * subtracted before exponentiating (softmax([1000, 0]) is [1, 0] without overflow), and
     * e^(x_k − max) = 1 exactly is added to the sum of the others, so that the sum rounds once.
     *
     * @param x input vector, length n ≥ 1
     * @return a new array of length n, entries in [0, 1] summing to 1 up to rounding
     */
    static double[] softmax(double[] x) {
        int k = argmax(x);
        double[] y = exponentialsBelowMax(x, x[k]);
        double sum = 1.0 + sumOfOthers(y, k);
        for (int j = 0; j < y.length; j++) {
            y[j] /= sum;
        }
        return y;
    }

    /**
     * The softmax Jacobian J_ij = s_i(δ_ij − s_j) at the point where softmax is s; on the diagonal
     * s_i·Σ_(k≠i) s_k (not s_i(1 − s_i), which cancels when s_i is close to 1).
     *
     * @param s softmax(x), length n
     * @return n × n, row i = ∂s_i/∂x
     */
    static double[][] softmaxJacobian(double[] s) {
        int n = s.length;
        double[][] jacobian = new double[n][n];
        for (int i = 0; i < n; i++) {
            double othersSum = sumOfOthers(s, i);
            for (int k = 0; k < n; k++) {
                jacobian[i][k] = k == i ? s[i] * othersSum : -s[i] * s[k];
            }
        }
        return jacobian;
    }

    // ---------------------------------------------------------------- squareplus

    /**
     * Squareplus (x + √(x² + b))/2, Barron (2021), as {@code jax.nn.squareplus}.
     *
     * <p>For x &lt; 0 the two terms cancel; there the same value is b/(2(√(x² + b) − x)), a sum of
     * two positive terms. √(x² + b) is taken from the exact x² + b (see {@link #squareplusRoot}).
     *
     * @param b the curvature parameter, &gt; 0
     */
    static double squareplus(double x, double b) {
        double r = squareplusRoot(x, b);
        if (x >= 0) {
            // Halved before adding, so that x near the largest double does not overflow.
            return 0.5 * x + 0.5 * r;
        }
        // b/(r − x) before the exact factor 1/4, so that a subnormal b loses no bits.
        return b / (0.5 * r - 0.5 * x) * 0.25;
    }

    /**
     * d/dx squareplus = (1 + x/√(x² + b))/2, taken as squareplus(x)/√(x² + b) for x &lt; 0, which
     * does not cancel.
     */
    static double squareplusDerivative(double x, double b) {
        double r = squareplusRoot(x, b);
        if (x >= 0) {
            return 0.5 + 0.5 * (x / r);
        }
        return b / (0.5 * r - 0.5 * x) * 0.25 / r;
    }

    /**
     * √(x² + b), within about half a unit in the last place: x² + b is formed exactly as a sum
     * of two doubles and the square root corrected by one Newton step. Arguments far outside
     * [2^-500, 2^500] are scaled by a power of two first (squareplus's root is homogeneous:
     * √((λx)² + λ²b) = λ√(x² + b)), so that x² neither overflows nor underflows.
     */
    static double squareplusRoot(double x, double b) {
        double ax = Math.abs(x);
        if (!Double.isFinite(ax) || !Double.isFinite(b)) {
            // Rescaling would never bring an infinity (or NaN) into range: answer it as sqrt does.
            return Math.sqrt(ax * ax + b);
        }
        if (ax > 0x1p500 || b > 0x1p1000) {
            return 0x1p600 * squareplusRoot(ax * 0x1p-600, b * 0x1p-600 * 0x1p-600);
        }
        if (ax < 0x1p-500 && b < 0x1p-1000) {
            return 0x1p-600 * squareplusRoot(ax * 0x1p600, b * 0x1p600 * 0x1p600);
        }
        double square = ax * ax;
        double squareError = Math.fma(ax, ax, -square);
        double sum = square + b;
        double sumError = sumError(square, b, sum) + squareError;
        double r = Math.sqrt(sum);
        return r + (Math.fma(-r, r, sum) + sumError) / (2 * r);
    }

    // ---------------------------------------------------------------- sparse_plus, sparse_sigmoid

    /** sparse_plus: 0 for x ≤ −1, (x + 1)²/4 for −1 &lt; x &lt; 1, x for x ≥ 1, as {@code jax.nn.sparse_plus}. */
    static double sparsePlus(double x) {
        if (x <= -1) {
            return 0.0;
        }
        if (x >= 1) {
            return x;
        }
        // (s + e)² with s + e = x + 1 exactly, so that the square is rounded once in effect.
        double s = x + 1;
        double e = sumError(x, 1, s);
        double square = s * s;
        return (square + (Math.fma(s, s, -square) + 2 * s * e)) * 0.25;
    }

    /** d/dx sparse_plus: 0 for x ≤ −1, (x + 1)/2 inside, 1 for x ≥ 1 (continuous at ±1). */
    static double sparsePlusDerivative(double x) {
        if (x <= -1) {
            return 0.0;
        }
        return x >= 1 ? 1.0 : (x + 1) * 0.5;
    }

    /** sparse_sigmoid: 0 for x ≤ −1, (x + 1)/2 for −1 &lt; x &lt; 1, 1 for x ≥ 1, as {@code jax.nn.sparse_sigmoid}. */
    static double sparseSigmoid(double x) {
        if (x <= -1) {
            return 0.0;
        }
        return x >= 1 ? 1.0 : (x + 1) * 0.5;
    }

    /** d/dx sparse_sigmoid: 1/2 for −1 &lt; x &lt; 1, else 0 (the flat side at the corners ±1). */
    static double sparseSigmoidDerivative(double x) {
        return x > -1 && x < 1 ? 0.5 : 0.0;
    }

    // ---------------------------------------------------------------- rrelu (evaluation mode), relu_squared

    /**
     * (lower + upper)/2 as an unevaluated sum of two doubles {hi, lo}: rrelu's slope for x ≤ 0
     * in evaluation mode. The halves are taken first, so that the sum cannot overflow.
     */
    static double[] rreluSlope(double lower, double upper) {
        double a = 0.5 * lower;
        double b = 0.5 * upper;
        double hi = a + b;
        return new double[] {hi, sumError(a, b, hi)};
    }

    /**
     * rrelu in evaluation mode: x for x &gt; 0, else slope·x, slope = (lower + upper)/2 given as
     * hi + lo ({@link #rreluSlope}); the product is rounded once in effect. An exact zero is
     * +0.0, and rrelu(−0.0) = −0.0 (the function is negative just left of 0).
     */
    static double rrelu(double x, double slopeHi, double slopeLo) {
        if (x > 0) {
            return x;
        }
        if (slopeHi == 0) {
            return 0.0;
        }
        if (x == 0) {
            return x;
        }
        return Math.fma(slopeHi, x, slopeLo * x);
    }

    /** d/dx rrelu: 1 for x &gt; 0, else the slope (the left branch at 0), rounded once. */
    static double rreluDerivative(double x, double slopeHi) {
        return x > 0 ? 1.0 : slopeHi;
    }

    /** relu(x)², So et al. (2021), Primer; rounded once; +0.0 for x ≤ 0. */
    static double reluSquared(double x) {
        return x > 0 ? x * x : 0.0;
    }

    /** d/dx relu(x)² = 2·relu(x), exact. */
    static double reluSquaredDerivative(double x) {
        return x > 0 ? 2 * x : 0.0;
    }

    // ---------------------------------------------------------------- snake

    /**
     * Snake x + sin²(αx)/α, Liu Ziyin, Hartwig &amp; Ueda (2020), Neural networks fail to learn
     * periodic functions and how to fix it.
     *
     * <p>αx is kept exact as a sum of two doubles (sin(h + l) = sin h·cos l + cos h·sin l), sin
     * is reduced by the platform's exact argument reduction at any magnitude, and sin² and the
     * final sum are carried with their rounding errors. Where αx overflows a double, sin²(αx)/α
     * ≤ 1/α is below 2^-1024·|x| and f(x) is x.
     *
     * @param alpha the frequency, &gt; 0
     */
    static double snake(double x, double alpha) {
        if (x == 0) {
            return x;
        }
        double y = alpha * x;
        if (!Double.isFinite(y)) {
            return x;
        }
        double s = sinOfSum(y, Math.fma(alpha, x, -y));
        double square = s * s;
        double squareError = Math.fma(s, s, -square);
        double t = square / alpha;
        double sum = x + t;
        return sum + (sumError(x, t, sum) + squareError / alpha);
    }

    /**
     * d/dx snake = 1 + sin(2αx). Where that is below 1/2 the sum cancels (it reaches 0 at
     * αx = −π/4 + kπ); there it is taken as 2·sin²(αx + π/4), with αx + π/4 reduced modulo π in
     * double-double arithmetic (Cody–Waite, π in three parts), so that f' keeps its relative
     * precision right up to its zeros. For |αx| beyond 2^20·π that reduction would not be exact;
     * there (sin αx + cos αx)² is used, whose relative error grows like 10^-16/|αx − zero| near
     * a zero. NaN where αx overflows a double: sin(2αx) cannot be formed there.
     */
    static double snakeDerivative(double x, double alpha) {
        double y = alpha * x;
        if (!Double.isFinite(y)) {
            return Double.NaN;
        }
        double yError = Math.fma(alpha, x, -y);
        double twoY = 2 * y;
        if (Double.isFinite(twoY)) {
            double sine = sinOfSum(twoY, 2 * yError);
            if (sine > -0.5) {
                return 1 + sine;
            }
        }
        double m = Math.rint(y * (1 / Math.PI) + 0.25);
        if (Math.abs(m) >= MAX_REDUCTION_MULTIPLE) {
            double s = sinOfSum(y, yError);
            double c = cosOfSum(y, yError);
            double u = s + c;
            return u * u;
        }
        // w = y + yError + π/4 − m·π, accumulated as hi + lo.
        double hi = y - m * PI_1;
        double lo = sumError(y, -m * PI_1, hi) + yError;
        double next = hi - m * PI_2;
        lo += sumError(hi, -m * PI_2, next) - m * PI_3;
        hi = next;
        next = hi + QUARTER_PI_HI;
        lo += sumError(hi, QUARTER_PI_HI, next) + QUARTER_PI_LO;
        hi = next + lo;
        lo = lo - (hi - next);
        double s = Math.fma(Math.cos(hi), lo, Math.sin(hi));
        return 2 * s * s;
    }

    /** sin(h + l), h + l the exact value of a sum of two doubles. */
    private static double sinOfSum(double h, double l) {
        return l == 0 ? Math.sin(h) : Math.sin(h) * Math.cos(l) + Math.cos(h) * Math.sin(l);
    }

    /** cos(h + l), h + l the exact value of a sum of two doubles. */
    private static double cosOfSum(double h, double l) {
        return l == 0 ? Math.cos(h) : Math.cos(h) * Math.cos(l) - Math.sin(h) * Math.sin(l);
    }

    // ---------------------------------------------------------------- softmin

    /**
     * softmin(x) = softmax(−x), as {@code torch.nn.Softmin} (dim −1).
     *
     * @param x input vector, length n ≥ 1
     * @return a new array of length n
     */
    static double[] softmin(double[] x) {
        return softmax(negated(x));
    }

    /**
     * The Jacobian of softmin, J_ij = −s_i(δ_ij − s_j), s = softmin(x): minus the softmax Jacobian
     * at s (the chain rule through −x).
     *
     * @return n × n, row i = ∂y_i/∂x
     */
    static double[][] softminJacobian(double[] x) {
        double[][] jacobian = softmaxJacobian(softmin(x));
        for (double[] row : jacobian) {
            for (int j = 0; j < row.length; j++) {
                row[j] = -row[j];
            }
        }
        return jacobian;
    }

    private static double[] negated(double[] x) {
        double[] negated = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            negated[i] = -x[i];
        }
        return negated;
    }

    // ---------------------------------------------------------------- sparsemax

    /**
     * Sparsemax, the Euclidean projection of x onto the probability simplex, Martins &amp;
     * Astudillo (2016), From softmax to sparsemax, ICML: p_i = max(x_i − τ, 0) with τ such that
     * Σ p_i = 1.
     *
     * @param x input vector, length n ≥ 1
     * @return a new array of length n, entries in [0, 1]
     */
    static double[] sparsemax(double[] x) {
        return Projection.of(x).values;
    }

    /**
     * The Jacobian of sparsemax, J_ij = δ_ij·s_i − s_i·s_j/|S|, s_i = 1 where p_i &gt; 0 (exactly:
     * an element whose projection is exactly 0 is outside the support), |S| = Σ s_i.
     *
     * @return n × n, row i = ∂p_i/∂x
     */
    static double[][] sparsemaxJacobian(double[] x) {
        Projection projection = Projection.of(x);
        int n = x.length;
        int size = projection.supportSize;
        double diagonal = (size - 1) / (double) size;
        double offDiagonal = -1.0 / size;
        double[][] jacobian = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!projection.support[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (projection.support[j]) {
                    jacobian[i][j] = i == j ? diagonal : offDiagonal;
                }
            }
        }
        return jacobian;
    }

    /**
     * The sparsemax projection and its support.
     *
     * <p>Sorted decreasingly, z_(1) ≥ z_(2) ≥ …, the support is {1, …, K}, K the largest k with
     * g(k) = 1 + k·z_(k) − Σ_(j≤k) z_(j) &gt; 0 (g does not increase: g(k+1) − g(k) =
     * k(z_(k+1) − z_(k)) ≤ 0), and τ = (Σ_(j≤K) z_(j) − 1)/K. Only elements above max − 1 can be
     * in the support (p_max ≤ 1 gives τ ≥ max − 1); those are shifted by max when |max| ≥ 4,
     * exactly (Sterbenz), so that no sum overflows. g(k) and each p_i = (K·z_i − Σ + 1)/K are
     * formed in double-double arithmetic; where g(k) is too close to 0 for that to decide its
     * sign, it is decided exactly (BigDecimal), so that ties and exact zeros of p come out right.
     */
    private static final class Projection {

        final double[] values;
        final boolean[] support;
        final int supportSize;

        private Projection(double[] values, boolean[] support, int supportSize) {
            this.values = values;
            this.support = support;
            this.supportSize = supportSize;
        }

        static Projection of(double[] x) {
            int n = x.length;
            double max = x[argmax(x)];
            double lowest = max - 2;
            double shift = Math.abs(max) >= 4 ? max : 0;
            double[] sorted = new double[n];
            int candidates = 0;
            for (double v : x) {
                if (v >= lowest) {
                    sorted[candidates++] = v - shift;
                }
            }
            sorted = Arrays.copyOf(sorted, candidates);
            Arrays.sort(sorted);
            reverse(sorted);

            double sumHi = 0;
            double sumLo = 0;
            double sumOfMagnitudes = 0;
            BigDecimal exactSum = BigDecimal.ZERO;
            int exactTerms = 0;
            int size = 0;
            double tauSumHi = 0;
            double tauSumLo = 0;
            for (int k = 1; k <= candidates; k++) {
                double v = sorted[k - 1];
                double next = sumHi + v;
                sumLo += sumError(sumHi, v, next);
                sumHi = next;
                sumOfMagnitudes += Math.abs(v);
                double[] g = onePlusProductMinusSum(k, v, sumHi, sumLo);
                double gValue = g[0] + g[1];
                double errorBound = 0x1p-100 * (k + 2.0) * (k + 2.0) * (1 + Math.abs(k * v) + sumOfMagnitudes);
                boolean positive;
                if (Math.abs(gValue) > errorBound) {
                    positive = gValue > 0;
                } else {
                    for (; exactTerms < k; exactTerms++) {
                        exactSum = exactSum.add(new BigDecimal(sorted[exactTerms]));
                    }
                    BigDecimal exactG = BigDecimal.ONE.add(new BigDecimal(v).multiply(BigDecimal.valueOf(k)))
                            .subtract(exactSum);
                    positive = exactG.signum() > 0;
                }
                if (!positive) {
                    break;
                }
                size = k;
                tauSumHi = sumHi;
                tauSumLo = sumLo;
            }

            // Every element tied with the last one of the support is in it (ties share g).
            double smallestInSupport = sorted[size - 1];
            double[] values = new double[n];
            boolean[] support = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (!(x[i] >= lowest) || x[i] - shift < smallestInSupport) {
                    continue;
                }
                double d = x[i] - shift;
                support[i] = true;
                // p_i = (1 + K·d − Σ)/K, the numerator as hi + lo, divided with one correction.
                double[] numerator = onePlusProductMinusSum(size, d, tauSumHi, tauSumLo);
                double q = numerator[0] / size;
                double remainder = Math.fma(-q, size, numerator[0]) + numerator[1];
                values[i] = Math.max(q + remainder / size, 0.0);
            }
            return new Projection(values, support, size);
        }

        /**
         * 1 + k·v − (sumHi + sumLo) in double-double arithmetic, as {hi, lo}: g(k) of the support
         * test, and the numerator of p_i.
         */
        private static double[] onePlusProductMinusSum(double k, double v, double sumHi, double sumLo) {
            double product = k * v;
            double productError = Math.fma(k, v, -product);
            double a = product - sumHi;
            double aLo = sumError(product, -sumHi, a) + productError - sumLo;
            double hi = a + 1;
            return new double[] {hi, sumError(a, 1, hi) + aLo};
        }

        private static void reverse(double[] a) {
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    // ---------------------------------------------------------------- gated linear units

    /**
     * The gate of a gated linear unit, applied to the second half b of the input: y_i = a_i·g(b_i).
     * Knows where g and g' are exactly zero, so that an exact zero product is +0.0 whatever the
     * sign of a_i (an underflowing g keeps the sign of the true product).
     *
     * @param function       g and g' (an activation of the catalogue without parameters)
     * @param zero           where g(b) is exactly 0 (not an underflow)
     * @param derivativeZero where g'(b) is exactly 0
     */
    record Gate(ScalarFunction function, DoublePredicate zero, DoublePredicate derivativeZero) {

        /** GLU, Dauphin et al. (2017): g = σ, never exactly 0. */
        static final Gate SIGMOID = new Gate(new Sigmoid(), b -> false, b -> false);
        /** ReGLU: g = relu, g'(0) = 0 as PyTorch's relu. */
        static final Gate RELU = new Gate(new Relu(), b -> !(b > 0), b -> !(b > 0));
        /** GEGLU: g = gelu (exact, via erfc). */
        static final Gate GELU = new Gate(new Gelu(), b -> b == 0, b -> false);
        /** SwiGLU: g = silu = b·σ(b). */
        static final Gate SILU = new Gate(new Silu(), b -> b == 0, b -> false);

        double value(double b) {
            return function.value(b);
        }

        double derivative(double b) {
            return function.derivative(b);
        }

        /** Whether g(b) is exactly 0 (not an underflow). */
        boolean vanishes(double b) {
            return zero.test(b);
        }

        /** Whether g'(b) is exactly 0. */
        boolean derivativeVanishes(double b) {
            return derivativeZero.test(b);
        }
    }

    /**
     * A gated linear unit: x of even length n split into halves a = x[0, n/2) and b = x[n/2, n),
     * y_i = a_i·g(b_i), as {@code torch.nn.functional.glu(x, dim=-1)} (the gate on the second half).
     *
     * @param x input vector of even length n ≥ 2 (the caller checks the length)
     * @return a new array of length n/2
     */
    static double[] gated(double[] x, Gate gate) {
        int half = x.length / 2;
        double[] y = new double[half];
        for (int i = 0; i < half; i++) {
            double a = x[i];
            double b = x[half + i];
            y[i] = a == 0 || gate.vanishes(b) ? 0.0 : a * gate.value(b);
        }
        return y;
    }

    /**
     * The n/2 × n Jacobian of a gated linear unit: row i holds ∂y_i/∂a_i = g(b_i) in column i,
     * ∂y_i/∂b_i = a_i·g'(b_i) in column n/2 + i, and 0 elsewhere.
     *
     * @param x input vector of even length n ≥ 2 (the caller checks the length)
     */
    static double[][] gatedJacobian(double[] x, Gate gate) {
        int n = x.length;
        int half = n / 2;
        double[][] jacobian = new double[half][n];
        for (int i = 0; i < half; i++) {
            double a = x[i];
            double b = x[half + i];
            jacobian[i][i] = gate.vanishes(b) ? 0.0 : gate.value(b);
            jacobian[i][half + i] = a == 0 || gate.derivativeVanishes(b) ? 0.0 : a * gate.derivative(b);
        }
        return jacobian;
    }

    // ---------------------------------------------------------------- double-double helpers

    /** (a + b) − s exactly, for s the rounded sum a + b (Knuth's two-sum). */
    static double sumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
