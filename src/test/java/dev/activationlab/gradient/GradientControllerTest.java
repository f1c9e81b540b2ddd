package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiSliceTest(value = GradientController.class, properties = {
        "activation-lab.limits.max-chain-layers=100",
        "activation-lab.limits.max-simulation-work=1000000",
        "activation-lab.limits.max-simulation-numbers=100000"})
class GradientControllerTest {

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult chain(String body) {
        return mvc.post().uri("/api/v1/gradients/chain").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult simulate(String body) {
        return mvc.post().uri("/api/v1/gradients/simulate").contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }

    private static void assertProblem(MvcTestResult result, HttpStatus status, String field) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (field == null) {
            assertThat(result).bodyJson().doesNotHavePath("$.field");
        } else {
            assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        }
    }

    // --- chain ---

    @Test
    void chainSigmoidOverTwentyLayersShouldReturnQuarterToTheTwentieth() {
        MvcTestResult result = chain("""
                {"activation": "logistic", "layers": 20, "preActivation": 0, "weight": 1}""");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.activation").isEqualTo("sigmoid");
        assertThat(result).bodyJson().extractingPath("$.perLayer.length()").isEqualTo(20);
        assertThat(result).bodyJson().extractingPath("$.perLayer[0].layer").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.inputGradient").asNumber()
                .satisfies(g -> assertThat(g.doubleValue()).isEqualTo(9.094947017729282e-13));
        assertThat(result).bodyJson().extractingPath("$.vanishedAfterLayers").isEqualTo(10);
        assertThat(result).bodyJson().hasPathSatisfying("$.explodedAfterLayers", v -> assertThat(v).isNull());
    }

    @Test
    void chainWhenLayersOmittedShouldTakeThemFromTheArrays() {
        MvcTestResult result = chain("""
                {"activation": "relu", "preActivations": [1, -1, 2], "weight": 2}""");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.layers").isEqualTo(3);
        assertThat(result).bodyJson().hasPathSatisfying("$.perLayer[0].log10Gradient", v -> assertThat(v).isNull());
        assertThat(result).bodyJson().extractingPath("$.perLayer[2].gradient").asNumber()
                .satisfies(g -> assertThat(g.doubleValue()).isEqualTo(2.0));
    }

    @Test
    void chainWhenLayersZeroShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 0}"""), HttpStatus.BAD_REQUEST, "layers");
    }

    @Test
    void chainWhenLayersAboveLimitShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 101}"""), HttpStatus.BAD_REQUEST, "layers");
    }

    @Test
    void chainWhenLayersAndArraysMissingShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid"}"""), HttpStatus.BAD_REQUEST, "layers");
    }

    @Test
    void chainWhenScalarAndArrayBothGivenShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "weight": 1, "weights": [1, 2]}"""),
                HttpStatus.BAD_REQUEST, "weights");
    }

    @Test
    void chainWhenArrayLengthDiffersFromLayersShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 3, "preActivations": [0, 1]}"""),
                HttpStatus.BAD_REQUEST, "preActivations");
    }

    @Test
    void chainWhenArrayLongerThanLimitShouldReturnBadRequest() {
        String zeros = "0,".repeat(100) + "0";
        assertProblem(chain("{\"activation\": \"sigmoid\", \"weights\": [" + zeros + "]}"),
                HttpStatus.BAD_REQUEST, "weights");
    }

    @Test
    void chainWhenArrayEntryNotFiniteShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "weights": [1, 1e999]}"""),
                HttpStatus.BAD_REQUEST, "weights[1]");
    }

    @Test
    void chainWhoseLogarithmLeavesTheDoubleRangeShouldBeUnprocessable() {
        // ln σ'(1e308) = −1e308: five such factors have a log10 below −1.8e308.
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 5, "preActivation": 1e308}"""),
                HttpStatus.UNPROCESSABLE_CONTENT, "preActivation");
    }

    @Test
    void chainOfFactorsFarBelowTheDoubleRangeShouldUnderflowToZero() {
        MvcTestResult result = chain("""
                {"activation": "sigmoid", "layers": 2, "preActivation": 1e308}""");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.perLayer[0].gradient").asNumber()
                .satisfies(g -> assertThat(g.doubleValue()).isZero());
        assertThat(result).bodyJson().extractingPath("$.perLayer[1].gradient").asNumber()
                .satisfies(g -> assertThat(g.doubleValue()).isZero());
        assertThat(result).bodyJson().extractingPath("$.log10InputGradient").asNumber()
                .satisfies(g -> assertThat(g.doubleValue()).isCloseTo(-2 * (1e308 / Math.log(10)), within(1e295)));
    }

    @Test
    void chainWhenPreActivationNotFiniteShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "preActivation": -1e999}"""),
                HttpStatus.BAD_REQUEST, "preActivation");
    }

    @Test
    void chainWhenThresholdNotPositiveShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "vanishingThreshold": 0}"""),
                HttpStatus.BAD_REQUEST, "vanishingThreshold");
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "explodingThreshold": -5}"""),
                HttpStatus.BAD_REQUEST, "explodingThreshold");
    }

    @Test
    void chainWhenActivationMissingShouldReturnBadRequest() {
        assertProblem(chain("""
                {"layers": 2}"""), HttpStatus.BAD_REQUEST, "activation");
    }

    @Test
    void chainWhenActivationUnknownShouldReturnBadRequestListingValidNames() {
        MvcTestResult result = chain("""
                {"activation": "swishy", "layers": 2}""");

        assertProblem(result, HttpStatus.BAD_REQUEST, "activation");
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("sigmoid", "relu");
    }

    @Test
    void chainWhenParameterUnknownShouldReturnBadRequest() {
        assertProblem(chain("""
                {"activation": "leaky_relu", "params": {"beta": 2}, "layers": 2}"""),
                HttpStatus.BAD_REQUEST, "params.beta");
    }

    @Test
    void chainWhenVectorValuedShouldReturnUnprocessable() {
        assertProblem(chain("""
                {"activation": "softmax", "layers": 2}"""), HttpStatus.UNPROCESSABLE_CONTENT, "activation");
    }

    @Test
    void chainWhenBodyMalformedShouldReturnBadRequest() {
        assertThat(chain("{\"activation\": \"sigmoid\", \"layers\": ")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2.5}"""), HttpStatus.BAD_REQUEST, "layers");
        assertProblem(chain("""
                {"activation": "sigmoid", "layers": 2, "depth": 3}"""), HttpStatus.BAD_REQUEST, "depth");
    }

    // --- simulate ---

    @Test
    void simulateSameRequestShouldGiveTheSameBytes() {
        String body = """
                {"activation": "tanh", "layers": 3, "width": 20, "batchSize": 8, "init": "xavier_normal", "seed": 7}""";

        MvcTestResult first = simulate(body);
        MvcTestResult second = simulate(body);

        assertThat(first).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(first.getResponse().getContentAsByteArray()).isNotEmpty()
                .isEqualTo(second.getResponse().getContentAsByteArray());
        assertThat(first).bodyJson().extractingPath("$.perLayer.length()").isEqualTo(3);
        assertThat(first).bodyJson().extractingPath("$.seed").isEqualTo(7);
        assertThat(first).bodyJson().extractingPath("$.init").isEqualTo("xavier_normal");
    }

    @Test
    void simulateWhenSeedOmittedShouldChooseOneAndEchoIt() throws Exception {
        MvcTestResult chosen = simulate("""
                {"activation": "relu", "layers": 2, "width": 10, "batchSize": 4, "init": "kaiming_normal"}""");
        assertThat(chosen).hasStatusOk();
        assertThat(chosen).bodyJson().extractingPath("$.init").isEqualTo("he_normal");
        String json = chosen.getResponse().getContentAsString();
        String seed = json.replaceAll(".*\"seed\":(\\d+).*", "$1");

        MvcTestResult replayed = simulate("{\"activation\": \"relu\", \"layers\": 2, \"width\": 10, \"batchSize\": 4,"
                + " \"init\": \"he_normal\", \"seed\": " + seed + "}");

        assertThat(replayed.getResponse().getContentAsString()).isEqualTo(json);
    }

    @Test
    void simulateWhenWorkBeyondBudgetShouldReturnContentTooLargeNamingLayers() {
        // 1000 · 10² · 64 = 6.4·10^6 multiply-adds beyond 10^6: refused before anything is allocated;
        // 1000 layers is the value raised furthest above its default (10).
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 1000, "width": 10, "batchSize": 64}"""),
                HttpStatus.CONTENT_TOO_LARGE, "layers");
    }

    @Test
    void simulateWhenWorkBeyondBudgetByWidthShouldNameWidth() {
        // 2 · 1000² · 1 = 2·10^6 multiply-adds; width 100 (its default) would make it 2·10^4.
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 2, "width": 1000, "batchSize": 1}"""),
                HttpStatus.CONTENT_TOO_LARGE, "width");
    }

    @Test
    void simulateWhenMemoryBeyondLimitShouldReturnContentTooLargeNamingWidth() {
        // Work 1 · 400² · 1 = 160,000 is within budget; 2 · 400² weights exceed 100,000 numbers.
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 1, "width": 400, "batchSize": 1}"""),
                HttpStatus.CONTENT_TOO_LARGE, "width");
    }

    @Test
    void simulateWhenMemoryBeyondLimitByBatchShouldNameBatchSize() {
        // Work 1 · 10² · 10,000 = 10^6 is within budget; the 10,000 × 10 batch buffers exceed 100,000 numbers.
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 1, "width": 10, "batchSize": 10000}"""),
                HttpStatus.CONTENT_TOO_LARGE, "batchSize");
    }

    @Test
    void simulateWhenSizeBelowOneShouldReturnBadRequest() {
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 2, "width": 0}"""), HttpStatus.BAD_REQUEST, "width");
        assertProblem(simulate("""
                {"activation": "sigmoid", "batchSize": -1}"""), HttpStatus.BAD_REQUEST, "batchSize");
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 0}"""), HttpStatus.BAD_REQUEST, "layers");
    }

    @Test
    void simulateWhenInitUnknownShouldReturnBadRequestListingValidInits() {
        MvcTestResult result = simulate("""
                {"activation": "sigmoid", "layers": 2, "width": 4, "batchSize": 2, "init": "orthogonal"}""");

        assertProblem(result, HttpStatus.BAD_REQUEST, "init");
        assertThat(result).bodyJson().extractingPath("$.validInits").asArray().contains("he_normal", "uniform");
    }

    @Test
    void simulateWhenWholeNumberOutOfRangeShouldReturnInvalidRequestNamingTheField() {
        for (String body : new String[] {
                "{\"activation\": \"relu\", \"layers\": 99999999999}",
                "{\"activation\": \"relu\", \"seed\": 1e20}",
                "{\"activation\": \"relu\", \"seed\": 100000000000000000000}"}) {
            MvcTestResult result = simulate(body);
            String field = body.contains("layers") ? "layers" : "seed";

            assertProblem(result, HttpStatus.BAD_REQUEST, field);
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:activation-lab:problem:invalid-request");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'" + field + "'")
                    .doesNotContain("java", "Integer", "Long", "`");
        }
    }

    @Test
    void simulateWhenInitIsLongShouldEchoItShortened() {
        MvcTestResult result = simulate("{\"activation\": \"sigmoid\", \"init\": \"" + "o".repeat(10_000) + "\"}");

        assertProblem(result, HttpStatus.BAD_REQUEST, "init");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains("o".repeat(64) + "…").doesNotContain("o".repeat(65));
    }

    @Test
    void simulateWhenInitStdNotPositiveShouldReturnBadRequest() {
        assertProblem(simulate("""
                {"activation": "sigmoid", "layers": 2, "width": 4, "batchSize": 2, "init": "normal", "initStd": 0}"""),
                HttpStatus.BAD_REQUEST, "initStd");
    }

    @Test
    void simulateWhenVectorValuedShouldReturnUnprocessable() {
        MvcTestResult result = simulate("""
                {"activation": "softmax", "layers": 2, "width": 4, "batchSize": 2}""");

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "activation");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("vector-valued");
    }

    @Test
    void simulateWhenActivationsOverflowShouldReturnUnprocessable() {
        // Linear layers with weights of std 10^6: |h| grows about 10^6.5 per layer and overflows by layer 50.
        assertProblem(simulate("""
                {"activation": "linear", "layers": 60, "width": 10, "batchSize": 2, "init": "normal", "initStd": 1e6, "seed": 3}"""),
                HttpStatus.UNPROCESSABLE_CONTENT, "perLayer[47]");
    }
}
