package dev.activationlab.activation;

/**
 * e^v and e^v − 1 over a vector in blocks, arranged so that HotSpot's C2 compiler vectorises them
 * on its own (SuperWord), and the same functions of one number by the very same IEEE operations,
 * so that a value computed alone equals the value computed in a vector, bit for bit.
 *
 * <p><b>Why blocks and passes.</b> JDK 17's auto-vectoriser gives up on a whole loop as soon as it
 * holds one conversion between a double and its bits ({@code Double.longBitsToDouble}, a
 * {@code (long)} cast), and an exponential needs one to build 2^k; nor does it vectorise a loop
 * whose arrays are indexed with different offsets. So the caller copies a block of
 * {@link #BLOCK} inputs into {@link #input} ({@link #load}), and three loops index everything
 * from 0: pass A (vectorised) rounds v/ln 2 to the integer k and
 * approximates e^r on the reduced argument r = v − k·ln 2; pass B (scalar, and nothing else)
 * turns k into the double 2^k; the caller's pass C (vectorised) combines the two
 * ({@link #exp(int)}, {@link #expm1(int)}) with its own arithmetic (the division of σ, say)
 * into {@link #result}, which {@link #store} copies out. A block's arrays stay in the L1 cache.
 * The Vector API would do without the passes but needs {@code --add-modules jdk.incubator.vector},
 * which a plain {@code java -jar} does not get.
 *
 * <p><b>The approximation.</b> fdlibm's {@code e_exp.c} (the algorithm of {@link StrictMath#exp})
 * without its branches: Cody–Waite reduction with ln 2 in two parts (the high part has 32
 * significant bits, so k·ln2hi and v − k·ln2hi are exact for |k| ≤ 1077), then Remez's rational
 * form e^r − 1 = r + r·c/(2 − c), c = r − r²·P(r²), P of degree 4, whose error fdlibm bounds by
 * 1 ulp. Unlike fdlibm, k is rounded half to even (adding and subtracting 1.5·2^52) instead of
 * half away from zero, which changes the result only where v/ln 2 lies exactly halfway between
 * integers. e^v − 1 = 2^k·(e^r − 1) + (2^k − 1) for v ≤ 0 follows fdlibm's {@code s_expm1.c} in
 * spirit (no cancellation; e^r − 1 itself for |v| ≤ ln 2/2). Measured against exact values
 * (BlockedExpTest, 40-digit BigDecimal, 60,000 arguments each): e^v at most 0.82 ulp, e^v − 1 at
 * most 0.85 ulp; e^v within 1 ulp of {@link StrictMath#exp} over 2,000,000 arguments.
 *
 * <p><b>Special values.</b> NaN gives NaN; v ≥ 710 (and +∞) gives +∞, v ≤ −746 (and −∞) gives
 * +0.0 (e^v − 1: −1); results in the subnormal range are rounded once, from the exact product of
 * e^r and 2^k; e^(±0) − 1 = ±0.
 */
final class BlockedExp {

    /** Elements per block: four scratch arrays of 4 KB each, well inside the L1 data cache. */
    static final int BLOCK = 512;

    /**
     * Beyond these k the result is +∞ or 0 (e^v − 1: −1) whatever e^r is; there the reduction
     * may not be exact, or not even finite, so e^r is not used.
     */
    private static final double OVERFLOW_EXPONENT = 1030;
    private static final double UNDERFLOW_EXPONENT = -1100;
    /** Biased exponents of the normal doubles less one: 0 … 2045. */
    private static final long NORMAL_EXPONENTS = 2045;
    /** Adding and subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to an integer. */
    private static final double ROUND_TO_INTEGER = 0x1.8p52;
    private static final double LOG2_E = 1.44269504088896338700e+00;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 significant bits (fdlibm). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Remez coefficients of fdlibm's e_exp.c, |error| &lt; 2^−59 on |r| ≤ ln 2 / 2. */
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;
    private static final int MIN_EXPONENT = Double.MIN_EXPONENT;
    private static final int MAX_EXPONENT = Double.MAX_EXPONENT;
    private static final long EXPONENT_BIAS = Double.MAX_EXPONENT;
    private static final int SIGNIFICAND_BITS = 52;

    /**
     * The block's inputs, copied from the caller's vector so that every loop over the block
     * indexes all its arrays from 0: C2 does not vectorise a loop whose arrays are indexed with
     * different offsets (x[from + j] beside scratch[j]).
     */
    final double[] input;
    /** The caller's results for the block, copied into its vector by {@link #store}. */
    final double[] result;
    /** e^r (for exp) or e^r − 1 (for expm1) of each element, r the reduced argument. */
    private final double[] reduced;
    /** k of each element after pass A, then 2^k after pass B. */
    private final double[] scale;

    /**
     * Scratch for a vector of n elements, at most one block.
     *
     * @param n the length of the vector the caller works through
     */
    BlockedExp(int n) {
        int size = Math.max(1, Math.min(n, BLOCK));
        input = new double[size];
        result = new double[size];
        reduced = new double[size];
        scale = new double[size];
    }

    /** One step over the first n elements of a block: its exponentials, or the caller's arithmetic. */
    @FunctionalInterface
    interface BlockStep {
        void apply(BlockedExp block, int n);
    }

    /**
     * out_i from x_i block by block: copy the block into {@link #input}, take its exponentials,
     * let the caller's arithmetic fill {@link #result} from them, copy that into out. Each step is
     * one call per block, so that its loop is compiled, and vectorised, on its own.
     *
     * @param x            the vector, length n
     * @param out          receives the results, length at least n; may be x itself
     * @param exponentials e.g. {@code (block, n) -> block.expOfScaledAbs(n, -1.0)}
     * @param arithmetic   the loop from {@link #input} and {@link #exp(int)} (or {@link #expm1(int)})
     *                     into {@link #result}
     */
    static void forEachBlock(double[] x, double[] out, BlockStep exponentials, BlockStep arithmetic) {
        BlockedExp block = new BlockedExp(x.length);
        for (int from = 0; from < x.length; from += BLOCK) {
            int n = block.load(x, from);
            exponentials.apply(block, n);
            arithmetic.apply(block, n);
            block.store(out, from, n);
        }
    }

    /**
     * Copies the block of x starting at {@code from} into {@link #input}.
     *
     * @return the length of the block, min(BLOCK, x.length − from)
     */
    int load(double[] x, int from) {
        int n = Math.min(BLOCK, x.length - from);
        System.arraycopy(x, from, input, 0, n);
        return n;
    }

    /** Copies the first n {@link #result}s into out from {@code from} on. */
    void store(double[] out, int from, int n) {
        System.arraycopy(result, 0, out, from, n);
    }

    /** e^(c·|input_j|) for the first n inputs; read each with {@link #exp(int)}. */
    void expOfScaledAbs(int n, double c) {
        for (int j = 0; j < n; j++) {
            reduceForExp(j, c * Math.abs(input[j]));
        }
        powersOfTwo(n);
    }

    /** e^(input_j + shift) for the first n inputs; read each with {@link #exp(int)}. */
    void expOfShifted(int n, double shift) {
        for (int j = 0; j < n; j++) {
            reduceForExp(j, input[j] + shift);
        }
        powersOfTwo(n);
    }

    /**
     * e^(v_j) for the first n arguments the caller has computed (they may be {@link #result}, which
     * this leaves alone); read each with {@link #exp(int)}.
     */
    void expOf(double[] v, int n) {
        for (int j = 0; j < n; j++) {
            reduceForExp(j, v[j]);
        }
        powersOfTwo(n);
    }

    /** e^(min(input_j, 0)) for the first n inputs; read each with {@link #exp(int)}. */
    void expOfNegativePart(int n) {
        for (int j = 0; j < n; j++) {
            reduceForExp(j, Math.min(input[j], 0.0));
        }
        powersOfTwo(n);
    }

    /** e^(c·|input_j|) − 1, c ≤ 0, for the first n inputs; read each with {@link #expm1(int)}. */
    void expm1OfScaledAbs(int n, double c) {
        for (int j = 0; j < n; j++) {
            reduceForExpm1(j, c * Math.abs(input[j]));
        }
        powersOfTwoForExpm1(n);
    }

    /** e^(min(input_j, 0)) − 1 for the first n inputs; read each with {@link #expm1(int)}. */
    void expm1OfNegativePart(int n) {
        for (int j = 0; j < n; j++) {
            reduceForExpm1(j, Math.min(input[j], 0.0));
        }
        powersOfTwoForExpm1(n);
    }

    /** Pass A of {@link #exp(double)} for element j. */
    private void reduceForExp(int j, double v) {
        double k = exponent(v);
        scale[j] = k;
        reduced[j] = expOfReduced(v, k);
    }

    /** Pass A of {@link #expm1OfNonPositive(double)} for element j. */
    private void reduceForExpm1(int j, double v) {
        double k = exponent(v);
        scale[j] = k;
        reduced[j] = expm1OfReduced(v, k);
    }

    /**
     * Pass B of expm1: k ≤ 0 → 2^k; below the normal exponents e^v − 1 rounds to −1, which
     * 0·0 − (1 − 0) gives exactly.
     */
    private void powersOfTwoForExpm1(int n) {
        for (int j = 0; j < n; j++) {
            double k = scale[j];
            if (!(k < MIN_EXPONENT)) {
                scale[j] = twoTo(k);
            } else {
                reduced[j] = 0.0;
                scale[j] = 0.0;
            }
        }
    }

    /** e^v of element j of the block, bit for bit {@link #exp(double)}(v). */
    double exp(int j) {
        return reduced[j] * scale[j];
    }

    /** e^v − 1 of element j of the block, bit for bit {@link #expm1OfNonPositive(double)}(v). */
    double expm1(int j) {
        return fromReducedExpm1(reduced[j], scale[j]);
    }

    /**
     * e^v of element j of a block taken by an expm1 method, for callers that need both (tanh):
     * bit for bit {@link #expBesideExpm1(double)}(v).
     */
    double expBesideExpm1(int j) {
        return scale[j] * (1.0 + reduced[j]);
    }

    /** Pass B: k → 2^k, folding the part of k outside the normal exponents into e^r. */
    private void powersOfTwo(int n) {
        for (int j = 0; j < n; j++) {
            long biased = (long) scale[j] + EXPONENT_BIAS;
            if (Long.compareUnsigned(biased - 1, NORMAL_EXPONENTS) <= 0) {
                scale[j] = Double.longBitsToDouble(biased << SIGNIFICAND_BITS);
            } else {
                reduced[j] = outsideNormalExponents(reduced[j], scale[j]);
                scale[j] = 1.0;
            }
        }
    }

    /**
     * e^v within 1 ulp (fdlibm's bound; see the class comment); the scalar form of the blocks,
     * by the same operations in the same order.
     */
    static double exp(double v) {
        double k = exponent(v);
        double p = expOfReduced(v, k);
        long biased = (long) k + EXPONENT_BIAS;
        if (Long.compareUnsigned(biased - 1, NORMAL_EXPONENTS) <= 0) {
            return p * Double.longBitsToDouble(biased << SIGNIFICAND_BITS);
        }
        return outsideNormalExponents(p, k) * 1.0;
    }

    /**
     * e^r·2^k for k outside the normal exponents (NaN k never comes here: (long) NaN is 0): +∞ or 0
     * far out; else the part of k beyond them goes into e^r exactly (at most 78 below, 7 above), so
     * that the final product rounds once, into the subnormals or to ∞.
     */
    private static double outsideNormalExponents(double p, double k) {
        if (k > OVERFLOW_EXPONENT) {
            return Double.POSITIVE_INFINITY;
        }
        if (k < UNDERFLOW_EXPONENT) {
            return 0.0;
        }
        double kept = Math.max(MIN_EXPONENT, Math.min(MAX_EXPONENT, k));
        return Math.scalb(p, (int) (k - kept)) * twoTo(kept);
    }

    /**
     * e^v − 1 for v ≤ 0 (or NaN), with full relative precision near 0 and the sign of a zero
     * kept; the scalar form of {@link #expm1OfScaledAbs} and {@link #expm1OfNegativePart}. For v &gt; 0 the
     * result is meaningless.
     */
    static double expm1OfNonPositive(double v) {
        double k = exponent(v);
        if (k < MIN_EXPONENT) {
            return fromReducedExpm1(0.0, 0.0);
        }
        return fromReducedExpm1(expm1OfReduced(v, k), twoTo(k));
    }

    /**
     * e^v for v ≤ 0 from the parts of {@link #expm1OfNonPositive(double)}: {@link #exp(double)}(v)
     * down to v ≈ −708.39, and below it 0 in place of the subnormal e^v.
     */
    static double expBesideExpm1(double v) {
        double k = exponent(v);
        if (k < MIN_EXPONENT) {
            return 0.0 * (1.0 + 0.0);
        }
        return twoTo(k) * (1.0 + expm1OfReduced(v, k));
    }

    /**
     * 2^k·(e^r − 1) + (2^k − 1), where 2^k − 1 is exact for the k ≤ 0 of a non-positive argument
     * down to −53 (and −1 after rounding below): no cancellation, and e^r − 1 alone for k = 0.
     * Subtracting 1 − 2^k instead of adding 2^k − 1 keeps the sign of e^(−0) − 1 = −0.
     */
    private static double fromReducedExpm1(double expm1OfReduced, double powerOfTwo) {
        return powerOfTwo * expm1OfReduced - (1.0 - powerOfTwo);
    }

    /** k = v/ln 2 rounded to an integer (half to even), as a double; NaN for NaN. */
    private static double exponent(double w) {
        return (w * LOG2_E + ROUND_TO_INTEGER) - ROUND_TO_INTEGER;
    }

    /** e^r for r = w − k·ln 2: 1 + (e^r − 1), bit for bit fdlibm's 1 − ((lo − r·c/(2 − c)) − hi). */
    private static double expOfReduced(double w, double k) {
        return 1.0 + expm1OfReduced(w, k);
    }

    /**
     * e^r − 1 for r = w − k·ln 2, |r| ≤ ln 2/2 + a rounding, in fdlibm's rational form: the
     * reduction's rounding error lo is carried apart from hi, and e^r − 1 = r + r·c/(2 − c) with
     * c = r − r²·P(r²). Written hi − (lo − …) so that w = ±0 gives ±0.
     */
    private static double expm1OfReduced(double w, double k) {
        double hi = w - k * LN2_HI;
        double lo = k * LN2_LO;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        return hi - (lo - (r * c) / (2.0 - c));
    }

    /** 2^k for an integer k in the normal exponents, as a double (exact). */
    private static double twoTo(double k) {
        return Double.longBitsToDouble(((long) k + EXPONENT_BIAS) << SIGNIFICAND_BITS);
    }
}
