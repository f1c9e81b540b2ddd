package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The OpenAPI examples of the training operations, with the service's default limits: every
 * example request runs, and the documented answers are what it answers (the backward example is
 * the network of the golden case backward/xor-tanh-mse, checked against PyTorch there).
 */
@ApiSliceTest(value = TrainingController.class)
class TrainingExamplesTest {

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri("/api/v1/networks/" + path).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BACKWARD", "XOR", "CIRCLE", "PRELU"})
    void everyDocumentedExampleShouldRunAndTheDocumentedAnswersShouldBeWhatItAnswers(String example) {
        MvcTestResult result = switch (example) {
            case "BACKWARD" -> post("backward", TrainingController.BACKWARD_EXAMPLE);
            case "XOR" -> post("train", TrainingController.TRAIN_XOR_EXAMPLE);
            case "CIRCLE" -> post("train", TrainingController.TRAIN_DATASET_EXAMPLE);
            default -> post("train", TrainingController.TRAIN_PRELU_EXAMPLE);
        };
        assertThat(result).hasStatus(200);
        if (example.equals("BACKWARD")) {
            assertThat(result).bodyJson().isStrictlyEqualTo(TrainingController.BACKWARD_RESPONSE);
        } else if (example.equals("PRELU")) {
            assertThat(result).bodyJson().isStrictlyEqualTo(TrainingController.TRAIN_PRELU_RESPONSE);
        }
    }

}
