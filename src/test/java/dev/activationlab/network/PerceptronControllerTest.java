package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiSliceTest(value = PerceptronController.class, properties = {
        "activation-lab.limits.max-perceptron-inputs=6",
        "activation-lab.limits.max-input-width=5",
        "activation-lab.limits.max-epochs=500",
        "activation-lab.limits.max-network-work=1300",
        "activation-lab.limits.max-vector-length=400"})
class PerceptronControllerTest {

    private static final String BINARY = "[[0, 0], [0, 1], [1, 0], [1, 1]]";

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri("/api/v1/perceptron" + path).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private void assertProblem(MvcTestResult result, int status, String field) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
    }

    private static String train(String targets, String more) {
        return "{\"inputs\": " + BINARY + ", \"targets\": " + targets + more + "}";
    }

    // --- run

    @Test
    void runShouldAnswerTheContractExample() {
        MvcTestResult result = post("/run", "{\"weights\": [0.5, 0.5], \"bias\": -0.7, \"inputs\": " + BINARY
                + ", \"activation\": \"step\", \"params\": {}}");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.activation").isEqualTo("step");
        assertThat(result).bodyJson().convertTo(PerceptronRunResponse.class).satisfies(response -> {
            assertThat(response.weightedSums())
                    .containsExactly(-0.7, -0.19999999999999996, -0.19999999999999996, 0.30000000000000004);
            assertThat(response.outputs()).containsExactly(0.0, 0.0, 0.0, 1.0);
        });
    }

    @Test
    void runWhenActivationOmittedShouldUseStep() {
        MvcTestResult result = post("/run", "{\"weights\": [0.5, 0.5], \"bias\": -0.2, \"inputs\": " + BINARY + "}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.activation").isEqualTo("step");
        assertThat(result).bodyJson().extractingPath("$.outputs").asArray().containsExactly(0.0, 1.0, 1.0, 1.0);
    }

    @Test
    void runWhenAliasAndParametersGivenShouldEchoTheCanonicalNameAndParameters() {
        MvcTestResult result = post("/run", "{\"weights\": [1, 2], \"bias\": 0.5, \"inputs\": [[1, 1], [-1, -1]], "
                + "\"activation\": \"Identity\", \"params\": {\"c\": 2}}");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.activation").isEqualTo("linear");
        assertThat(result).bodyJson().extractingPath("$.params.c").isEqualTo(2.0);
        assertThat(result).bodyJson().extractingPath("$.outputs").asArray().containsExactly(7.0, -5.0);
    }

    @Test
    void runWhenRowLengthDiffersFromWeightsShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1, 0], [1]]}"), 400,
                "inputs[1]");
    }

    @Test
    void runWhenRowsAreRaggedShouldNameTheFirstBadRow() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1, 0], [0, 1], [1, 1, 1]]}"),
                400, "inputs[2]");
    }

    @Test
    void runWhenRowIsNullShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1, 0], null]}"), 400,
                "inputs[1]");
    }

    @Test
    void runWhenWeightsMissingShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"bias\": 0, \"inputs\": [[1, 0]]}"), 400, "weights");
    }

    @Test
    void runWhenBiasMissingShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"inputs\": [[1, 0]]}"), 400, "bias");
    }

    @Test
    void runWhenInputsEmptyShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": []}"), 400, "inputs");
    }

    @Test
    void runWhenInputIsNotFiniteShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1, 0], [0, 1e999]]}"), 400,
                "inputs[1][1]");
    }

    @Test
    void runWhenBiasIsNotFiniteShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": -1e999, \"inputs\": [[1, 0]]}"), 400, "bias");
    }

    @Test
    void runWhenActivationUnknownShouldReturnBadRequestListingValidNames() {
        MvcTestResult result = post("/run", "{\"weights\": [1], \"bias\": 0, \"inputs\": [[1]], \"activation\": \"nope\"}");

        assertProblem(result, 400, "activation");
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("step", "sigmoid");
    }

    @Test
    void runWhenParameterUnknownShouldReturnBadRequest() {
        assertProblem(post("/run", "{\"weights\": [1], \"bias\": 0, \"inputs\": [[1]], \"activation\": \"relu\", "
                + "\"params\": {\"alpha\": 1}}"), 400, "params.alpha");
    }

    @Test
    void runWhenActivationIsVectorValuedShouldReturnUnprocessable() {
        assertProblem(post("/run", "{\"weights\": [1], \"bias\": 0, \"inputs\": [[1]], \"activation\": \"softmax\"}"),
                422, "activation");
    }

    @Test
    void runWhenWeightedSumOverflowsShouldReturnUnprocessable() {
        assertProblem(post("/run", "{\"weights\": [1e308, 1e308], \"bias\": 0, \"inputs\": [[0, 0], [1, 1]]}"), 422,
                "weightedSums[1]");
    }

    @Test
    void runWhenMoreRowsThanTheLimitShouldReturnContentTooLarge() {
        assertProblem(post("/run", "{\"weights\": [1], \"bias\": 0, \"inputs\": [[1], [1], [1], [1], [1], [1], [1]]}"),
                413, "inputs");
    }

    @Test
    void runWhenMoreWeightsThanTheLimitShouldReturnContentTooLarge() {
        assertProblem(post("/run", "{\"weights\": [1, 1, 1, 1, 1, 1], \"bias\": 0, \"inputs\": [[1, 1, 1, 1, 1, 1]]}"),
                413, "weights");
    }

    @Test
    void runAfterABadRequestShouldStillServe() {
        assertProblem(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1]]}"), 400, "inputs[0]");

        assertThat(post("/run", "{\"weights\": [0.5, 0.5], \"bias\": 0, \"inputs\": [[1, 1]]}")).hasStatusOk();
    }

    // --- gates

    @Test
    void gatesShouldComputeEachTruthTable() {
        MvcTestResult result = mvc.get().uri("/api/v1/perceptron/gates").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.gates[*].name").asArray()
                .containsExactly("AND", "NAND", "OR", "XOR");
        assertThat(result).bodyJson().extractingPath("$.gates[0].truthTable[*].output").asArray()
                .containsExactly(0.0, 0.0, 0.0, 1.0);
        assertThat(result).bodyJson().extractingPath("$.gates[1].truthTable[*].output").asArray()
                .containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(result).bodyJson().extractingPath("$.gates[2].truthTable[*].output").asArray()
                .containsExactly(0.0, 1.0, 1.0, 1.0);
        assertThat(result).bodyJson().extractingPath("$.gates[3].truthTable[*].output").asArray()
                .containsExactly(0.0, 1.0, 1.0, 0.0);
        assertThat(result).bodyJson().extractingPath("$.gates[3].truthTable[1].inputs").asArray()
                .containsExactly(0.0, 1.0);
    }

    @Test
    void gatesShouldGiveThePerceptronWeightsAndTheXorLayers() {
        MvcTestResult result = mvc.get().uri("/api/v1/perceptron/gates").exchange();

        assertThat(result).bodyJson().extractingPath("$.gates[0].kind").isEqualTo("perceptron");
        assertThat(result).bodyJson().extractingPath("$.gates[0].weights").asArray().containsExactly(0.5, 0.5);
        assertThat(result).bodyJson().extractingPath("$.gates[0].bias").isEqualTo(-0.7);
        assertThat(result).bodyJson().extractingPath("$.gates[1].bias").isEqualTo(0.7);
        assertThat(result).bodyJson().extractingPath("$.gates[2].bias").isEqualTo(-0.2);
        assertThat(result).bodyJson().extractingPath("$.gates[3].kind").isEqualTo("network");
        assertThat(result).bodyJson().extractingPath("$.gates[3].layers[0].biases").asArray()
                .containsExactly(0.7, -0.2);
        assertThat(result).bodyJson().extractingPath("$.gates[3].layers[1].activation").isEqualTo("step");
        assertThat(result).bodyJson().doesNotHavePath("$.gates[3].weights");
    }

    // --- train

    @Test
    void trainAndShouldConvergeInSixEpochs() {
        MvcTestResult result = post("/train", train("[0, 0, 0, 1]", ", \"learningRate\": 0.1, \"maxEpochs\": 100, "
                + "\"initialWeights\": [0, 0], \"initialBias\": 0, \"shuffle\": false, \"seed\": 42"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.converged").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.epochs").isEqualTo(6);
        assertThat(result).bodyJson().extractingPath("$.weights").asArray().containsExactly(0.2, 0.1);
        assertThat(result).bodyJson().extractingPath("$.bias").isEqualTo(-0.2);
        assertThat(result).bodyJson().extractingPath("$.history[*].misclassified").asArray()
                .containsExactly(1, 3, 3, 2, 1, 0);
        assertThat(result).bodyJson().extractingPath("$.history[0].epoch").isEqualTo(1);
        assertThat(result).bodyJson().doesNotHavePath("$.seed");
    }

    @Test
    void trainXorShouldNotConvergeAndSayTheDataMayNotBeLinearlySeparable() {
        MvcTestResult result = post("/train", train("[0, 1, 1, 0]", ", \"learningRate\": 0.1, \"maxEpochs\": 100"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.converged").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.epochs").isEqualTo(100);
        assertThat(result).bodyJson().extractingPath("$.history").asArray().hasSize(100);
        assertThat(result).bodyJson().extractingPath("$.message").asString().contains("linearly separable");
    }

    @Test
    void trainWithShuffleShouldEchoTheSeedAndRepeatForIt() {
        String body = train("[1, 1, 1, 0]", ", \"learningRate\": 0.5, \"maxEpochs\": 50, \"shuffle\": true, \"seed\": 7");

        MvcTestResult first = post("/train", body);
        MvcTestResult second = post("/train", body);

        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.seed").isEqualTo(7);
        assertThat(second.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
    }

    @Test
    void trainWithShuffleWithoutSeedShouldChooseAndEchoOne() {
        MvcTestResult result = post("/train", train("[1, 1, 1, 0]", ", \"maxEpochs\": 50, \"shuffle\": true"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.seed").isNotNull();
    }

    @Test
    void trainWhenTargetIsNotZeroOrOneShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0.5, 1]", "")), 400, "targets[2]");
    }

    @Test
    void trainWhenTargetIsMinusOneShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, -1, 0, 1]", "")), 400, "targets[1]");
    }

    @Test
    void trainWhenTargetCountDiffersShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 1]", "")), 400, "targets");
    }

    @Test
    void trainWhenTargetsMissingShouldReturnBadRequest() {
        assertProblem(post("/train", "{\"inputs\": " + BINARY + "}"), 400, "targets");
    }

    @Test
    void trainWhenInputsEmptyShouldReturnBadRequest() {
        assertProblem(post("/train", "{\"inputs\": [], \"targets\": []}"), 400, "inputs");
    }

    @Test
    void trainWhenInputsRaggedShouldReturnBadRequest() {
        assertProblem(post("/train", "{\"inputs\": [[0, 0], [1]], \"targets\": [0, 1]}"), 400, "inputs[1]");
    }

    @Test
    void trainWhenInputIsNotFiniteShouldReturnBadRequest() {
        assertProblem(post("/train", "{\"inputs\": [[0, 0], [1, 1e999]], \"targets\": [0, 1]}"), 400, "inputs[1][1]");
    }

    @Test
    void trainWhenLearningRateIsZeroShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"learningRate\": 0")), 400, "learningRate");
    }

    @Test
    void trainWhenLearningRateIsNegativeShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"learningRate\": -0.1")), 400, "learningRate");
    }

    @Test
    void trainWhenMaxEpochsBeyondTheLimitShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"maxEpochs\": 501")), 400, "maxEpochs");
    }

    @Test
    void trainWhenMaxEpochsIsZeroShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"maxEpochs\": 0")), 400, "maxEpochs");
    }

    @Test
    void trainWhenInitialWeightsLengthDiffersShouldReturnBadRequest() {
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"initialWeights\": [0, 0, 0]")), 400,
                "initialWeights");
    }

    @Test
    void trainWhenMoreSamplesThanTheLimitShouldReturnContentTooLarge() {
        assertProblem(post("/train", "{\"inputs\": [[0], [1], [0], [1], [0], [1], [0]], "
                + "\"targets\": [0, 1, 0, 1, 0, 1, 0]}"), 413, "inputs");
    }

    @Test
    void trainWhenWorkBeyondTheLimitShouldReturnContentTooLarge() {
        // 200 epochs · 4 samples · 3 = 2400 multiply-adds > 1300
        assertProblem(post("/train", train("[0, 0, 0, 1]", ", \"maxEpochs\": 200")), 413, "maxEpochs");
    }

    @Test
    void trainWhenHistoryBeyondTheLimitShouldReturnContentTooLarge() {
        // 150 epochs · (2 + 1) = 450 history numbers > 400
        assertProblem(post("/train", "{\"inputs\": [[1, 1]], \"targets\": [1], \"maxEpochs\": 150}"), 413,
                "maxEpochs");
    }

    @Test
    void trainWhenWeightsOverflowShouldReturnUnprocessable() {
        assertProblem(post("/train", "{\"inputs\": [[0, 0], [1, 1e308]], \"targets\": [1, 0], "
                + "\"learningRate\": 1e308, \"maxEpochs\": 10}"), 422, "history[0].weights[1]");
    }
}
