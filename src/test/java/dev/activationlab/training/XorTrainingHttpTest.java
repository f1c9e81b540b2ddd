package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application over real HTTP: a 2-4-1 tanh network learns XOR. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XorTrainingHttpTest {

    @LocalServerPort
    private int port;

    @Test
    void trainingOnTheXorGateShouldReachAccuracyOne() throws Exception {
        String body = """
                {"dataset": {"name": "xor-gate"}, "architecture": {"hidden": [4], "activation": "tanh", "seed": 3},
                 "loss": "bce_with_logits", "optimizer": {"name": "adam", "learningRate": 0.1}, "epochs": 300,
                 "targetLoss": 0.01, "seed": 3}""";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/networks/train"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JsonMapper.builder().build().readTree(response.body());
        assertThat(answer.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(answer.get("converged").asBoolean()).isTrue();
        assertThat(answer.get("loss").asDouble()).isLessThanOrEqualTo(0.01);
        assertThat(answer.get("history").size()).isEqualTo(answer.get("epochs").asInt() + 1);
    }
}
