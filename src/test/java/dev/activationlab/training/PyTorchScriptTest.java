package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The script of /networks/train/script, run with Debian's python3-torch where it is installed
 * (skipped, and said so, where it is not): PyTorch must end where the service ends.
 */
@ApiSliceTest(value = TrainingController.class)
class PyTorchScriptTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {
        """
        {"dataset": {"name": "moons", "samples": 60, "noise": 0.1, "seed": 4}, "architecture": {"hidden": [6, 5],
         "activation": "prelu"}, "loss": "bce_with_logits", "optimizer": {"name": "sgd", "learningRate": 0.05,
         "momentum": 0.9, "nesterov": true, "weightDecay": 0.001}, "epochs": 15, "batchSize": 7, "shuffle": true,
         "seed": 12}""",
        """
        {"dataset": {"name": "spiral", "samples": 50, "seed": 2}, "architecture": {"hidden": [8], "activation":
         "leaky_relu", "params": {"alpha": 0.1}, "init": "he_uniform"}, "loss": "mse", "optimizer": {"name": "adam",
         "learningRate": 0.01, "weightDecay": 0.01}, "epochs": 20, "batchSize": 16, "shuffle": true, "seed": 3}""",
        """
        {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[1, 0], [0, 1], [0, 1], [1, 0]], "layers": [
         {"weights": [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]], "biases": [0.1, -0.2, 0.0], "activation": "gelu"},
         {"weights": [[1.0, -1.5, 0.5], [-0.5, 0.7, 0.2]], "biases": [0.25, 0.0]}], "loss": "cross_entropy",
         "optimizer": {"name": "sgd", "learningRate": 0.5}, "epochs": 40, "targetLoss": 0.3, "seed": 1}"""})
    void pyTorchShouldEndWhereTheServiceEnds(String body) throws Exception {
        assumeTrue(torchAvailable(), "skipped: /usr/bin/python3 with torch (Debian's python3-torch) is not installed");

        MvcTestResult script = mvc.post().uri("/api/v1/networks/train/script").contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(script).hasStatus(200).hasContentTypeCompatibleWith("text/x-python");
        Path file = folder.resolve("train.py");
        Files.writeString(file, script.getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode pytorch = JSON.readTree(run(PYTHON, file.toString()));
        JsonNode service = JSON.readTree(mvc.post().uri("/api/v1/networks/train").contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange().getResponse().getContentAsString());

        assertThat(pytorch.get("epochs").asInt()).isEqualTo(service.get("epochs").asInt());
        assertThat(pytorch.get("loss").asDouble()).isCloseTo(service.get("loss").asDouble(),
                within(1e-8 * Math.abs(service.get("loss").asDouble()) + 1e-12));
        for (int k = 0; k < service.get("layers").size(); k++) {
            JsonNode expected = service.get("layers").get(k);
            JsonNode actual = pytorch.get("layers").get(k);
            for (int j = 0; j < expected.get("weights").size(); j++) {
                for (int i = 0; i < expected.get("weights").get(j).size(); i++) {
                    double e = expected.get("weights").get(j).get(i).asDouble();
                    assertThat(actual.get("weights").get(j).get(i).asDouble()).as("layer %d weight %d,%d", k, j, i)
                            .isCloseTo(e, within(1e-8 * Math.abs(e) + 1e-10));
                }
            }
            if (expected.get("activation").asString().equals("prelu")) {
                assertThat(actual.get("alpha").asDouble()).isCloseTo(expected.get("params").get("alpha").asDouble(),
                        within(1e-8));
            }
        }
    }

    private static boolean torchAvailable() {
        try {
            return Files.isExecutable(Path.of(PYTHON)) && run(PYTHON, "-c", "import torch").isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
        }
        return out.trim();
    }
}
