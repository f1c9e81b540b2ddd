package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.http.JacksonConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activation endpoints over Spring MVC: the catalogue, evaluate, derivative and curve, and
 * every kind of bad input to them. Limits are set small here so that they can be reached.
 */
@ApiSliceTest(value = ActivationController.class, properties = {
        "activation-lab.limits.max-vector-length=10",
        "activation-lab.limits.max-jacobian-length=3",
        "activation-lab.limits.max-body-size=4KB",
        "activation-lab.limits.max-curve-points=10001"})
class ActivationControllerTest {

    private static final String PROBLEM = "urn:activation-lab:problem:";


    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper jsonMapper;

    // ---- catalogue ----

    @Test
    void listShouldReturnEveryActivationSortedByName() {
        // The 40 canonical names of API.md's catalogue (both waves), in the order String sorts them.
        List<String> expected = List.of("celu", "elu", "exponential", "geglu", "gelu", "gelu_tanh", "glu", "hard_sigmoid", "hard_swish",
                "hard_tanh", "hardshrink", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "prelu",
                "reglu", "relu", "relu6", "relu_squared", "rrelu", "selu", "sigmoid", "silu", "snake", "softmax",
                "softmin", "softplus", "softshrink", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax",
                "squareplus", "step", "swiglu", "tanh", "tanhshrink", "threshold");

        JsonNode body = json(mvc.get().uri("/api/v1/activations").exchange(), 200);

        List<String> names = new ArrayList<>();
        body.get("activations").forEach(a -> names.add(a.get("name").asString()));
        assertThat(names).isEqualTo(expected).contains("relu", "sigmoid", "softmax");
    }

    @Test
    void describeShouldGiveParametersWithDefaults() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/leaky_relu").exchange(), 200);

        assertThat(body.get("name").asString()).isEqualTo("leaky_relu");
        assertThat(body.get("vectorValued").asBoolean()).isFalse();
        assertThat(body.get("parameters").get(0).get("name").asString()).isEqualTo("alpha");
        assertThat(body.get("parameters").get(0).get("defaultValue").asDouble()).isEqualTo(0.01);
        assertThat(body.get("parameters").get(0).get("minimum").isNull()).isTrue();
    }

    @Test
    void describeWhenAliasShouldReturnCanonicalEntry() {
        assertThat(json(mvc.get().uri("/api/v1/activations/logistic").exchange(), 200).get("name").asString())
                .isEqualTo("sigmoid");
        assertThat(json(mvc.get().uri("/api/v1/activations/Leaky-ReLU").exchange(), 200).get("name").asString())
                .isEqualTo("leaky_relu");
        JsonNode softmax = json(mvc.get().uri("/api/v1/activations/SOFTMAX").exchange(), 200);
        assertThat(softmax.get("name").asString()).isEqualTo("softmax");
        assertThat(softmax.get("vectorValued").asBoolean()).isTrue();
    }

    @Test
    void describeWhenNameUnknownShouldReturnNotFoundListingValidNames() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/nosuch").exchange(), 404, "unknown-activation");

        assertThat(problem.get("detail").asString()).contains("nosuch");
        List<String> validNames = new ArrayList<>();
        problem.get("validNames").forEach(n -> validNames.add(n.asString()));
        assertThat(validNames).contains("leaky_relu", "relu", "sigmoid", "softmax", "step", "tanh");
    }

    // ---- evaluate ----

    @ParameterizedTest
    @CsvSource({"evaluate, alpha=0.5, alpha", "derivative, dtype=float32, dtype", "evaluate, dtype=float64&x=1, x"})
    void jsonBodyWithAQueryParameterShouldReturnBadRequestNamingIt(String operation, String query, String field) {
        JsonNode problem = problem(post("/api/v1/activations/leaky_relu/" + operation + "?" + query,
                "{\"x\": [-1.0]}"), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains("JSON body");
    }

    @Test
    void jsonBodyWithADtypeQueryParameterThatAgreesShouldBeAnswered() {
        JsonNode body = json(post("/api/v1/activations/leaky_relu/evaluate?dtype=float32",
                "{\"x\": [-1.0], \"dtype\": \"float32\"}"), 200);

        assertThat(body.get("dtype").asString()).isEqualTo("float32");
        assertThat(json(post("/api/v1/activations/leaky_relu/evaluate?dtype=float64", "{\"x\": [-1.0]}"), 200)
                .get("values").get(0).asDouble()).isEqualTo(-0.01);
    }

    @Test
    void evaluateShouldEchoCanonicalNameAndParams() {
        JsonNode body = json(post("/api/v1/activations/Leaky-ReLU/evaluate",
                "{\"x\": [-2.0, 3.0], \"params\": {\"alpha\": 0.1}}"), 200);

        assertThat(body.get("activation").asString()).isEqualTo("leaky_relu");
        assertThat(body.get("params").get("alpha").asDouble()).isEqualTo(0.1);
        assertThat(doubles(body.get("values"))).containsExactly(-0.2, 3.0);
    }

    @Test
    void evaluateWhenParamsOmittedShouldEchoDefaults() {
        JsonNode body = json(post("/api/v1/activations/leaky_relu/evaluate", "{\"x\": [-1.0]}"), 200);

        assertThat(body.get("params").get("alpha").asDouble()).isEqualTo(0.01);
        assertThat(doubles(body.get("values"))).containsExactly(-0.01);
    }

    @Test
    void evaluateWhenAliasShouldEchoCanonicalName() {
        JsonNode body = json(post("/api/v1/activations/logistic/evaluate", "{\"x\": [0.0], \"params\": {}}"), 200);

        assertThat(body.get("activation").asString()).isEqualTo("sigmoid");
        assertThat(body.get("params").isEmpty()).isTrue();
        assertThat(doubles(body.get("values"))).containsExactly(0.5);
    }

    @Test
    void evaluateSoftmaxShouldStayFiniteForLargeInputs() {
        JsonNode body = json(post("/api/v1/activations/softmax/evaluate", "{\"x\": [1000, 0]}"), 200);

        assertThat(doubles(body.get("values"))).containsExactly(1.0, 0.0);
    }

    @Test
    void evaluateWhenNameUnknownShouldReturnNotFound() {
        JsonNode problem = problem(post("/api/v1/activations/nosuch/evaluate", "{\"x\": [1]}"), 404,
                "unknown-activation");

        assertThat(problem.get("validNames").isArray()).isTrue();
        assertThat(problem.get("validNames").size())
                .isEqualTo(ActivationCatalogue.all().size());
    }

    @Test
    void evaluateWhenParameterUnknownShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/leaky_relu/evaluate",
                "{\"x\": [1.0], \"params\": {\"beta\": 1.0}}"), 400, "invalid-parameter");

        assertThat(problem.get("field").asString()).isEqualTo("params.beta");
        assertThat(problem.get("detail").asString()).contains("beta", "alpha");
    }

    @Test
    void evaluateWhenNamesAreLongShouldEchoThemShortened() {
        String longName = "n".repeat(3000);   // within the 4 KB body limit of this test
        JsonNode unknownActivation = problem(post("/api/v1/activations/" + longName + "/evaluate", "{\"x\": [1]}"),
                404, "unknown-activation");
        JsonNode unknownParameter = problem(post("/api/v1/activations/leaky_relu/evaluate",
                "{\"x\": [1.0], \"params\": {\"" + longName + "\": 1.0}}"), 400, "invalid-parameter");
        JsonNode unknownField = problem(post("/api/v1/activations/relu/evaluate",
                "{\"x\": [1.0], \"" + longName + "\": 1}"), 400, "invalid-request");

        for (JsonNode problem : List.of(unknownActivation, unknownParameter, unknownField)) {
            assertThat(problem.get("detail").asString()).contains("n".repeat(64) + "…").doesNotContain("n".repeat(65));
        }
        assertThat(unknownParameter.get("field").asString()).isEqualTo("params." + "n".repeat(64) + "…");
        assertThat(unknownField.get("field").asString()).isEqualTo("n".repeat(64) + "…");
    }

    @Test
    void curveWhenQueryValueIsLongShouldEchoItShortened() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/leaky_relu/curve?alpha=" + "7".repeat(400) + "x")
                .exchange(), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("alpha");
        assertThat(problem.get("detail").asString()).contains("7".repeat(64) + "…").doesNotContain("7".repeat(65));
    }

    @Test
    void evaluateWhenParameterOutOfRangeShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/leaky_relu/evaluate",
                "{\"x\": [1.0], \"params\": {\"alpha\": 1e999}}"), 400, "invalid-parameter");

        assertThat(problem.get("field").asString()).isEqualTo("params.alpha");
    }

    @Test
    void evaluateWhenParameterNullShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/leaky_relu/evaluate",
                "{\"x\": [1.0], \"params\": {\"alpha\": null}}"), 400, "invalid-parameter");

        assertThat(problem.get("field").asString()).isEqualTo("params.alpha");
    }

    @Test
    void evaluateWhenXEmptyShouldReturnBadRequest() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": []}"), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x");
    }

    // ---- second wave (API.md section 1, "More activations") ----

    @Test
    void gatedUnitsShouldHalveTheLengthAndAnswerAnHalfByNJacobian() {
        JsonNode values = json(post("/api/v1/activations/swiglu/evaluate", "{\"x\": [1, 2, 3, 4]}"), 200);
        // Golden values (mpmath); the service is within 2 ulps of them.
        List<Double> y = doubles(values.get("values"));
        assertThat(y).hasSize(2);
        assertThat(y.get(0)).isCloseTo(2.8577223804672998, within(1e-15));
        assertThat(y.get(1)).isCloseTo(7.856110320303268, within(1e-14));

        // a = 2, b = 4: the second row of the golden geglu/1_2_3_4 case, gelu(4) and 2·gelu'(4).
        JsonNode derivative = json(post("/api/v1/activations/GEGLU/derivative", "{\"x\": [2, 4]}"), 200);
        assertThat(derivative.get("activation").asString()).isEqualTo("geglu");
        assertThat(derivative.has("derivatives")).isFalse();
        assertThat(derivative.get("jacobian")).hasSize(1);
        List<Double> row = doubles(derivative.get("jacobian").get(0));
        assertThat(row).hasSize(2);
        assertThat(row.get(0)).isCloseTo(3.9998733150326675, within(1e-15));
        assertThat(row.get(1)).isCloseTo(2.001007299322453, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"glu", "reglu", "geglu", "swiglu"})
    void gatedUnitsWhenLengthOddShouldReturnBadRequestNamingX(String name) {
        for (String endpoint : List.of("evaluate", "derivative")) {
            JsonNode problem = problem(post("/api/v1/activations/" + name + "/" + endpoint, "{\"x\": [1, 2, 3]}"), 400,
                    "invalid-request");
            assertThat(problem.get("field").asString()).isEqualTo("x");
            assertThat(problem.get("detail").asString()).contains("even length");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "squareplus | {\"b\": 0} | params.b",
            "squareplus | {\"b\": -1} | params.b",
            "snake | {\"alpha\": 0} | params.alpha",
            "rrelu | {\"lower\": 0.4, \"upper\": 0.3} | params.lower",
            "rrelu | {\"lower\": -0.1} | params.lower",
            "rrelu | {\"upper\": -1} | params.upper",
            "tanh_shrink | {\"lambda\": 1} | params.lambda"})
    void secondWaveWhenParameterOutOfRangeShouldReturnBadRequest(String name, String params, String field) {
        JsonNode problem = problem(post("/api/v1/activations/" + name + "/evaluate",
                "{\"x\": [1.0], \"params\": " + params + "}"), 400, "invalid-parameter");
        assertThat(problem.get("field").asString()).isEqualTo(field);
    }

    @Test
    void kerasNamesShouldFindTheShrinkFunctions() {
        assertThat(json(mvc.get().uri("/api/v1/activations/hard_shrink").exchange(), 200).get("name").asString())
                .isEqualTo("hardshrink");
        assertThat(json(mvc.get().uri("/api/v1/activations/Soft-Shrink").exchange(), 200).get("name").asString())
                .isEqualTo("softshrink");
        JsonNode tanh = json(post("/api/v1/activations/tanh_shrink/evaluate", "{\"x\": [1.0]}"), 200);
        assertThat(tanh.get("activation").asString()).isEqualTo("tanhshrink");
        assertThat(json(mvc.get().uri("/api/v1/activations/squared_relu").exchange(), 200).get("name").asString())
                .isEqualTo("relu_squared");
    }

    @Test
    void exponentialWhenOverflowingShouldReturnUnprocessableNamingTheElement() {
        JsonNode problem = problem(post("/api/v1/activations/exponential/evaluate", "{\"x\": [1.0, 709.0, 710.0]}"),
                422, "unprocessable");
        assertThat(problem.get("field").asString()).isEqualTo("values[2]");
    }

    @Test
    void snakeDerivativeWhereAlphaTimesXOverflowsShouldReturnUnprocessable() {
        JsonNode problem = problem(post("/api/v1/activations/snake/derivative",
                "{\"x\": [1.0, 1e308], \"params\": {\"alpha\": 4}}"), 422, "unprocessable");
        assertThat(problem.get("field").asString()).isEqualTo("derivatives[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmin", "sparsemax", "glu", "swiglu"})
    void curveOfSecondWaveVectorValuedShouldReturnUnprocessable(String name) {
        problem(mvc.get().uri("/api/v1/activations/" + name + "/curve").exchange(), 422, "unprocessable");
    }

    @Test
    void curveOfSnakeShouldCarryItsParameter() {
        JsonNode curve = json(mvc.get().uri("/api/v1/activations/snake/curve?from=0&to=1&points=2&alpha=0.5")
                .exchange(), 200);
        assertThat(curve.get("params").get("alpha").asDouble()).isEqualTo(0.5);
        // f(1) = 1 + sin²(0.5)/0.5 (mpmath), f'(1) = 1 + sin(1).
        assertThat(doubles(curve.get("values"))).containsExactly(0.0, 1.4596976941318602);
        assertThat(doubles(curve.get("derivatives"))).containsExactly(1.0, 1.8414709848078965);
    }

    @Test
    void evaluateWhenXMissingShouldReturnBadRequest() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"params\": {}}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x");
    }

    @Test
    void evaluateWhenInputNotFiniteShouldNameTheIndex() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1, 1e999]}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x[1]");
    }

    @Test
    void evaluateWhenJsonMalformedShouldReturnBadRequest() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1, 2"), 400, "malformed-json");

        assertThat(problem.get("detail").asString()).startsWith("The request body is not valid JSON (line 1");
    }

    @Test
    void evaluateWhenXHasWrongTypeShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": \"abc\"}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x");
        assertThat(problem.get("detail").asString()).contains("an array of numbers");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"x": "P/AAAAAAAAA="}             | x
            {"x": [[1.0], "P/AAAAAAAAA="]}    | x[1]
            """)
    void evaluateWhenXIsBase64TextShouldNotReadItAsNumbers(String body, String field) {
        // "P/AAAAAAAAA=" is the Base64 of 1.0's eight bytes, which Jackson alone would read as [1.0].
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", body), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo(field);
    }

    @Test
    void evaluateWhenElementHasWrongTypeShouldNameTheIndex() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1, \"2\"]}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x[1]");
        assertThat(problem.get("detail").asString()).contains("expected a number");
    }

    @Test
    void evaluateWhenParameterHasWrongTypeShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/leaky_relu/evaluate",
                "{\"x\": [1], \"params\": {\"alpha\": \"0.5\"}}"), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("params.alpha");
    }

    @Test
    void evaluateWhenFieldUnknownShouldNameIt() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1], \"y\": 2}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("y");
    }

    @Test
    void evaluateWhenKeyDuplicatedShouldReturnBadRequest() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1], \"x\": [2]}"), 400,
                "malformed-json");

        assertThat(problem.get("detail").asString()).contains("Duplicate");
    }

    @Test
    void evaluateWhenResultNotFiniteShouldNameTheFirstIndex() {
        JsonNode problem = problem(post("/api/v1/activations/linear/evaluate",
                "{\"x\": [1.0, 1e308, 1e308], \"params\": {\"c\": 10.0}}"), 422, "unprocessable");

        assertThat(problem.get("field").asString()).isEqualTo("values[1]");
        assertThat(problem.get("detail").asString()).contains("x[1]");
    }

    @Test
    void evaluateWhenVectorTooLongShouldReturnContentTooLarge() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate",
                "{\"x\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}"), 413, "too-large");

        assertThat(problem.get("field").asString()).isEqualTo("x");
        assertThat(problem.get("detail").asString()).contains("11", "10");
    }

    @Test
    void evaluateWhenVectorAtLimitShouldSucceed() {
        json(post("/api/v1/activations/relu/evaluate", "{\"x\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}"), 200);
    }

    @Test
    void evaluateWhenBodyTooLargeShouldReturnContentTooLarge() {
        String padding = " ".repeat(5000);
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1]}" + padding), 413,
                "too-large");

        assertThat(problem.get("detail").asString()).contains("4096");
    }

    @Test
    void evaluateWhenNumberHasTooManyDigitsShouldReturnContentTooLarge() {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [0." + "1".repeat(1200) + "]}"),
                413, "too-large");

        assertThat(problem.get("field").asString()).isEqualTo("x[0]");
    }

    @Test
    void evaluateWhenMethodIsGetShouldReturnMethodNotAllowed() {
        MvcTestResult result = mvc.get().uri("/api/v1/activations/relu/evaluate").exchange();

        JsonNode problem = problem(result, 405, "method-not-allowed");
        assertThat(result).containsHeader("Allow");
        assertThat(problem.get("detail").asString()).isEqualTo("This path does not take GET; it takes POST.");
    }

    @Test
    void evaluateWhenContentTypeIsTextShouldReturnUnsupportedMediaType() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.TEXT_PLAIN).content("{\"x\": [1]}").exchange();

        JsonNode problem = problem(result, 415, "unsupported-media-type");
        assertThat(problem.get("detail").asString())
                .isEqualTo("A body of type text/plain is not taken here; send application/json.");
    }

    @Test
    void evaluateWhenOnlyHtmlAcceptedShouldReturnNotAcceptable() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML).content("{\"x\": [1]}").exchange();

        assertThat(result).hasStatus(406);
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    // ---- derivative ----

    @Test
    void derivativeShouldFollowPyTorchAtKinks() {
        JsonNode relu = json(post("/api/v1/activations/relu/derivative", "{\"x\": [-1, 0, 2]}"), 200);
        JsonNode leaky = json(post("/api/v1/activations/leaky_relu/derivative",
                "{\"x\": [-2, 0, 2], \"params\": {\"alpha\": 0.1}}"), 200);
        JsonNode step = json(post("/api/v1/activations/step/derivative", "{\"x\": [-1, 0, 1]}"), 200);

        assertThat(doubles(relu.get("derivatives"))).containsExactly(0.0, 0.0, 1.0);
        assertThat(doubles(leaky.get("derivatives"))).containsExactly(0.1, 0.1, 1.0);
        assertThat(doubles(step.get("derivatives"))).containsExactly(0.0, 0.0, 0.0);
        assertThat(relu.has("jacobian")).isFalse();
        assertThat(relu.has("parameterGradients")).isFalse();
    }

    @Test
    void derivativeOfSoftmaxShouldGiveTheJacobian() {
        // s = (1/2, 1/2): J_ij = s_i(δ_ij − s_j) = ±1/4, exact in double
        JsonNode body = json(post("/api/v1/activations/softmax/derivative", "{\"x\": [0, 0]}"), 200);

        assertThat(body.has("derivatives")).isFalse();
        assertThat(doubles(body.get("jacobian").get(0))).containsExactly(0.25, -0.25);
        assertThat(doubles(body.get("jacobian").get(1))).containsExactly(-0.25, 0.25);
    }

    @Test
    void derivativeOfSoftmaxWhenVectorBeyondJacobianLimitShouldReturnContentTooLarge() {
        JsonNode problem = problem(post("/api/v1/activations/softmax/derivative", "{\"x\": [1, 2, 3, 4]}"), 413,
                "too-large");

        assertThat(problem.get("field").asString()).isEqualTo("x");
    }

    @Test
    void derivativeWhenNameUnknownShouldReturnNotFound() {
        problem(post("/api/v1/activations/nosuch/derivative", "{\"x\": [1]}"), 404, "unknown-activation");
    }

    @Test
    void derivativeWhenInputNotFiniteShouldNameTheIndex() {
        JsonNode problem = problem(post("/api/v1/activations/tanh/derivative", "{\"x\": [0, -1e999]}"), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("x[1]");
    }

    // ---- curve ----

    @Test
    void curveShouldSampleEvenlyWithParameters() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/leaky_relu/curve?from=-2&to=2&points=9&alpha=0.1")
                .exchange(), 200);

        assertThat(body.get("activation").asString()).isEqualTo("leaky_relu");
        assertThat(body.get("params").get("alpha").asDouble()).isEqualTo(0.1);
        assertThat(doubles(body.get("x"))).containsExactly(-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0);
        assertThat(doubles(body.get("values")))
                .containsExactly(-0.2, -0.15000000000000002, -0.1, -0.05, 0.0, 0.5, 1.0, 1.5, 2.0);
        assertThat(doubles(body.get("derivatives"))).containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void curveWithDefaultsShouldHave121PointsFromMinus6To6() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/tanh/curve").exchange(), 200);

        List<Double> x = doubles(body.get("x"));
        assertThat(x).hasSize(121);
        assertThat(x.get(0)).isEqualTo(-6.0);
        assertThat(x.get(1)).isEqualTo(-5.9);
        assertThat(x.get(120)).isEqualTo(6.0);
    }

    @Test
    void curveWhenTwoPointsShouldGiveTheEnds() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/relu/curve?from=-1&to=1&points=2").exchange(), 200);

        assertThat(doubles(body.get("x"))).containsExactly(-1.0, 1.0);
        assertThat(doubles(body.get("values"))).containsExactly(0.0, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "%2310", "1e1", "ten"})
    void curveWhenPointsIsNotADecimalWholeNumberShouldReturnBadRequestNamingIt(String points) {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?points=" + points).exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("points");
    }

    @Test
    void curveWhenPointsHasLeadingZerosShouldReadThemAsDecimal() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/relu/curve?from=-1&to=1&points=011").exchange(), 200);

        assertThat(body.get("x").size()).isEqualTo(11);
    }

    @Test
    void curveWhenOnePointShouldReturnBadRequest() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?points=1").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("points");
    }

    @Test
    void curveWhenPointsBeyondLimitShouldReturnBadRequest() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?points=10002").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("points");
        assertThat(problem.get("detail").asString()).contains("10001");
    }

    @Test
    void curveWhenPointsAtLimitShouldSucceed() {
        JsonNode body = json(mvc.get().uri("/api/v1/activations/relu/curve?points=10001").exchange(), 200);

        assertThat(body.get("x").size()).isEqualTo(10001);
    }

    @Test
    void curveWhenFromNotBelowToShouldReturnBadRequest() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?from=1&to=1").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("from");
    }

    @Test
    void curveWhenFromNotFiniteShouldReturnBadRequest() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?from=-Infinity").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("from");
    }

    @Test
    void curveWhenPointsNotANumberShouldNameIt() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/tanh/curve?points=many").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("points");
    }

    @Test
    void curveWhenParameterUnknownShouldNameIt() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/relu/curve?alpha=0.1").exchange(), 400,
                "invalid-parameter");

        assertThat(problem.get("field").asString()).isEqualTo("alpha");
    }

    @Test
    void curveWhenParameterNotANumberShouldNameIt() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/leaky_relu/curve?alpha=abc").exchange(), 400,
                "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("alpha");
    }

    @Test
    void curveWhenParameterRepeatedShouldNameIt() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/leaky_relu/curve?alpha=0.1&alpha=0.2")
                .exchange(), 400, "invalid-request");

        assertThat(problem.get("field").asString()).isEqualTo("alpha");
    }

    @Test
    void curveOfSoftmaxShouldReturnUnprocessable() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/softmax/curve").exchange(), 422, "unprocessable");

        assertThat(problem.get("detail").asString()).contains("vector-valued");
    }

    @Test
    void curveWhenResultNotFiniteShouldNameTheFirstIndex() {
        // x = [-1e308, 0, 1e308]: 10·x overflows at both ends
        JsonNode problem = problem(mvc.get().uri("/api/v1/activations/linear/curve?from=-1e308&to=1e308&points=3&c=10")
                .exchange(), 422, "unprocessable");

        assertThat(problem.get("field").asString()).isEqualTo("values[0]");
    }

    @Test
    void curveWhenNameUnknownShouldReturnNotFound() {
        problem(mvc.get().uri("/api/v1/activations/nosuch/curve").exchange(), 404, "unknown-activation");
    }

    @Test
    void curveWhenMethodIsPostShouldReturnMethodNotAllowed() {
        problem(post("/api/v1/activations/tanh/curve", "{}"), 405, "method-not-allowed");
    }

    @Test
    void unknownPathShouldReturnNotFound() {
        JsonNode problem = problem(mvc.get().uri("/api/v1/nosuch").exchange(), 404, "not-found");
        // This service's words, not the framework's ("No static resource api/v1/nosuch.").
        assertThat(problem.get("detail").asString()).isEqualTo("There is nothing at this path.");
    }

    // ---- malformed bodies, all together ----

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated", "{\"x\": [1, 2", 400),
                Arguments.of("truncated string", "{\"x\": \"ab", 400),
                Arguments.of("wrong type", "{\"x\": true}", 400),
                Arguments.of("object for array", "{\"x\": {\"a\": 1}}", 400),
                Arguments.of("nested wrong type", "{\"x\": [1], \"params\": {\"alpha\": [1]}}", 400),
                Arguments.of("nested array", "{\"x\": [[[1]]]}", 400),
                Arguments.of("params as array", "{\"x\": [1], \"params\": [1]}", 400),
                Arguments.of("huge number", "{\"x\": [1e999999]}", 400),
                Arguments.of("many digits", "{\"x\": [" + "9".repeat(1500) + "]}", 413),
                Arguments.of("deep nesting", "{\"x\": " + "[".repeat(800) + "]".repeat(800) + "}", 400),
                Arguments.of("deep nesting in params", "{\"params\": " + "{\"a\":".repeat(600) + "1"
                        + "}".repeat(600) + "}", 400),
                Arguments.of("empty body", "", 400),
                Arguments.of("null body", "null", 400),
                Arguments.of("array body", "[1, 2]", 400),
                Arguments.of("string body", "\"x\"", 400),
                Arguments.of("number body", "42", 400),
                Arguments.of("duplicate keys", "{\"x\": [1], \"x\": [2]}", 400),
                Arguments.of("NaN", "{\"x\": [NaN]}", 400),
                Arguments.of("Infinity", "{\"x\": [-Infinity]}", 400),
                Arguments.of("null element", "{\"x\": [1, null]}", 400),
                Arguments.of("single quotes", "{'x': [1]}", 400),
                Arguments.of("comment", "{\"x\": [1] /* one */}", 400),
                Arguments.of("trailing tokens", "{\"x\": [1]} {\"x\": [2]}", 400),
                Arguments.of("trailing comma", "{\"x\": [1,]}", 400),
                Arguments.of("leading zero", "{\"x\": [01]}", 400),
                Arguments.of("hex number", "{\"x\": [0x10]}", 400),
                Arguments.of("control character", "{\"x\": [1], \"params\": {\"a\u0001\": 1}}", 400),
                Arguments.of("long property name", "{\"x\": [1], \"" + "p".repeat(3000) + "\": 1}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void evaluateWhenBodyMalformedShouldReturnProblemWithoutInternals(String label, String body, int status) {
        MvcTestResult result = post("/api/v1/activations/leaky_relu/evaluate", body);

        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertNoInternals(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void evaluateWhenBodyEmptyOrNullShouldSaySo(String body) {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", body), 400, "malformed-json");

        assertThat(problem.get("detail").asString()).contains("empty or null");
    }

    @Test
    void evaluateWhenBodyIsNotUtf8ShouldReturnProblemWithoutInternals() {
        byte[] body = {'{', '"', 'x', '"', ':', '[', '1', ']', ',', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        problem(result, 400, "malformed-json");
    }

    // ---- Jackson settings from application.yml and JacksonConfiguration ----

    @Test
    void jsonMapperShouldReadStrictly() {
        assertThat(jsonMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(jsonMapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
        assertThat(jsonMapper.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isFalse();
        assertThat(jsonMapper.isEnabled(MapperFeature.ALLOW_COERCION_OF_SCALARS)).isFalse();
        assertThat(jsonMapper.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
    }

    // ---- helpers ----

    // ---- dtype ----

    @Test
    void float32RoundsInputsAndResultsAndEchoesTheDtype() {
        // Inputs: float32(0.1) = 0.10000000149011612. relu is exact there; sigmoid(20) in float32 is 1
        // (1 - 2.06e-9 is nearer 1 than 1 - 2^-24); mpmath gives sigmoid(0.10000000149011612) =
        // 0.52497918785..., whose float32 is 0.5249791741371155.
        JsonNode relu = json(post("/api/v1/activations/relu/evaluate", "{\"x\": [0.1], \"dtype\": \"float32\"}"), 200);
        assertThat(relu.get("dtype").asString()).isEqualTo("float32");
        assertThat(relu.get("values").get(0).asDouble()).isEqualTo(0.10000000149011612);
        JsonNode sigmoid = json(post("/api/v1/activations/sigmoid/evaluate",
                "{\"x\": [20, 0.1], \"dtype\": \"float32\"}"), 200);
        assertThat(sigmoid.get("values").get(0).asDouble()).isEqualTo(1.0);
        assertThat(sigmoid.get("values").get(1).asDouble()).isEqualTo(0.5249791741371155);
        JsonNode plain = json(post("/api/v1/activations/relu/evaluate", "{\"x\": [0.1]}"), 200);
        assertThat(plain.get("dtype").asString()).isEqualTo("float64");
        assertThat(plain.get("values").get(0).asDouble()).isEqualTo(0.1);
    }

    @Test
    void dtypeProblems() {
        JsonNode unknown = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": [1], \"dtype\": \"float8\"}"),
                400, "invalid-request");
        assertThat(unknown.get("field").asString()).isEqualTo("dtype");
        JsonNode overflow = problem(post("/api/v1/activations/linear/derivative",
                "{\"x\": [1], \"params\": {\"c\": 70000}, \"dtype\": \"float16\"}"), 422, "unprocessable");
        assertThat(overflow.get("field").asString()).isEqualTo("derivatives[0]");
        JsonNode curve = problem(mvc.get().uri("/api/v1/activations/tanh/curve?dtype=half").exchange(), 400,
                "invalid-request");
        assertThat(curve.get("field").asString()).isEqualTo("dtype");
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private JsonNode json(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return jsonMapper.readTree(result.getResponse().getContentAsByteArray());
    }

    /** Asserts a problem document of the given status and kind, and returns it. */
    private JsonNode problem(MvcTestResult result, int status, String kind) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertNoInternals(result);
        JsonNode problem = jsonMapper.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEM + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }

    static void assertNoInternals(MvcTestResult result) {
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception", "java.", "tools.jackson", "springframework", "\tat ",
                "`", "Feature", "StreamReadConstraints", "trace");
    }
}
