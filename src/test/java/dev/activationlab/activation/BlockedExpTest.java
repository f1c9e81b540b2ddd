package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockedExp}'s e^v and e^v − 1 against exact values (BigDecimal, 40 digits) and against
 * the JDK's fdlibm ({@link StrictMath#exp}, {@link StrictMath#expm1}), and at the special values.
 * The exact reference is independent of the code under test: e^v = e^m·e^f with m = round(v),
 * e^m a power of e (e from its series) and e^f from its Taylor series, all in BigDecimal.
 */
class BlockedExpTest {

    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal E = taylorExp(BigDecimal.ONE);

    /** The bound fdlibm proves for this algorithm, which the measured error must respect. */
    private static final double MAX_ULPS = 1.0;

    @Test
    void expShouldBeWithinOneUlpOfTheExactValueOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(16);
        // Uniform over the arguments with a normal result, and denser near 0.
        double worst = worstError("e^v", BlockedExp::exp, BlockedExpTest::exactExp,
                i -> i % 2 == 0 ? random.nextDouble(-708.3, 709.7) : random.nextDouble(-2, 2));
        assertThat(worst).isLessThanOrEqualTo(MAX_ULPS);
    }

    @Test
    void expm1ShouldBeWithinOneUlpOfTheExactValueForNonPositiveArguments() {
        SplittableRandom random = new SplittableRandom(17);
        double worst = worstError("e^v − 1", BlockedExp::expm1OfNonPositive,
                v -> exactExp(v).subtract(BigDecimal.ONE, MC), i -> switch (i % 3) {
                    case 0 -> -random.nextDouble(0, 40);
                    case 1 -> -random.nextDouble(0, 1);
                    default -> -Math.scalb(random.nextDouble(1, 2), -random.nextInt(1, 60));
                });
        assertThat(worst).isLessThanOrEqualTo(MAX_ULPS);
    }

    /** The largest error in ulps of f over 60,000 arguments, printed for the documentation. */
    private static double worstError(String name, DoubleUnaryOperator f, DoubleFunction<BigDecimal> exact,
                                     IntToDoubleFunction argument) {
        double worst = 0;
        for (int i = 0; i < 60_000; i++) {
            double v = argument.applyAsDouble(i);
            worst = Math.max(worst, ulpError(f.applyAsDouble(v), exact.apply(v)));
        }
        System.out.printf("%s: largest error %.4f ulp over 60,000 arguments%n", name, worst);
        return worst;
    }

    /**
     * Over a few million arguments, normal and subnormal results included, within 1 ulp of fdlibm
     * (both are within 1 ulp of the truth and differ only in the rounding of k at exact ties and in
     * their last bit), and mostly equal.
     */
    @Test
    void expShouldAgreeWithFdlibmWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(18);
        assertWithinOneUlpAndMostlyEqual("e^v", BlockedExp::exp, StrictMath::exp,
                i -> i % 4 == 0 ? random.nextDouble(-746, -700) : random.nextDouble(-745, 709.78));
    }

    /**
     * softplus's log1p(e) on [0, 1] against fdlibm's {@link StrictMath#log1p} over two million
     * arguments, a quarter of them tiny: within 1 ulp of it, and mostly equal (the same algorithm,
     * with the rounding error of 1 + e carried also where fdlibm drops it).
     */
    @Test
    void log1pShouldAgreeWithFdlibmWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(23);
        assertWithinOneUlpAndMostlyEqual("log1p", StableKernels::log1pOfUnitInterval, StrictMath::log1p,
                i -> i % 4 == 0 ? Math.scalb(random.nextDouble(), -random.nextInt(0, 1074)) : random.nextDouble());
        for (double e : new double[] {0.0, 1.0, 0x1.a827ap-2, Math.nextDown(0x1.a827ap-2), Double.MIN_VALUE,
            Double.MIN_NORMAL, Math.nextDown(1.0)}) {
            assertThat(Double.valueOf(StableKernels.log1pOfUnitInterval(e))).as("log1p(%s)", e)
                    .isEqualTo(Double.valueOf(StrictMath.log1p(e)));
        }
        assertThat(StableKernels.log1pOfUnitInterval(Double.NaN)).isNaN();
    }

    @Test
    void expShouldGiveTheSpecialValuesAsFdlibmDoes() {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 709.782712893384,
            709.7827128933841, 709.79, 710, 711, -708.39, -708.4, -709, -720, -740, -745.1332191019411,
            -745.1332191019412, -745.2, -746, -747, -800, 1e-300, -1e-300, 0x1p-30, -0x1p-30, 1, -1,
            0.34657359027997264, -0.34657359027997264, 1e10, -1e10, 1e300, -1e300};
        for (double v : special) {
            assertThat(Double.valueOf(BlockedExp.exp(v))).as("e^%s", v).isEqualTo(Double.valueOf(StrictMath.exp(v)));
        }
        assertThat(Double.valueOf(BlockedExp.expm1OfNonPositive(-0.0))).isEqualTo(-0.0);
        assertThat(Double.valueOf(BlockedExp.expm1OfNonPositive(0.0))).isEqualTo(0.0);
        assertThat(BlockedExp.expm1OfNonPositive(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(BlockedExp.expm1OfNonPositive(-800)).isEqualTo(-1.0);
        assertThat(BlockedExp.expm1OfNonPositive(-1e-300)).isEqualTo(-1e-300);
        assertThat(BlockedExp.expm1OfNonPositive(-Double.MIN_VALUE)).isEqualTo(-Double.MIN_VALUE);
        assertThat(BlockedExp.expm1OfNonPositive(Double.NaN)).isNaN();
    }

    /** The block form over a vector equals the scalar form, bit for bit, on every argument kind. */
    @Test
    void blocksShouldEqualTheScalarFormBitForBit() {
        double[] v = VectorKernelsTest.arguments(1_000_003, 19);
        BlockedExp block = new BlockedExp(v.length);
        List<String> differences = new ArrayList<>();
        for (int from = 0; from < v.length; from += BlockedExp.BLOCK) {
            int n = block.load(v, from);
            block.expOfShifted(n, 0.0);
            for (int j = 0; j < n; j++) {
                double x = v[from + j];
                VectorKernelsTest.compareBits("exp", x, block.exp(j), BlockedExp.exp(x + 0.0), differences);
            }
            block.expm1OfNegativePart(n);
            for (int j = 0; j < n; j++) {
                double x = v[from + j];
                VectorKernelsTest.compareBits("expm1", x, block.expm1(j),
                        BlockedExp.expm1OfNonPositive(Math.min(x, 0.0)), differences);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Over two million arguments: f within 1 ulp of the reference, and equal to it for nine in ten. */
    private static void assertWithinOneUlpAndMostlyEqual(String name, DoubleUnaryOperator f,
                                                         DoubleUnaryOperator reference, IntToDoubleFunction argument) {
        int equal = 0;
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            double v = argument.applyAsDouble(i);
            double got = f.applyAsDouble(v);
            double expected = reference.applyAsDouble(v);
            assertThat(Math.abs(got - expected)).as("%s(%s)", name, v).isLessThanOrEqualTo(Math.ulp(expected));
            if (got == expected) {
                equal++;
            }
        }
        assertThat(equal).as(name).isGreaterThan(n * 9 / 10);
    }

    /** |got − exact| in ulps of the double nearest the exact value. */
    static double ulpError(double got, BigDecimal exact) {
        double nearest = exact.doubleValue();
        return new BigDecimal(got).subtract(exact).abs()
                .divide(new BigDecimal(Math.ulp(nearest)), MC).doubleValue();
    }

    /** e^v to 40 digits: e^m for the integer m nearest v, times e^(v − m) from its series. */
    static BigDecimal exactExp(double v) {
        BigDecimal x = new BigDecimal(v);
        BigDecimal m = x.setScale(0, RoundingMode.HALF_EVEN);
        int power = m.intValueExact();
        BigDecimal whole = power >= 0 ? E.pow(power, MC) : BigDecimal.ONE.divide(E.pow(-power, MC), MC);
        return whole.multiply(taylorExp(x.subtract(m)), MC);
    }

    /** e^f for |f| ≤ 1 from its Taylor series, to 40 digits. */
    private static BigDecimal taylorExp(BigDecimal f) {
        MathContext wide = new MathContext(50, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 60; k++) {
            term = term.multiply(f, wide).divide(BigDecimal.valueOf(k), wide);
            sum = sum.add(term, wide);
        }
        return sum.round(MC);
    }
}
