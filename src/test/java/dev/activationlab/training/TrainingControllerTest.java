package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Bad training and backward requests: each a problem naming the JSON path at fault. */
@ApiSliceTest(value = TrainingController.class, properties = {
        "activation-lab.limits.max-training-work=100000",
        "activation-lab.limits.max-jacobian-length=3",
        "activation-lab.limits.max-vector-length=2000"})
class TrainingControllerTest {

    private static final String INPUTS = "[[0, 0], [0, 1], [1, 0], [1, 1]]";
    private static final String TARGETS = "[[0], [1], [1], [0]]";
    private static final String DATA = "\"inputs\": " + INPUTS + ", \"targets\": " + TARGETS;
    private static final String LAYERS = "\"layers\": [{\"weights\": [[0.5, -0.4], [0.3, 0.8]], \"biases\": [0.1, -0.2], "
            + "\"activation\": \"tanh\"}, {\"weights\": [[1.0, -1.5]], \"biases\": [0.25]}]";

    @Autowired
    private MockMvcTester mvc;

    /**
     * A JSON object of {@code fields} and those of the {@code defaults} members whose name
     * {@code fields} does not set: the service refuses duplicate names, so a bad field cannot
     * simply follow its good default.
     */
    private static String body(String fields, String... defaults) {
        StringBuilder json = new StringBuilder("{").append(fields);
        for (String member : defaults) {
            String name = member.substring(0, member.indexOf(':') + 1);
            if (!fields.contains(name)) {
                json.append(", ").append(member);
            }
        }
        return json.append('}').toString();
    }

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri("/api/v1/networks/" + path).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private void assertProblem(MvcTestResult result, int status, String field) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "loss": "hinge"                                                           | 400 | loss
            "loss": "mse", "targets": [[0], [1], [1]]                                  | 400 | targets
            "loss": "mse", "targets": [[0], [1], [1], [0, 1]]                          | 400 | targets[3]
            "loss": "mse", "targets": [[0], [1], [1], [1e999]]                         | 400 | targets[3][0]
            "loss": "bce_with_logits", "targets": [[0], [1], [2], [0]]                 | 400 | targets[2][0]
            "loss": "cross_entropy"                                                    | 400 | loss
            "loss": "mse", "layers": [{"weights": [[1, 1]], "biases": [0], "activation": "nosuch"}] | 400 | layers[0].activation
            "loss": "mse", "layers": [{"weights": [[1, 1, 1]], "biases": [0]}]        | 400 | layers[0].weights[0]
            "loss": "mse", "layers": [{"weights": [[1, 1]], "biases": [0], "activation": "elu", "params": {"beta": 1}}] | 400 | layers[0].params.beta
            "loss": "mse", "layers": [{"weights": [[1, 1], [1, -1]], "biases": [0, 0], "activation": "glu"}] | 400 | layers[0].activation
            "loss": "mse", "layers": [{"weights": [[1, 1], [1, -1]], "biases": [0, 0], "activation": "swiglu"}] | 400 | layers[0].activation
            "loss": "mse", "layers": [{"weights": [[1, 1], [1, 1], [1, 1], [1, 1]], "biases": [0, 0, 0, 0], "activation": "softmax"}] | 413 | layers[0].weights
            "loss": "mse", "layers": [{"weights": [[1, 1], [1, 1], [1, 1], [1, 1]], "biases": [0, 0, 0, 0], "activation": "log_softmax"}] | 413 | layers[0].weights
            """)
    void backwardWithABadFieldShouldNameIt(String fields, int status, String field) {
        assertProblem(post("backward", body(fields, "\"inputs\": " + INPUTS, "\"targets\": " + TARGETS, LAYERS)),
                status, field);
    }

    @Test
    void crossEntropyTargetsThatDoNotSumToOneShouldNameTheRow() {
        String body = "{\"inputs\": [[0, 0], [1, 1]], \"targets\": [[0.5, 0.4], [0, 1]], \"loss\": \"cross_entropy\", "
                + "\"layers\": [{\"weights\": [[1, 1], [1, -1]], \"biases\": [0, 0]}]}";
        assertProblem(post("backward", body), 400, "targets[0]");
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "optimizer": {"name": "rmsprop"}                        | 400 | optimizer.name
            "optimizer": {"name": "sgd", "learningRate": -1}        | 400 | optimizer.learningRate
            "optimizer": {"name": "sgd", "nesterov": true}          | 400 | optimizer.nesterov
            "optimizer": {"name": "adam", "betas": [0.9, 1.0]}      | 400 | optimizer.betas[1]
            "optimizer": {"name": "adam", "betas": [0.9]}           | 400 | optimizer.betas
            "epochs": 0                                             | 400 | epochs
            "epochs": 10001                                         | 400 | epochs
            "batchSize": 5                                          | 400 | batchSize
            "batchSize": 0                                          | 400 | batchSize
            "architecture": {"hidden": [2]}                         | 400 | architecture
            "dataset": {"name": "xor"}                              | 400 | dataset
            "epochs": 2000                                          | 413 | epochs
            "targetLoss": 1e999                                     | 400 | targetLoss
            """)
    void trainWithABadFieldShouldNameIt(String fields, int status, String field) {
        assertProblem(post("train", body(fields, "\"inputs\": " + INPUTS, "\"targets\": " + TARGETS, LAYERS,
                "\"loss\": \"mse\"", "\"epochs\": 1")), status, field);
    }

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "dataset": {"name": "nosuch"}                           | 400 | dataset.name
            "dataset": {"name": "xor", "samples": 0}                | 400 | dataset.samples
            "dataset": {"name": "xor", "noise": 2}                  | 400 | dataset.noise
            "dataset": {"name": "xor", "testFraction": 1}           | 400 | dataset.testFraction
            "dataset": {"name": "and"}, "architecture": {"hidden": [0]} | 400 | architecture.hidden[0]
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "init": "nosuch"} | 400 | architecture.init
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "activation": "nosuch"} | 400 | architecture.activation
            "dataset": {"name": "and"}                              | 400 | layers
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "outputActivation": "swiglu"} | 400 | architecture.outputActivation
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "outputActivation": "nosuch"} | 400 | architecture.outputActivation
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "params": {"beta": 1}} | 400 | architecture.params.beta
            "dataset": {"name": "and"}, "architecture": {"hidden": [2], "activation": "geglu"} | 400 | architecture.activation
            """)
    void trainWithBadDataOrArchitectureShouldNameIt(String fields, int status, String field) {
        String body = "{\"loss\": \"bce_with_logits\", \"epochs\": 1, " + fields + "}";
        assertProblem(post("train", body), status, field);
    }

    @Test
    void backwardWhoseBiasGradientOverflowsShouldBeUnprocessable() {
        // Each row's δ of the first layer is 0.75e308; their sum over four rows is not a double,
        // while every weight gradient is 0 (the inputs are zero).
        String body = "{\"inputs\": [[0, 0], [0, 0], [0, 0], [0, 0]], \"targets\": [[0], [0], [0], [0]], "
                + "\"loss\": \"mse\", \"layers\": [{\"weights\": [[0, 0]], \"biases\": [0], \"activation\": \"tanh\"}, "
                + "{\"weights\": [[1.5e308]], \"biases\": [1]}]}";
        assertProblem(post("backward", body), 422, "layers[0].biasGradients[0]");
    }

    @Test
    void trainingASoftmaxLayerWiderThanTheJacobianLimitShouldBeTooLarge() {
        String body = "{\"loss\": \"cross_entropy\", \"epochs\": 1, \"inputs\": [[0, 1]], "
                + "\"targets\": [[0, 0, 0, 1]], \"architecture\": {\"hidden\": [2], \"outputActivation\": \"softmax\"}}";
        assertProblem(post("train", body), 413, "targets[0]");
    }

    @Test
    void trainingThatOverflowsShouldBeUnprocessable() {
        String body = "{\"inputs\": [[1e150], [2e150]], \"targets\": [[1e150], [-1e150]], \"loss\": \"mse\", "
                + "\"layers\": [{\"weights\": [[1]], \"biases\": [0]}], \"epochs\": 5, "
                + "\"optimizer\": {\"name\": \"sgd\", \"learningRate\": 10}}";
        MvcTestResult result = post("train", body);
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSameRequestShouldGiveTheSameBytes() throws Exception {
        String body = "{\"dataset\": {\"name\": \"moons\", \"samples\": 40, \"noise\": 0.1, \"seed\": 3}, "
                + "\"architecture\": {\"hidden\": [4], \"activation\": \"relu\"}, \"loss\": \"bce_with_logits\", "
                + "\"optimizer\": {\"name\": \"adam\", \"learningRate\": 0.05}, \"epochs\": 5, \"batchSize\": 8, "
                + "\"shuffle\": true, \"seed\": 11}";
        String first = post("train", body).getResponse().getContentAsString();
        String second = post("train", body).getResponse().getContentAsString();
        assertThat(first).contains("\"seed\":11").isEqualTo(second);
    }

    @Test
    void aPreluLayerShouldReportItsAlphaInTheHistoryAndTheTrainedLayers() {
        String body = "{" + DATA + ", \"loss\": \"bce_with_logits\", \"epochs\": 3, "
                + "\"optimizer\": {\"name\": \"sgd\", \"learningRate\": 0.5}, \"layers\": [{\"weights\": [[0.5, -0.4], "
                + "[-0.3, 0.8]], \"biases\": [0.1, -0.2], \"activation\": \"prelu\"}, {\"weights\": [[1.0, -1.5]], "
                + "\"biases\": [0.25]}]}";
        MvcTestResult result = post("train", body);
        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.history[0].layers[0].alpha").isEqualTo(0.25);
        assertThat(result).bodyJson().extractingPath("$.history[3].layers[0].alpha").asNumber()
                .isNotEqualTo(0.25);
        assertThat(result).bodyJson().extractingPath("$.layers[0].activation").isEqualTo("prelu");
        assertThat(result).bodyJson().doesNotHavePath("$.history[0].layers[1].alpha");
    }
}
