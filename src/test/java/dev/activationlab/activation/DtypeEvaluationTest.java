package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.activationlab.dtype.Dtype;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Correct rounding of activations in float32, float16 and bfloat16. */
class DtypeEvaluationTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    static Stream<Named<JsonNode>> goldenCases() throws IOException {
        JsonNode root;
        try (InputStream in = DtypeEvaluationTest.class.getResourceAsStream("/golden/dtypes.json")) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<Named<JsonNode>> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(Named.of(c.get("id").asString(), c));
        }
        assertThat(cases).hasSize(54);
        return cases.stream();
    }

    /** Every case of golden/dtypes.json, bit for bit (zeros by value, as the checker compares them). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void matchesGoldenCaseExactly(JsonNode c) {
        String name = c.get("activation").asString();
        assumeTrue(REGISTRY.all().stream().anyMatch(a -> a.name().equals(name)), name + " is not in this catalogue yet");
        ScalarActivation activation = REGISTRY.bindScalar(name, java.util.Map.of()).activation();
        Map<String, Double> params = new LinkedHashMap<>();
        c.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asDouble()));
        Parameters parameters = Parameters.resolve(activation, params);
        Dtype dtype = Dtype.parse(c.get("dtype").asString());
        double[] x = doubles(c.get("x"));
        assertThat(unsignedZeros(DtypeEvaluation.scalar(activation, parameters, x.clone(), dtype, false)))
                .containsExactly(unsignedZeros(doubles(c.get("values"))));
        assertThat(unsignedZeros(DtypeEvaluation.scalar(activation, parameters, x.clone(), dtype, true)))
                .containsExactly(unsignedZeros(doubles(c.get("derivatives"))));
    }

    /**
     * float32 inputs whose exact result lies within 2^-20 float32 ULP of a rounding tie, so that
     * the midpoint check sends them to the exact evaluation. Found by scanning 3,000,000 random
     * float32 inputs in [-8, 8] (numpy, seed 15) for double results near a tie, confirmed with
     * mpmath at 80 digits, the expected float32 chosen by comparing the exact value with the
     * midpoint (ties to even).
     */
    @ParameterizedTest(name = "{0}({1})")
    @CsvSource({
        "sigmoid, 2.4931657314300537, 0.9236612915992737",
        "sigmoid, -0.35620978474617004, 0.4118773639202118",
        "sigmoid, 5.117539405822754, 0.9940448999404907",
        "tanh, -7.912301063537598, -0.9999997615814209",
        "tanh, 4.0137434005737305, 0.999347448348999",
        "gelu, 3.042494297027588, 3.0389251708984375",
        "gelu, -1.717139482498169, -0.07379724085330963",
        "silu, 6.3357014656066895, 6.324495315551758",
        "silu, -7.338856220245361, -0.004765642806887627",
        "silu, -0.056685853749513626, -0.027539819478988647",
        "elu, -1.1163570880889893, -0.6725294589996338",
        "elu, -3.7499234676361084, -0.9764804244041443",
        "softsign, -3.8000011444091797, -0.7916666865348816",
        "softsign, 7.249876022338867, 0.878786027431488",
    })
    void decidesNearTiesFromExactDigits(String name, double x, double expected) {
        ScalarActivation activation = REGISTRY.bindScalar(name, java.util.Map.of()).activation();
        Parameters parameters = Parameters.resolve(activation, Map.of());
        double y = activation.bind(parameters).value(x);
        assertThat(DtypeEvaluation.inDoubt(Dtype.FLOAT32, y, false)).as("near a tie").isTrue();
        assertThat(DtypeEvaluation.one(activation, parameters, x, Dtype.FLOAT32, false)).isEqualTo(expected);
    }

    /** An exact float16 tie: sparse-free example with leaky_relu, alpha·x exactly between two float16 values. */
    @Test
    void breaksExactTiesToEven() {
        ScalarActivation leaky = REGISTRY.bindScalar("leaky_relu", java.util.Map.of()).activation();
        // alpha = 0.5 + 2^-12 times x = -1: exactly between -0.5 and -0.5 - 2^-11 (float16 spacing
        // 2^-11 there), so the even -0.5 wins; x = -3 gives -1.5 - 3·2^-12, which is nearer -1.5 - 2^-10.
        Parameters parameters = Parameters.resolve(leaky, Map.of("alpha", 0.5 + 0x1p-12));
        assertThat(DtypeEvaluation.one(leaky, parameters, -1.0, Dtype.FLOAT16, false)).isEqualTo(-0.5);
        assertThat(DtypeEvaluation.one(leaky, parameters, -3.0, Dtype.FLOAT16, false)).isEqualTo(-1.5 - 0x1p-10);
    }

    /** Inputs chosen to sit on midpoints cost exact work: beyond the budget the call is refused. */
    @Test
    void refusesMoreExactWorkThanItsBudget() {
        ScalarActivation leaky = REGISTRY.bindScalar("leaky_relu", java.util.Map.of()).activation();
        // alpha = 1.5: for x = -(1024 + m)·2^(k-10), m odd below 342, alpha·x = -3(1024 + m)·2^(k-11) is
        // an odd multiple of half the float16 spacing, exactly a midpoint: each needs the exact digits.
        Parameters parameters = Parameters.resolve(leaky, Map.of("alpha", 1.5));
        List<Double> inputs = new ArrayList<>();
        for (int k = -10; k <= 4; k++) {
            for (int m = 1; m < 342; m += 2) {
                inputs.add(-(1024 + m) * Math.scalb(1.0, k - 10));
            }
        }
        double[] x = inputs.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(x.length).isGreaterThan(DtypeEvaluation.MAX_EXACT_EVALUATIONS);
        assertThat(DtypeEvaluation.one(leaky, parameters, -1 - 0x1p-10, Dtype.FLOAT16, false))
                .isEqualTo(-1.5 - 0x1p-9);  // -1.5 - 1.5·2^-10: the tie between -1.5 - 2^-10 and -1.5 - 2^-9 goes even
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DtypeEvaluation.scalar(leaky, parameters, x, Dtype.FLOAT16, false))
                .isInstanceOf(DtypeEvaluation.TooMuchExactWork.class);
    }

    /**
     * The double kernels stay within the error bound the midpoint check assumes, on random float32
     * inputs, against the exact digits.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "gelu", "gelu_tanh", "silu", "mish", "softplus", "elu", "selu",
            "celu", "log_sigmoid", "tanhshrink", "softsign", "hard_sigmoid", "hard_swish", "leaky_relu",
            "squareplus", "sparse_plus", "sparse_sigmoid", "exponential", "rrelu", "relu_squared", "snake"})
    void doubleKernelsStayWithinTheAssumedBound(String name) {
        ScalarActivation activation = REGISTRY.bindScalar(name, java.util.Map.of()).activation();
        Parameters parameters = Parameters.resolve(activation, Map.of());
        ScalarFunction f = activation.bind(parameters);
        SplittableRandom random = new SplittableRandom(15);
        boolean crossesZero = Stream.of("gelu", "gelu_tanh", "silu", "mish", "snake").anyMatch(name::equals);
        for (int i = 0; i < 300; i++) {
            double x = Dtype.FLOAT32.round(random.nextDouble(-30, 30) * Math.pow(10, random.nextInt(-3, 1)));
            for (boolean derivative : new boolean[] {false, true}) {
                double y = derivative ? f.derivative(x) : f.value(x);
                BigDecimal exact = ExactActivations.value(name, parameters, x, derivative);
                assertThat(exact).as("%s at %s", name, x).isNotNull();
                double bound = Math.abs(y) * DtypeEvaluation.RELATIVE_ERROR
                        + (derivative && crossesZero ? DtypeEvaluation.ABSOLUTE_ERROR : 0) + Double.MIN_VALUE;
                double error = new BigDecimal(y).subtract(exact).abs().round(MathContext.DECIMAL64).doubleValue();
                assertThat(error).as("%s%s at %s", name, derivative ? "'" : "", x).isLessThanOrEqualTo(bound);
            }
        }
    }

    /** −0.0 as 0.0: the checker takes a zero of the other sign as a warning, not a failure. */
    private static double[] unsignedZeros(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] + 0.0;
        }
        return v;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
