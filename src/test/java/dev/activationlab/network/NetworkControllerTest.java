package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiSliceTest(value = NetworkController.class, properties = {
        "activation-lab.limits.max-perceptron-inputs=6",
        "activation-lab.limits.max-input-width=5",
        "activation-lab.limits.max-network-layers=4",
        "activation-lab.limits.max-layer-width=8",
        "activation-lab.limits.max-network-work=1300",
        "activation-lab.limits.max-vector-length=400"})
class NetworkControllerTest {

    private static final String XOR_LAYERS = "[{\"weights\": [[-0.5, -0.5], [0.5, 0.5]], \"biases\": [0.7, -0.2], "
            + "\"activation\": \"step\"}, {\"weights\": [[0.5, 0.5]], \"biases\": [-0.7], \"activation\": \"step\"}]";

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri("/api/v1/networks" + path).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private void assertProblem(MvcTestResult result, int status, String field) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    }

    private static String layer(String weights, String biases) {
        return "{\"weights\": " + weights + ", \"biases\": " + biases + "}";
    }

    private static String wide(int rows, int columns) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < columns; c++) {
                sb.append(c == 0 ? "0.5" : ", 0.5");
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String zeros(int n) {
        return wide(1, n).replace("0.5", "0").replaceFirst("^\\[\\[", "[").replaceFirst("]]$", "]");
    }

    // --- forward

    @Test
    void forwardXorShouldGiveZeroOneOneZeroWithEveryLayer() {
        MvcTestResult result = post("/forward", "{\"inputs\": [[0, 0], [0, 1], [1, 0], [1, 1]], \"layers\": "
                + XOR_LAYERS + "}");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().convertTo(NetworkForwardResponse.class).satisfies(response -> {
            assertThat(response.outputs()).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
            assertThat(response.layers()).hasSize(2);
            assertThat(response.layers().get(0).weightedSums()).isDeepEqualTo(new double[][] {
                    {0.7, -0.2}, {0.19999999999999996, 0.3}, {0.19999999999999996, 0.3}, {-0.30000000000000004, 0.8}});
            assertThat(response.layers().get(0).outputs()).isDeepEqualTo(new double[][] {{1, 0}, {1, 1}, {1, 1}, {0, 1}});
            assertThat(response.layers().get(1).weightedSums()).isDeepEqualTo(new double[][] {
                    {-0.19999999999999996}, {0.30000000000000004}, {0.30000000000000004}, {-0.19999999999999996}});
        });
    }

    @Test
    void forwardWhenActivationOmittedShouldBeLinear() {
        MvcTestResult result = post("/forward", "{\"inputs\": [[1, 2]], \"layers\": ["
                + layer("[[1, -3]]", "[0.5]") + "]}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.layers[0].activation").isEqualTo("linear");
        assertThat(result).bodyJson().extractingPath("$.outputs[0][0]").isEqualTo(-4.5);
    }

    @Test
    void forwardShouldApplyEachLayersParameters() {
        MvcTestResult result = post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [{\"weights\": [[-1, -1]], "
                + "\"biases\": [0], \"activation\": \"leaky_relu\", \"params\": {\"alpha\": 0.5}}]}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.layers[0].params.alpha").isEqualTo(0.5);
        assertThat(result).bodyJson().extractingPath("$.outputs[0][0]").isEqualTo(-1.5);
    }

    @Test
    void forwardWhenFirstLayerDoesNotMatchTheInputsShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1.0, 2.0]], \"layers\": [{\"weights\": [[1.0, 2.0, 3.0]], "
                + "\"biases\": [0.0], \"activation\": \"relu\"}]}"), 400, "layers[0].weights[0]");
    }

    @Test
    void forwardWhenLayerShapesDoNotChainShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 2], [3, 4]]", "[0, 0]")
                + ", " + layer("[[1, 2], [1, 2, 3]]", "[0, 0]") + "]}"), 400, "layers[1].weights[1]");
    }

    @Test
    void forwardWhenWeightRowsAreRaggedShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 2], [3]]", "[0, 0]")
                + "]}"), 400, "layers[0].weights[1]");
    }

    @Test
    void forwardWhenInputsAreRaggedShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2], [3]], \"layers\": [" + layer("[[1, 2]]", "[0]")
                + "]}"), 400, "inputs[1]");
    }

    @Test
    void forwardWhenBiasCountDiffersFromNeuronsShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 2]]", "[0, 0]")
                + "]}"), 400, "layers[0].biases");
    }

    @Test
    void forwardWhenWeightsMissingShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [{\"biases\": [0]}]}"), 400,
                "layers[0].weights");
    }

    @Test
    void forwardWhenLayersEmptyShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": []}"), 400, "layers");
    }

    @Test
    void forwardWhenLayerIsNullShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 2]]", "[0]")
                + ", null]}"), 400, "layers[1]");
    }

    @Test
    void forwardWhenInputsEmptyShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [], \"layers\": [" + layer("[[1, 2]]", "[0]") + "]}"), 400,
                "inputs");
    }

    @Test
    void forwardWhenWeightIsNotFiniteShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 1e999]]", "[0]")
                + "]}"), 400, "layers[0].weights[0][1]");
    }

    @Test
    void forwardWhenActivationUnknownShouldReturnBadRequest() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [" + layer("[[1, 2]]", "[0]")
                + ", {\"weights\": [[1]], \"biases\": [0], \"activation\": \"nope\"}]}"), 400, "layers[1].activation");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // softmax([1, 2]) = [1, e]/(1 + e), softmin the same reversed, log_softmax = [1, 2] − ln(e + e²),
            // sparsemax([1, 2]) = [0, 1] (τ = 1); the second row, [0, 0], is uniform for the first three.
            "softmax,     0.2689414213699951,  0.7310585786300049,  0.5,                 0.5",
            "softmin,     0.7310585786300049,  0.2689414213699951,  0.5,                 0.5",
            "log_softmax, -1.3132616875182228, -0.31326168751822286, -0.6931471805599453, -0.6931471805599453",
            "sparsemax,   0.0,                 1.0,                 0.5,                 0.5"})
    void forwardWithAVectorValuedLayerShouldApplyItToEachRow(String name, double y00, double y01, double y10,
            double y11) {
        MvcTestResult result = post("/forward", "{\"inputs\": [[1, 2], [0, 0]], \"layers\": [{\"weights\": "
                + "[[1, 0], [0, 1]], \"biases\": [0, 0], \"activation\": \"" + name + "\"}]}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().convertTo(NetworkForwardResponse.class).satisfies(response -> {
            assertThat(response.outputs()[0]).containsExactly(new double[] {y00, y01}, within(1e-15));
            assertThat(response.outputs()[1]).containsExactly(new double[] {y10, y11}, within(1e-15));
            assertThat(response.layers().get(0).activation()).isEqualTo(name);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"glu", "reglu", "geglu", "swiglu"})
    void forwardWhenActivationHalvesTheLayerShouldReturnBadRequest(String name) {
        assertProblem(post("/forward", "{\"inputs\": [[1, 2]], \"layers\": [{\"weights\": [[1, 2], [3, 4]], "
                + "\"biases\": [0, 0], \"activation\": \"" + name + "\"}]}"), 400, "layers[0].activation");
    }

    @Test
    void forwardWhenValuesOverflowShouldReturnUnprocessable() {
        assertProblem(post("/forward", "{\"inputs\": [[1, 1]], \"layers\": [" + layer("[[1e300, 1e300]]", "[0]")
                + ", " + layer("[[1e300]]", "[0]") + "]}"), 422, "layers[1].weightedSums[0][0]");
    }

    @Test
    void forwardWhenMoreLayersThanTheLimitShouldReturnContentTooLarge() {
        String one = layer("[[1]]", "[0]");
        assertProblem(post("/forward", "{\"inputs\": [[1]], \"layers\": [" + String.join(", ", one, one, one, one, one)
                + "]}"), 413, "layers");
    }

    @Test
    void forwardWhenLayerWiderThanTheLimitShouldReturnContentTooLarge() {
        assertProblem(post("/forward", "{\"inputs\": [[1]], \"layers\": [" + layer(wide(9, 1), zeros(9)) + "]}"),
                413, "layers[0].weights");
    }

    @Test
    void forwardWhenInputsWiderThanTheLimitShouldReturnContentTooLarge() {
        assertProblem(post("/forward", "{\"inputs\": " + wide(1, 6) + ", \"layers\": [" + layer(wide(1, 6), "[0]")
                + "]}"), 413, "inputs[0]");
    }

    @Test
    void forwardWhenWorkBeyondTheLimitShouldReturnContentTooLarge() {
        // 6 rows · (8·5 + 3 · 8·8) = 1392 multiply-adds > 1300
        String hidden = layer(wide(8, 8), zeros(8));
        assertProblem(post("/forward", "{\"inputs\": " + wide(6, 5) + ", \"layers\": [" + layer(wide(8, 5), zeros(8))
                + ", " + hidden + ", " + hidden + ", " + hidden + "]}"), 413, "layers");
    }

    // --- collapse

    @Test
    void collapseOfThreeSlopesShouldGiveTheirCube() {
        String c = "{\"weights\": [[1.0]], \"biases\": [0.0], \"activation\": \"linear\", \"params\": {\"c\": 1.5}}";
        MvcTestResult result = post("/collapse", "{\"layers\": [" + c + ", " + c + ", " + c + "]}");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().convertTo(NetworkCollapseResponse.class).satisfies(response -> {
            assertThat(response.weights()).isDeepEqualTo(new double[][] {{3.375}});
            assertThat(response.biases()).containsExactly(0.0);
        });
    }

    @Test
    void collapseShouldAcceptIdentityAndOmittedActivationsAsLinear() {
        MvcTestResult result = post("/collapse", "{\"layers\": [{\"weights\": [[1, 2]], \"biases\": [0.5], "
                + "\"activation\": \"identity\"}, " + layer("[[3], [-1]]", "[0, 1]") + "]}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().convertTo(NetworkCollapseResponse.class).satisfies(response -> {
            assertThat(response.weights()).isDeepEqualTo(new double[][] {{3, 6}, {-1, -2}});
            assertThat(response.biases()).containsExactly(1.5, 0.5);
        });
    }

    @Test
    void collapseWhenALayerIsNotLinearShouldReturnUnprocessableNamingIt() {
        MvcTestResult result = post("/collapse", "{\"layers\": [{\"weights\": [[1.0, 2.0]], \"biases\": [0.5], "
                + "\"activation\": \"linear\", \"params\": {\"c\": 2.0}}, {\"weights\": [[3.0]], \"biases\": [0.0], "
                + "\"activation\": \"relu\"}, {\"weights\": [[1.0]], \"biases\": [1.0], \"activation\": \"tanh\"}]}");

        assertProblem(result, 422, "layers[1].activation");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isEqualTo("Layer 1 has the non-linear "
                + "activation 'relu': only a stack whose every layer is linear (or identity) collapses into one layer.");
        assertThat(result).bodyJson().extractingPath("$.layer").isEqualTo(1);
    }

    @Test
    void collapseWhenShapesDoNotChainShouldReturnBadRequest() {
        assertProblem(post("/collapse", "{\"layers\": [" + layer("[[1, 2]]", "[0]") + ", " + layer("[[1, 2]]", "[0]")
                + "]}"), 400, "layers[1].weights[0]");
    }

    @Test
    void collapseWhenBiasIsNotFiniteShouldReturnBadRequest() {
        assertProblem(post("/collapse", "{\"layers\": [" + layer("[[1, 2]]", "[1e999]") + "]}"), 400,
                "layers[0].biases[0]");
    }

    @Test
    void collapseWhenLayersMissingShouldReturnBadRequest() {
        assertProblem(post("/collapse", "{}"), 400, "layers");
    }

    @Test
    void collapseWhenProductOverflowsShouldReturnUnprocessable() {
        assertProblem(post("/collapse", "{\"layers\": [" + layer("[[1e300]]", "[0]") + ", " + layer("[[1e300]]", "[0]")
                + "]}"), 422, "weights[0][0]");
    }

    @Test
    void collapseWhenWorkBeyondTheLimitShouldReturnContentTooLarge() {
        // 8·5 + 3 · 8·9·6 = 1336 multiply-adds > 1300
        String hidden = layer(wide(8, 8), zeros(8));
        assertProblem(post("/collapse", "{\"layers\": [" + layer(wide(8, 5), zeros(8)) + ", " + hidden + ", " + hidden
                + ", " + hidden + "]}"), 413, "layers");
    }
}
