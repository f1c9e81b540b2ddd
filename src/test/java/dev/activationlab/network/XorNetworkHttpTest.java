package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The whole application over real HTTP: XOR needs two layers, and the service computes them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XorNetworkHttpTest {

    private static final String XOR = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]],
             "layers": [
               {"weights": [[-0.5, -0.5], [0.5, 0.5]], "biases": [0.7, -0.2], "activation": "step"},
               {"weights": [[0.5, 0.5]], "biases": [-0.7], "activation": "step"}]}""";

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardOfTheXorNetworkShouldReadZeroOneOneZero() throws Exception {
        HttpResponse<String> response = post("/api/v1/networks/forward", XOR);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        NetworkForwardResponse body = JsonMapper.builder().build().readValue(response.body(),
                NetworkForwardResponse.class);
        assertThat(body.outputs()).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
    }

    @Test
    void forwardWithLayersThatDoNotChainShouldAnswerAProblemAndKeepServing() throws Exception {
        HttpResponse<String> bad = post("/api/v1/networks/forward",
                XOR.replace("[[0.5, 0.5]], \"biases\": [-0.7]", "[[0.5, 0.5, 0.5]], \"biases\": [-0.7]"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = JsonMapper.builder().build().readValue(bad.body(), Map.class);
        assertThat(problem).containsEntry("field", "layers[1].weights[0]");

        HttpResponse<String> good = post("/api/v1/networks/forward", XOR);
        assertThat(good.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JsonMapper.builder().build().readValue(good.body(), Map.class);
        assertThat(body.get("outputs")).isEqualTo(List.of(List.of(0.0), List.of(1.0), List.of(1.0), List.of(0.0)));
    }
}
