package dev.activationlab.activation;

/**
 * The standard normal CDF Φ(x) = erfc(−x/√2)/2 and density φ(x) = e^(−x²/2)/√(2π), of one number
 * and over the blocks of {@link BlockedExp} by the very same IEEE operations, so that a value
 * computed alone equals the value computed in a vector, bit for bit; used by {@link Gelu}.
 *
 * <p><b>erfc.</b> For z = |t|, t = −x/√2 rounded, Boost's {@code erf.hpp} (John Maddock) as
 * Commons Numbers 1.2 adapts it: erf(z) = z·(Y + P(z²)/Q(z²)) below 0.5; erfc(z) =
 * (Y + P(z − o)/Q(z − o))·e^(−z²)/z on [0.5, 1.5), [1.5, 2.5) and [2.5, 4); from 4 on W. J. Cody's
 * rational Chebyshev approximation (Math. Comp. 23, 1969), (1/√π − z^−2·p(z^−2)/q(z^−2))·e^(−z²)/z;
 * erfc(−z) = 2 − erfc(z). The coefficients and the constants Y are theirs. Every range has the
 * shape S = Y + P/Q (Cody's with Y = 1/√π and −z^−2·p for P), and erfc follows from S by one
 * formula: 1 − t·S below 0.5, S/z·e^(−t²) above.
 *
 * <p><b>In blocks.</b> A vector cannot branch on the range, and evaluating all five rationals for
 * every element cost more than it saved; so a scalar pass groups the elements of a block by range
 * (positions and inputs), each range's S runs vectorised over its group, and a scalar pass puts
 * the results back. The other steps run over the whole block, vectorised, each loop a method of
 * its own: C2 neither unrolls (and so vectorises) a loop whose body is too large, nor keeps
 * vectorising when too many loops are inlined into one method.
 *
 * <p><b>One exponential.</b> e^(−x²/2) on x² rounded, x clamped to ±40 (beyond, it is 0): φ takes
 * it with the rounding error of x² (fma) corrected to first order; so does e^(−t²), with also
 * t² = x²/2 − 2t·dt to within dt², dt the rounding error of t. dt corrects erfc(t) to first order
 * too (erfc'(t) = −(2/√π)·e^(−t²)), so that Φ keeps full relative precision for negative x
 * (gelu(−37) to an ulp or two).
 *
 * <p>Special values: Φ(NaN) = NaN, Φ(−∞) = 0, Φ(+∞) = 1, Φ(±0) = 0.5; φ(NaN) = NaN, φ(±∞) = 0.
 * Accuracy against exact values: {@code NormalCdfTest}.
 */
final class NormalCdf {

    /** 1/√2 as an unevaluated sum of two doubles (mpmath, 60 digits). */
    private static final double INV_SQRT2_HI = 0.7071067811865476;
    private static final double INV_SQRT2_LO = -4.833646656726457e-17;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /** Beyond |x| = 40, e^(−x²/2) = e^(−800) is 0 in double; clamping keeps x² and its error finite. */
    private static final double EXPONENT_CLAMP = 40;
    /** The ranges of z: [0, 0.5), [0.5, 1.5), [1.5, 2.5), [2.5, 4), [4, ∞] (and NaN in the first). */
    static final int RANGES = 5;

    /** Boost's constants Y of the first four ranges (Cody's is 1/√π). */
    private static final double Y0 = 1.044948577880859375;
    private static final double Y1 = 0.405935764312744140625;
    private static final double Y2 = 0.50672817230224609375;
    private static final double Y3 = 0.5405750274658203125;

    private NormalCdf() {
    }

    // ---------------------------------------------------------------- one number

    /** Φ(x), bit for bit as in a block. */
    static double cdf(double x) {
        return cdfFrom(x, BlockedExp.exp(exponentArgument(x)));
    }

    /** Φ(x) from e = e^(−x²/2) of {@link #exponentArgument}(x), bit for bit as in a block. */
    static double cdfFrom(double x, double e) {
        double expOfMinusTSquare = expOfMinusTSquare(x, e);
        return cdfFromErfc(x, erfcFrom(x, sum(x), expOfMinusTSquare), expOfMinusTSquare);
    }

    /** φ(x), bit for bit as in a block. */
    static double density(double x) {
        return densityFrom(x, BlockedExp.exp(exponentArgument(x)));
    }

    /** S = Y + P/Q of the range of |t|, t = −x/√2 rounded. */
    static double sum(double x) {
        return switch (range(x)) {
            case 0 -> sum0(x);
            case 1 -> sum1(x);
            case 2 -> sum2(x);
            case 3 -> sum3(x);
            default -> sum4(x);
        };
    }

    /** The range of z = |t| (see {@link #RANGES}), by comparisons C2 compiles without branches. */
    static int range(double x) {
        double z = Math.abs(-x * INV_SQRT2_HI);
        return (z >= 0.5 ? 1 : 0) + (z >= 1.5 ? 1 : 0) + (z >= 2.5 ? 1 : 0) + (z >= 4.0 ? 1 : 0);
    }

    // ---------------------------------------------------------------- the steps of Φ

    /** −x²/2 for the exponential, x clamped to ±40 and x² rounded (its error is corrected later). */
    static double exponentArgument(double x) {
        double c = clampForExponent(x);
        return -0.5 * (c * c);
    }

    /** z &lt; 0.5 (erf): Y0 + P(t²)/Q(t²). */
    static double sum0(double x) {
        double t = -x * INV_SQRT2_HI;
        double zz = t * t;
        double p = (((-0.000322780120964605683831 * zz + -0.00772758345802133288487) * zz
                + -0.0509990735146777432841) * zz + -0.338165134459360935041) * zz + 0.0834305892146531832907;
        double q = (((0.000370900071787748000569 * zz + 0.00858571925074406212772) * zz
                + 0.0875222600142252549554) * zz + 0.455004033050794024546) * zz + 1.0;
        return Y0 + p / q;
    }

    /** z in [0.5, 1.5): Y1 + P(z − 0.5)/Q(z − 0.5). */
    static double sum1(double x) {
        double m = Math.abs(-x * INV_SQRT2_HI) - 0.5;
        double p = ((((0.00180424538297014223957 * m + 0.0195049001251218801359) * m
                + 0.0888900368967884466578) * m + 0.191003695796775433986) * m + 0.178114665841120341155) * m
                + -0.098090592216281240205;
        double q = (((((0.337511472483094676155e-5 * m + 0.0113385233577001411017) * m
                + 0.12385097467900864233) * m + 0.578052804889902404909) * m + 1.42628004845511324508) * m
                + 1.84759070983002217845) * m + 1.0;
        return Y1 + p / q;
    }

    /** z in [1.5, 2.5): Y2 + P(z − 1.5)/Q(z − 1.5). */
    static double sum2(double x) {
        double m = Math.abs(-x * INV_SQRT2_HI) - 1.5;
        double p = ((((0.000235839115596880717416 * m + 0.00323962406290842133584) * m
                + 0.0175679436311802092299) * m + 0.04394818964209516296) * m + 0.0386540375035707201728) * m
                + -0.0243500476207698441272;
        double q = ((((0.00410369723978904575884 * m + 0.0563921837420478160373) * m
                + 0.325732924782444448493) * m + 0.982403709157920235114) * m + 1.53991494948552447182) * m
                + 1.0;
        return Y2 + p / q;
    }

    /** z in [2.5, 4): Y3 + P(z − 3.5)/Q(z − 3.5). */
    static double sum3(double x) {
        double m = Math.abs(-x * INV_SQRT2_HI) - 3.5;
        double p = ((((0.113212406648847561139e-4 * m + 0.000250269961544794627958) * m
                + 0.00212825620914618649141) * m + 0.00840807615555585383007) * m + 0.0137384425896355332126) * m
                + 0.00295276716530971662634;
        double q = ((((0.000479411269521714493907 * m + 0.0105982906484876531489) * m
                + 0.0958492726301061423444) * m + 0.442597659481563127003) * m + 1.04217814166938418171) * m
                + 1.0;
        return Y3 + p / q;
    }

    /** z ≥ 4 (Cody): 1/√π − z^−2·p(z^−2)/q(z^−2); z^−2 is 0 for z ≥ 2^512, and S is then 1/√π. */
    static double sum4(double x) {
        double z = Math.abs(-x * INV_SQRT2_HI);
        double izz = 1.0 / (z * z);
        double p = ((((1.63153871373020978498e-2 * izz + 3.05326634961232344035e-1) * izz
                + 3.60344899949804439429e-1) * izz + 1.25781726111229246204e-1) * izz
                + 1.60837851487422766278e-2) * izz + 6.58749161529837803157e-4;
        double q = ((((izz + 2.56852019228982242072e00) * izz + 1.87295284992346047209e00) * izz
                + 5.27905102951428412248e-1) * izz + 6.05183413124413191178e-2) * izz + 2.33520497626869185443e-3;
        return INV_SQRT_PI - izz * p / q;
    }

    /**
     * e^(−t²) from e = e^(−x²/2) of the rounded x² ({@link #exponentArgument}), to first order:
     * −t² = −x²/2 + 2t·dt − dt², and −x²/2 is the rounded −x²/2 less half the rounding error of x².
     */
    static double expOfMinusTSquare(double x, double e) {
        // From x clamped where e = 0 anyway, so that the correction stays finite.
        double c = clampForExponent(x);
        double t = -c * INV_SQRT2_HI;
        return e + e * (2.0 * t * roundingOfT(c) - 0.5 * Math.fma(c, c, -(c * c)));
    }

    /**
     * erfc(t) from the sum S = Y + P/Q of |t|'s range and e^(−t²): 1 − t·S below 0.5, else
     * S/z·e^(−t²) for t &gt; 0 and 2 minus that for t &lt; 0, chosen by 0/1 factors, which is exact
     * as both sides are finite.
     */
    static double erfcFrom(double x, double sum, double expOfMinusTSquare) {
        double t = -x * INV_SQRT2_HI;
        double z = Math.abs(t);
        double small = StableKernels.positiveStep(0.5 - z);
        // Cody's form divides by z before the product with a possibly subnormal e^(−z²).
        double erfcOfZ = sum / Math.max(z, 0.5) * expOfMinusTSquare;
        double positive = StableKernels.positiveStep(t);
        return small * (1.0 - Math.min(0.5, Math.max(-0.5, t)) * sum)
                + (1.0 - small) * (positive * erfcOfZ + (1.0 - positive) * (2.0 - erfcOfZ));
    }

    /** Φ(x) = erfc(−x/√2)/2 from erfc(t), corrected to first order by the rounding of t. */
    static double cdfFromErfc(double x, double erfc, double expOfMinusTSquare) {
        return 0.5 * (erfc - roundingOfT(clampForExponent(x)) * TWO_OVER_SQRT_PI * expOfMinusTSquare);
    }

    /** φ(x) from e = e^(−x²/2) of the rounded x² ({@link #exponentArgument}), corrected by its error. */
    static double densityFrom(double x, double e) {
        double c = clampForExponent(x);
        double squareError = Math.fma(c, c, -(c * c));
        return (e - e * 0.5 * squareError) * INV_SQRT_2PI;
    }

    /**
     * dt = −x/√2 − t exactly (to 2^−106) for t = −x·INV_SQRT2_HI rounded: the product's rounding
     * error (fma) and the part of 1/√2 beyond INV_SQRT2_HI. For x clamped to ±40, finite.
     */
    private static double roundingOfT(double c) {
        return -(Math.fma(c, INV_SQRT2_HI, -c * INV_SQRT2_HI) + c * INV_SQRT2_LO);
    }

    private static double clampForExponent(double x) {
        return Math.min(EXPONENT_CLAMP, Math.max(-EXPONENT_CLAMP, x));
    }

    // ---------------------------------------------------------------- blocks

    /** −x²/2 of each input into {@code arguments}: the step before {@link BlockedExp#expOf}. */
    static void exponentArguments(double[] x, double[] arguments, int n) {
        for (int j = 0; j < n; j++) {
            arguments[j] = exponentArgument(x[j]);
        }
    }

    /** One loop over n values of an array, in place; see {@link Blocks}. */
    @FunctionalInterface
    private interface Loop {
        void run(double[] values, int n);
    }

    /** S of each range over a group of inputs, in place. */
    private static final Loop[] SUMS = {NormalCdf::sums0, NormalCdf::sums1, NormalCdf::sums2, NormalCdf::sums3,
        NormalCdf::sums4};

    private static void sums0(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            x[j] = sum0(x[j]);
        }
    }

    private static void sums1(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            x[j] = sum1(x[j]);
        }
    }

    private static void sums2(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            x[j] = sum2(x[j]);
        }
    }

    private static void sums3(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            x[j] = sum3(x[j]);
        }
    }

    private static void sums4(double[] x, int n) {
        for (int j = 0; j < n; j++) {
            x[j] = sum4(x[j]);
        }
    }

    /** One loop over a block that needs its exponentials too; see {@link Blocks}. */
    @FunctionalInterface
    private interface BlockLoop {
        void run(BlockedExp block, double[] values, double[] exps, int n);
    }

    /** After the sums: e^(−t²), erfc, Φ; each loop compiled apart (called from one site that sees all). */
    private static final BlockLoop[] AFTER_SUMS = {NormalCdf::expsOfMinusTSquare, NormalCdf::erfcs,
        NormalCdf::cdfsFromErfcs};

    private static void expsOfMinusTSquare(BlockedExp block, double[] sums, double[] exps, int n) {
        double[] x = block.input;
        for (int j = 0; j < n; j++) {
            exps[j] = expOfMinusTSquare(x[j], block.exp(j));
        }
    }

    private static void erfcs(BlockedExp block, double[] sums, double[] exps, int n) {
        double[] x = block.input;
        for (int j = 0; j < n; j++) {
            sums[j] = erfcFrom(x[j], sums[j], exps[j]);
        }
    }

    private static void cdfsFromErfcs(BlockedExp block, double[] erfcs, double[] exps, int n) {
        double[] x = block.input;
        for (int j = 0; j < n; j++) {
            erfcs[j] = cdfFromErfc(x[j], erfcs[j], exps[j]);
        }
    }

    /** Scratch for Φ over the blocks of a vector: the groups by range and e^(−t²). */
    static final class Blocks {

        private final double[][] groups = new double[RANGES][];
        private final int[][] positions = new int[RANGES][];
        private final int[] sizes = new int[RANGES];
        private final double[] exps;

        /** @param n the length of the vector the caller works through */
        Blocks(int n) {
            int size = Math.max(1, Math.min(n, BlockedExp.BLOCK));
            for (int r = 0; r < RANGES; r++) {
                groups[r] = new double[size];
                positions[r] = new int[size];
            }
            exps = new double[size];
        }

        /**
         * Φ(x_j) of the first n inputs of a block into {@code cdf}, from the block's e^(−x²/2)
         * (taken by {@link #exponentArguments} and {@link BlockedExp#expOf}): bit for bit
         * {@link #cdfFrom}.
         */
        void cdfs(BlockedExp block, double[] cdf, int n) {
            group(block.input, n);
            for (int r = 0; r < RANGES; r++) {
                SUMS[r].run(groups[r], sizes[r]);
            }
            scatter(cdf);
            for (BlockLoop loop : AFTER_SUMS) {
                loop.run(block, cdf, exps, n);
            }
        }

        private void group(double[] x, int n) {
            java.util.Arrays.fill(sizes, 0);
            for (int j = 0; j < n; j++) {
                int r = range(x[j]);
                int k = sizes[r]++;
                groups[r][k] = x[j];
                positions[r][k] = j;
            }
        }

        private void scatter(double[] out) {
            for (int r = 0; r < RANGES; r++) {
                double[] group = groups[r];
                int[] position = positions[r];
                for (int k = 0; k < sizes[r]; k++) {
                    out[position[k]] = group[k];
                }
            }
        }
    }
}
