package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sup |f'| against a dense scan, f' against central differences of f, and ln |f'| against
 * ln of f' (where f' is a normal double) and against 60-digit values (where f' underflows).
 */
class DerivativeBoundsTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    /** Parameter sets beyond the defaults: other signs, magnitudes and kinks. */
    private static final Map<String, List<Map<String, Double>>> OTHER_PARAMETERS = Map.of(
            "linear", List.of(Map.of("c", -2.5)),
            "leaky_relu", List.of(Map.of("alpha", 3.0), Map.of("alpha", -0.5)),
            "prelu", List.of(Map.of("alpha", -1.3)),
            "elu", List.of(Map.of("alpha", 1.5), Map.of("alpha", -0.7), Map.of("alpha", 0.3)),
            "celu", List.of(Map.of("alpha", 2.0), Map.of("alpha", 0.5)),
            "softplus", List.of(Map.of("beta", 0.5, "threshold", 15.0), Map.of("beta", 3.0, "threshold", -1.0)),
            "hard_tanh", List.of(Map.of("min", 0.0, "max", 6.0)),
            "softshrink", List.of(Map.of("lambda", 0.0)),
            "hardshrink", List.of(Map.of("lambda", 2.0)),
            "threshold", List.of(Map.of("threshold", 0.5, "value", -1.0)));

    /** Points where some derivative jumps or peaks; the scan must include them exactly. */
    private static final double[] KINKS = {0, 0.5, -0.5, 1, -1, 2, -2, 3, -3, 6, -1.0 / 3};

    static Stream<Named<BoundActivation>> functions() {
        List<Named<BoundActivation>> out = new ArrayList<>();
        for (String name : REGISTRY.names()) {
            if (REGISTRY.require(name).vectorValued()) {
                continue;
            }
            out.add(Named.of(name, REGISTRY.bindScalar(name, null)));
            for (Map<String, Double> p : OTHER_PARAMETERS.getOrDefault(name, List.of())) {
                out.add(Named.of(name + p, REGISTRY.bindScalar(name, p)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void maxAbsDerivativeShouldMatchADenseScan(BoundActivation bound) {
        ScalarFunction f = bound.function();
        double scanned = 0;
        for (int i = 0; i <= 120_000; i++) {
            scanned = Math.max(scanned, Math.abs(f.derivative(-60 + i * 1e-3)));
        }
        for (double k : KINKS) {
            for (double x : new double[] {k, Math.nextDown(k), Math.nextUp(k)}) {
                scanned = Math.max(scanned, Math.abs(f.derivative(x)));
            }
        }
        if (Double.isInfinite(f.maxAbsDerivative()) || bound.activation().name().equals("squareplus")) {
            // Unbounded f' (exponential, relu_squared), or a supremum reached only as x → ∞
            // (squareplus's f' → 1): the bound is the limit far out, not a peak inside the scan.
            double far = Math.abs(f.derivative(1e6));
            assertThat(f.maxAbsDerivative()).isGreaterThanOrEqualTo(far).isGreaterThan(scanned);
            if (Double.isInfinite(f.maxAbsDerivative())) {
                assertThat(far).isGreaterThan(scanned);
            } else {
                assertThat(f.maxAbsDerivative()).isCloseTo(far, within(1e-6 * far));
            }
            return;
        }
        assertThat(f.maxAbsDerivative()).isCloseTo(scanned, within(1e-6 * Math.max(1, scanned)));
        assertThat(f.maxAbsDerivative()).isGreaterThanOrEqualTo(scanned);
    }

    @Test
    void maxAbsDerivativeOfCeluWithNegativeAlphaShouldBeInfinite() {
        ScalarFunction f = REGISTRY.bindScalar("celu", Map.of("alpha", -1.0)).function();
        assertThat(f.maxAbsDerivative()).isInfinite();
        assertThat(f.derivative(-50)).isGreaterThan(1e21);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void derivativeShouldMatchCentralDifferencesAwayFromKinks(BoundActivation bound) {
        ScalarFunction f = bound.function();
        double h = 1e-5;
        for (double x : new double[] {-7.3, -2.2, -1.1, -0.37, 0.21, 0.9, 1.7, 2.6, 4.4, 8.8}) {
            double numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
            double scale = Math.max(1, Math.max(Math.abs(f.value(x)), Math.abs(f.derivative(x))));
            assertThat(f.derivative(x)).as("f'(%s)", x).isCloseTo(numeric, within(1e-7 * scale));
        }
    }

    /** Whether f computes ln |f'| itself rather than through ScalarFunction's default, ln |f'(x)|. */
    private static boolean overridesLogAbsDerivative(ScalarFunction f) {
        try {
            return f.getClass().getMethod("logAbsDerivative", double.class).getDeclaringClass() != ScalarFunction.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Named<BoundActivation>> functionsWithOwnLogAbsDerivative() {
        return functions().filter(f -> overridesLogAbsDerivative(f.getPayload().function()));
    }

    static Stream<Named<BoundActivation>> functionsWithDefaultLogAbsDerivative() {
        return functions().filter(f -> !overridesLogAbsDerivative(f.getPayload().function()));
    }

    @Test
    void bothKindsOfLogAbsDerivativeShouldBeTested() {
        List<String> own = functionsWithOwnLogAbsDerivative().map(Named::getName).toList();
        List<String> inherited = functionsWithDefaultLogAbsDerivative().map(Named::getName).toList();

        assertThat(own).contains("sigmoid", "tanh", "gelu_tanh", "softplus", "celu");
        assertThat(inherited).contains("relu", "step", "hard_tanh", "leaky_relu");
    }

    /** Where f computes ln |f'| its own way, that must agree with the logarithm of f' wherever f' is normal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsWithOwnLogAbsDerivative")
    void logAbsDerivativeShouldEqualLogOfDerivativeWhereItIsNormal(BoundActivation bound) {
        ScalarFunction f = bound.function();
        for (int i = 0; i <= 6000; i++) {
            double x = -30 + i * 0.01;
            double d = Math.abs(f.derivative(x));
            double log = f.logAbsDerivative(x);
            if (d >= Double.MIN_NORMAL) {
                double expected = Math.log(d);
                assertThat(log).as("ln|f'(%s)|", x).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            } else if (d == 0) {
                // Either a flat piece (−∞) or an underflow, whose logarithm is very negative.
                assertThat(log).as("ln|f'(%s)|", x).isLessThan(-700);
            }
        }
    }

    /**
     * The piecewise-linear functions keep the default ln |f'(x)|: it must be −∞ exactly on their flat
     * pieces, seen from f's values (equal on both sides of x), and finite everywhere else. The points lie
     * 0.00317 off the hundredths, so that no kink falls within h of one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("functionsWithDefaultLogAbsDerivative")
    void defaultLogAbsDerivativeShouldBeMinusInfinityOnlyOnFlatPieces(BoundActivation bound) {
        ScalarFunction f = bound.function();
        double h = 1e-4;
        for (int i = 0; i < 6000; i++) {
            double x = -30 + i * 0.01 + 0.00317;
            boolean flat = f.value(x - h) == f.value(x + h);
            double log = f.logAbsDerivative(x);
            if (flat) {
                assertThat(log).as("ln|f'(%s)| on a flat piece", x).isEqualTo(Double.NEGATIVE_INFINITY);
            } else {
                assertThat(log).as("ln|f'(%s)| on a sloped piece", x).isFinite();
            }
        }
    }

    /** Expected values: mpmath at 700 digits of ln |f'(x)|, from the formulas of API.md. */
    @ParameterizedTest
    @CsvSource({
            "sigmoid, -800, -800.0",
            "sigmoid, 800, -800.0",
            "tanh, 400, -798.6137056388801",
            "elu, -800, -800.0",
            "selu, -800, -799.4357666944568",
            "softplus, -800, -800.0",
            "log_sigmoid, 800, -800.0",
            "silu, -800, -793.3166390542337",
            "gelu, -40, -797.230683884346",
            "gelu_tanh, -30, -1965.7829218255004",
            "mish, -800, -793.3166390542337",
            "softsign, 1e300, -1381.5510557964274",
            "tanhshrink, 1e-200, -921.0340371976183"})
    void logAbsDerivativeShouldStayFiniteWhereDerivativeUnderflows(String name, double x, double expected) {
        ScalarFunction f = REGISTRY.bindScalar(name, null).function();
        assertThat(f.derivative(x)).isZero();
        assertThat(f.logAbsDerivative(x)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    @Test
    void logAbsDerivativeOfCeluShouldScaleWithAlpha() {
        ScalarFunction f = REGISTRY.bindScalar("celu", Map.of("alpha", 2.0)).function();
        assertThat(f.derivative(-1600)).isZero();
        assertThat(f.logAbsDerivative(-1600)).isEqualTo(-800.0);
    }

    @ParameterizedTest
    @CsvSource({"relu, -1", "step, 2", "hard_sigmoid, 5", "relu6, 7", "hard_tanh, 3", "softshrink, 0.2",
            "hard_swish, -4", "threshold, -1"})
    void logAbsDerivativeOnAFlatPieceShouldBeNegativeInfinity(String name, double x) {
        assertThat(REGISTRY.bindScalar(name, null).function().logAbsDerivative(x)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
