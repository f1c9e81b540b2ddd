package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorised kernels ({@code values} and {@code derivatives} over an array, through
 * {@link BlockedExp}) against the scalar {@code value} and {@code derivative}: the same bits for
 * every element, over the special values and a million arguments from the whole double range,
 * at lengths around the block size and with the output array being the input. Then both against
 * the textbook formulas on fdlibm's exponentials (StrictMath), which the kernels replaced: equal
 * at every special value (zeros with their sign, infinities, NaN), and within a few ulps elsewhere.
 */
class VectorKernelsTest {

    private static final ActivationRegistry REGISTRY = new ActivationRegistry(ActivationCatalogue.all());
    private static final int N = 1_000_003;

    /** Special values, then random arguments of every kind, n in all. */
    static double[] arguments(int n, long seed) {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1, -1, 1e-300, -1e-300, 1e-17, -1e-17, 20, -20, 36.7, -36.7, 37.5, -37.5, 700,
            -700, 708.4, -708.4, 709.78, -709.78, 709.8, -709.8, 710, -710, 720, -720, 744, -744,
            745.1332191019411, -745.1332191019411, 745.2, -745.2, 746, -746, 800, -800, 1e10, -1e10,
            -1.2784645427610737, -1.2284645427610737, -1.3284645427610737, -1.3284645427610738,
            -0.7517915246935645, -0.7017915246935645, -0.8017915246935645, 38.5, -38.5, 39, -39, 40, -40,
            1e154, -1e154, 1e300, -1e300};
        double[] x = new double[n];
        System.arraycopy(special, 0, x, 0, special.length);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = special.length; i < n; i++) {
            x[i] = switch (i % 5) {
                case 0 -> random.nextDouble(-40, 40);
                case 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> random.nextDouble(-760, 760);
                case 3 -> random.nextDouble(-1.4, -1.1);
                default -> Math.scalb(random.nextDouble(-1, 1), -random.nextInt(0, 1080));
            };
        }
        return x;
    }

    /**
     * A scalar function and the textbook formulas it must agree with; the derivative's formula
     * to {@code derivativeTolerance} relative where that is not 0 (it cancels), and not at all
     * within {@code expansionRadius} of {@code derivativeZero} (where the kernel uses an expansion).
     */
    record Kernel(ScalarFunction function, DoubleUnaryOperator value, DoubleUnaryOperator derivative,
                  double derivativeTolerance, double derivativeZero, double expansionRadius) {

        Kernel(ScalarFunction function, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
            this(function, value, derivative, 0, 0, 0);
        }
    }

    static Stream<Named<Kernel>> kernels() {
        List<Named<Kernel>> kernels = new ArrayList<>();
        kernels.add(Named.of("sigmoid", new Kernel(bind("sigmoid", Map.of()),
                VectorKernelsTest::sigmoid, x -> sigmoid(x) * sigmoid(-x))));
        kernels.add(Named.of("silu", new Kernel(bind("silu", Map.of()),
                x -> x * sigmoid(x), x -> sigmoid(x) * (1.0 + x * sigmoid(-x)), 1e-13, -1.2784645427610737,
                0.05)));
        kernels.add(Named.of("tanh", new Kernel(bind("tanh", Map.of()), StrictMath::tanh, x -> {
            // sech² x = 4e/(1 + e)², e = e^(−2|x|); (2e^(−|x|))² where 4e would underflow first.
            double half = 2 * StrictMath.exp(-Math.abs(x));
            double e = StrictMath.exp(-2 * Math.abs(x));
            return Math.abs(x) > 20 ? half * half : 4 * e / ((1 + e) * (1 + e));
        })));
        for (double threshold : new double[] {20.0, -1.0, 0.0, 700.0}) {
            kernels.add(Named.of("softplus threshold=" + threshold, new Kernel(
                    bind("softplus", Map.of("beta", 1.0, "threshold", threshold)),
                    x -> x > threshold ? x : Math.max(x, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x))),
                    x -> x > threshold ? 1.0 : sigmoid(x))));
        }
        for (double alpha : new double[] {1.0, 0.3, 2.5, -1.5, 0.0, -0.0}) {
            kernels.add(Named.of("elu alpha=" + alpha, new Kernel(bind("elu", Map.of("alpha", alpha)),
                    x -> x > 0 ? x : alpha == 0 ? 0.0 : alpha * StrictMath.expm1(x),
                    x -> x > 0 ? 1.0 : alpha * StrictMath.exp(x))));
        }
        kernels.add(Named.of("gelu", new Kernel(bind("gelu", Map.of()), x -> x * commonsNormalCdf(x),
                x -> {
                    double d = commonsNormalCdf(x) + x * commonsNormalDensity(x);
                    return d == 0 && x < 0 ? -0.0 : d;
                }, 1e-13, -0.7517915246935645, 0.05)));
        return kernels.stream();
    }

    /**
     * Φ(x) as gelu computed it before {@link NormalCdf}: Commons Numbers' erfc (Boost's algorithm)
     * of t = −x/√2 rounded, corrected to first order for the rounding of t.
     */
    static double commonsNormalCdf(double x) {
        double t = -x * 0.7071067811865476;
        double dt = -(Math.fma(x, 0.7071067811865476, t) + x * -4.833646656726457e-17);
        double erfc = org.apache.commons.numbers.gamma.Erfc.value(t);
        if (erfc == 0 || erfc == 2) {
            return 0.5 * erfc;
        }
        return 0.5 * (erfc - dt * 1.1283791670955126 * StrictMath.exp(-t * t));
    }

    /** φ(x) = e^(−x²/2)/√(2π) on fdlibm, x² split exactly; 0 beyond |x| = 40 (where x² may overflow). */
    static double commonsNormalDensity(double x) {
        if (!(Math.abs(x) <= 40)) {
            return Double.isNaN(x) ? x : 0.0;
        }
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        double e = StrictMath.exp(-0.5 * hi);
        return (e - e * 0.5 * lo) * 0.3989422804014327;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void arrayValuesShouldEqualScalarValuesBitForBit(Kernel kernel) {
        ScalarFunction f = kernel.function();
        double[] x = arguments(N, 20);
        double[] values = new double[N];
        double[] derivatives = new double[N];
        f.values(x, values);
        f.derivatives(x, derivatives);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            compareBits("f", x[i], values[i], f.value(x[i]), differences);
            compareBits("f'", x[i], derivatives[i], f.derivative(x[i]), differences);
        }
        assertThat(differences).isEmpty();
    }

    /** Records a difference in the bits (NaN equals NaN, −0.0 differs from +0.0). */
    static void compareBits(String what, double x, double got, double expected, List<String> differences) {
        if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected) && differences.size() < 20) {
            differences.add(what + "(" + x + "): array " + got + ", scalar " + expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void arraysOfEveryLengthAndInPlaceShouldGiveTheSameBits(Kernel kernel) {
        ScalarFunction f = kernel.function();
        for (int n : new int[] {0, 1, 7, BlockedExp.BLOCK - 1, BlockedExp.BLOCK, BlockedExp.BLOCK + 1,
            3 * BlockedExp.BLOCK + 5}) {
            double[] x = arguments(Math.max(n, 80), n).clone();
            double[] input = java.util.Arrays.copyOf(x, n);
            double[] inPlace = input.clone();
            f.values(inPlace, inPlace);
            double[] derivativesInPlace = input.clone();
            f.derivatives(derivativesInPlace, derivativesInPlace);
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                compareBits("f", input[i], inPlace[i], f.value(input[i]), differences);
                compareBits("f'", input[i], derivativesInPlace[i], f.derivative(input[i]), differences);
            }
            assertThat(differences).as("n = %d", n).isEmpty();
        }
    }

    /**
     * Against the formulas on fdlibm's exponentials: the same special values (and signs of zero);
     * elsewhere within 4 ulps (both sides err by about 1), or 1e-13 relative for silu', whose
     * closed form cancels towards its zero (within 0.05 of it the kernel uses an expansion, which
     * NumericalPrecisionTest checks).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void kernelsShouldAgreeWithTheTextbookFormulasOnFdlibm(Kernel kernel) {
        ScalarFunction f = kernel.function();
        double[] x = arguments(200_000, 21);
        for (double xi : x) {
            assertClose("f", xi, f.value(xi), kernel.value().applyAsDouble(xi), 0);
            if (!(Math.abs(xi - kernel.derivativeZero()) < kernel.expansionRadius())) {
                assertClose("f'", xi, f.derivative(xi), kernel.derivative().applyAsDouble(xi),
                        kernel.derivativeTolerance());
            }
        }
    }

    /**
     * tanh against the exact (e^(2x) − 1)/(e^(2x) + 1) (BigDecimal, 40 digits): within the 2.5 ulps
     * that bound fdlibm's Math.tanh here as well (2.02 measured on the same arguments).
     */
    @org.junit.jupiter.api.Test
    void tanhShouldBeWithinTwoAndAHalfUlpsOfTheExactValue() {
        ScalarFunction tanh = bind("tanh", Map.of());
        SplittableRandom random = new SplittableRandom(22);
        java.math.MathContext context = new java.math.MathContext(40);
        double worst = 0;
        for (int i = 0; i < 40_000; i++) {
            double x = i % 2 == 0 ? random.nextDouble(-4, 4) : random.nextDouble(-0.01, 0.01);
            java.math.BigDecimal e = BlockedExpTest.exactExp(2 * x);
            java.math.BigDecimal exact = e.subtract(java.math.BigDecimal.ONE)
                    .divide(e.add(java.math.BigDecimal.ONE), context);
            worst = Math.max(worst, BlockedExpTest.ulpError(tanh.value(x), exact));
        }
        System.out.printf("tanh: largest error %.4f ulp over 40,000 arguments%n", worst);
        assertThat(worst).isLessThanOrEqualTo(2.5);
    }

    /**
     * The softmax family's exponentials e^(x_j − max), corrected for the rounding of x_j − max,
     * against the previous scalar loop on fdlibm (correction skipped where the exponential is 0):
     * within 2 ulps, equal zeros, and at −∞ entries 0.
     */
    @org.junit.jupiter.api.Test
    void softmaxExponentialsShouldAgreeWithTheScalarFormulaOnFdlibm() {
        SplittableRandom random = new SplittableRandom(24);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(3 * BlockedExp.BLOCK);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 97 == 5 ? Double.NEGATIVE_INFINITY : random.nextDouble(-900, 30) * (round % 2 == 0 ? 1 : 1e-3);
            }
            double max = x[StableKernels.argmax(x)];
            double[] got = StableKernels.exponentialsBelowMax(x, max);
            for (int j = 0; j < n; j++) {
                double d = x[j] - max;
                double expected = StrictMath.exp(d);
                if (expected != 0) {
                    expected += expected * StableKernels.sumError(x[j], -max, d);
                }
                assertClose("e^(x - max)", x[j], got[j], expected, 0);
                assertThat(Math.abs(got[j] - expected)).isLessThanOrEqualTo(2 * Math.ulp(expected));
            }
        }
        assertThat(StableKernels.softmax(new double[] {Double.NaN, 1})).containsOnly(Double.NaN);
        assertThat(StableKernels.softmax(new double[] {Double.NEGATIVE_INFINITY, 0, 0})).containsExactly(0, 0.5, 0.5);
    }

    private static void assertClose(String what, double x, double got, double expected, double relative) {
        if (!Double.isFinite(expected) || expected == 0 || !Double.isFinite(got) || got == 0) {
            assertThat(Double.valueOf(got)).as("%s(%s)", what, x).isEqualTo(Double.valueOf(expected));
            return;
        }
        // Subnormal results (or factors, before the product with x): the grid is coarse, and two
        // roundings may land a step (times |x|) apart.
        double tolerance = Math.max(Math.max(4 * Math.ulp(expected), relative * Math.abs(expected)),
                2 * Double.MIN_VALUE * Math.max(1, Math.abs(x)));
        assertThat(Math.abs(got - expected)).as("%s(%s): %s against %s", what, x, got, expected)
                .isLessThanOrEqualTo(tolerance);
    }

    private static double sigmoid(double x) {
        double e = StrictMath.exp(-Math.abs(x));
        return Math.max(e, Math.copySign(1.0, x)) / (1.0 + e);
    }

    private static ScalarFunction bind(String name, Map<String, Double> parameters) {
        return REGISTRY.bindScalar(name, parameters).function();
    }
}
