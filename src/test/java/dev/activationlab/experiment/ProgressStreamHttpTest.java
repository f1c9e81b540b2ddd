package dev.activationlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.http.ProgressStreams;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Progress streams and the experiment's picture over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressStreamHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRAIN = """
            {"dataset": {"name": "spiral", "samples": 400, "noise": 0.05}, "architecture": {"hidden": [16, 16],
             "activation": "tanh"}, "loss": "bce_with_logits", "optimizer": {"name": "adam", "learningRate": 0.01},
             "epochs": %d, "batchSize": 10, "shuffle": true, "seed": 5}""";
    private static final String RACE = """
            {"activations": ["sigmoid", "relu", {"name": "leaky_relu", "params": {"alpha": 0.1}}],
             "dataset": {"name": "xor", "samples": 60, "seed": 2}, "hidden": [6, 6], "loss": "bce_with_logits",
             "optimizer": {"name": "adam", "learningRate": 0.02}, "epochs": 20, "batchSize": 10, "shuffle": true,
             "seeds": [1, 2], "targetLoss": 0.2}""";

    @LocalServerPort
    private int port;

    @Autowired
    private ProgressStreams streams;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String accept, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", accept).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Server-Sent Events as (name, data) pairs, in order. */
    private static List<String[]> events(String stream) {
        List<String[]> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name != null) {
                events.add(new String[] {name, data.toString()});
            }
        }
        return events;
    }

    @Test
    void trainStreamShouldSendThrottledProgressThenTheResultThePlainRequestGets() throws Exception {
        String body = TRAIN.formatted(40);
        long start = System.nanoTime();
        HttpResponse<String> stream = post("/api/v1/networks/train", "text/event-stream", body);
        double seconds = (System.nanoTime() - start) / 1e9;
        HttpResponse<String> plain = post("/api/v1/networks/train", "application/json", body);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String[]> events = events(stream.body());
        assertThat(events).isNotEmpty();
        String[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("result");
        assertThat(JSON.readTree(last[1])).isEqualTo(JSON.readTree(plain.body()));
        List<String[]> progress = events.subList(0, events.size() - 1);
        assertThat(progress).allSatisfy(e -> assertThat(e[0]).isEqualTo("progress"));
        assertThat(progress.size()).isBetween(1, 2 + (int) Math.ceil(seconds * 10));
        JsonNode first = JSON.readTree(progress.get(0)[1]);
        assertThat(first.get("epoch").asInt()).isZero();
        assertThat(first.get("epochs").asInt()).isEqualTo(40);
    }

    @Test
    void trainingThatDivergesAfterItStartedShouldEndWithAProblemEvent() throws Exception {
        String body = """
                {"inputs": [[1e150], [2e150]], "targets": [[1e150], [-1e150]], "loss": "mse",
                 "layers": [{"weights": [[1]], "biases": [0]}], "epochs": 5,
                 "optimizer": {"name": "sgd", "learningRate": 10}}""";
        List<String[]> events = events(post("/api/v1/networks/train", "text/event-stream", body).body());

        String[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("problem");
        assertThat(JSON.readTree(last[1]).get("status").asInt()).isEqualTo(422);
    }

    @Test
    void anInvalidRequestShouldGetItsProblemNotAStream() throws Exception {
        HttpResponse<String> response = post("/api/v1/networks/train", "text/event-stream", "{\"loss\": \"hinge\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aClientThatGoesAwayShouldStopTheTraining() throws Exception {
        String body = TRAIN.formatted(5000).replace("\"samples\": 400", "\"samples\": 2000");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/networks/train HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("event:progress")) {
                // skip the head until the first progress event
            }
            assertThat(line).isEqualTo("event:progress");
            assertThat(streams.running()).isEqualTo(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.running()).as("streams still training after the client left").isZero();
    }

    @Test
    void experimentStreamShouldNameEachRunThenGiveTheResult() throws Exception {
        List<String[]> events = events(post("/api/v1/experiments/convergence", "text/event-stream", RACE).body());
        JsonNode plain = JSON.readTree(post("/api/v1/experiments/convergence", "application/json", RACE).body());

        JsonNode first = JSON.readTree(events.get(0)[1]);
        assertThat(first.get("runs").asInt()).isEqualTo(6);
        assertThat(first.get("activation").asString()).isEqualTo("sigmoid");
        assertThat(first.get("seed").asLong()).isEqualTo(1);
        assertThat(events.get(events.size() - 1)[0]).isEqualTo("result");
        assertThat(JSON.readTree(events.get(events.size() - 1)[1])).isEqualTo(plain);
        assertThat(plain.get("results")).hasSize(3);
        assertThat(plain.get("results").get(0).get("lossCurve")).hasSize(21);
        assertThat(plain.get("ranking")).hasSize(3);
    }

    @Test
    void experimentPlotShouldDrawOneLabelledLinePerActivation() throws Exception {
        HttpResponse<String> svg = post("/api/v1/experiments/convergence/plot?format=svg", "*/*", RACE);
        assertThat(svg.statusCode()).isEqualTo(200);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        String text = document.getDocumentElement().getTextContent();
        assertThat(text).contains("sigmoid", "relu", "leaky_relu {alpha=0.1}", "Median training loss");

        HttpResponse<byte[]> png = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/experiments/convergence/plot?width=400&height=300"))
                .header("Content-Type", "application/json").header("Accept", "image/png")
                .POST(HttpRequest.BodyPublishers.ofString(RACE)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
    }
}
