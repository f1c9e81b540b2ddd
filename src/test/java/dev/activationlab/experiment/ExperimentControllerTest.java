package dev.activationlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import dev.activationlab.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Bad experiments: each a problem naming the field at fault, before any run starts. */
@ApiSliceTest(value = ExperimentController.class, properties = {
        "activation-lab.limits.max-training-work=10000000"})
class ExperimentControllerTest {

    private static final String BASE = "\"dataset\": {\"name\": \"xor\", \"samples\": 40}, \"hidden\": [4], "
            + "\"loss\": \"bce_with_logits\", \"epochs\": 5";

    @Autowired
    private MockMvcTester mvc;

    @ParameterizedTest(name = "{0} → {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "activations": []                                                             | 400 | activations
            "activations": ["relu", "nosuch"]                                             | 400 | activations[1]
            "activations": [{"name": "leaky_relu", "params": {"beta": 1}}]                | 400 | activations[0].params.beta
            "activations": ["a","b","c","d","e","f","g","h","i","j","k","l","m"]            | 413 | activations
            "activations": ["relu"], "seeds": []                                          | 400 | seeds
            "activations": ["relu"], "seeds": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21] | 413 | seeds
            "activations": ["relu"], "epochs": 100000                                     | 400 | epochs
            "activations": ["relu"], "batchSize": 41                                      | 400 | batchSize
            "activations": ["relu"], "optimizer": {"name": "rmsprop"}                     | 400 | optimizer.name
            "activations": ["relu"], "hidden": [64, 64], "epochs": 5000                   | 413 | epochs
            "activations": ["relu"], "dataset": {"name": "nosuch"}                        | 400 | dataset.name
            "activations": ["relu", "glu"]                                                | 400 | activations[1]
            "activations": ["softmax", "relu"], "hidden": [1000], "epochs": 1             | 413 | epochs
            "activations": ["exponential"], "hidden": [8, 8, 8]                           | 422 | activations
            """)
    void experimentWithABadFieldShouldNameIt(String fields, int status, String field) {
        MvcTestResult result = mvc.post().uri("/api/v1/experiments/convergence").contentType(MediaType.APPLICATION_JSON)
                .content(JsonBodies.replacing("{" + BASE + "}", fields)).exchange();
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
    }
}
