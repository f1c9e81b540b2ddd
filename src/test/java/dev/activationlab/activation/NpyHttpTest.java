package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.activationlab.dtype.Dtype;
import dev.activationlab.dtype.NpyFormat;
import dev.activationlab.dtype.NpyFormatTest;
import dev.activationlab.dtype.RawFloats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A .npy file NumPy wrote, posted over real HTTP: the answer is a .npy of the same dtype holding
 * the JSON answer's numbers, and NumPy reads it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NpyHttpTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aNumpyFileShouldBeAnsweredAsNumpyWithTheJsonAnswersNumbers(@TempDir Path dir) throws Exception {
        // v3-f2-vector.npy: format 3.0, float16, the 8 numbers of NpyFormatTest.X
        HttpResponse<byte[]> npy = post("/api/v1/activations/gelu/derivative", "application/x-npy",
                NpyFormatTest.resource("v3-f2-vector.npy"));
        HttpResponse<byte[]> json = post("/api/v1/activations/gelu/derivative", "application/json",
                ("{\"x\": " + Arrays.toString(NpyFormatTest.X) + ", \"dtype\": \"float16\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(npy.statusCode()).isEqualTo(200);
        assertThat(npy.headers().firstValue("Content-Type")).hasValue("application/x-npy");
        assertThat(npy.headers().firstValue("X-Activation")).hasValue("gelu");
        assertThat(npy.headers().firstValue("X-Shape")).hasValue("8");
        JsonNode answer = JsonMapper.builder().build().readTree(json.body());
        double[] expected = new double[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = answer.get("derivatives").get(i).doubleValue();
        }
        NpyFormat.Header header = NpyFormat.readHeader(npy.body());
        assertThat(header.dtype()).isEqualTo(Dtype.FLOAT16);
        assertThat(RawFloats.read(npy.body(), header.dataOffset(), 8, Dtype.FLOAT16)).containsExactly(expected);

        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3 here");
        Path file = dir.resolve("answer.npy");
        Files.write(file, npy.body());
        Process python = new ProcessBuilder(PYTHON.toString(), "-c",
                "import sys, numpy; a = numpy.load(sys.argv[1]); print(a.dtype.str, a.shape, a.astype('<f8').tobytes().hex())",
                file.toString()).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(python.exitValue() == 0, "NumPy is not installed: " + out);
        byte[] asFloat64 = new byte[64];
        RawFloats.write(expected, Dtype.FLOAT64, asFloat64, 0);
        assertThat(out).isEqualTo("<f2 (8,) " + HexFormat.of().formatHex(asFloat64));
    }

    @Test
    void aBadNpyShouldBeAProblemAndTheServiceShouldKeepServing() throws Exception {
        HttpResponse<byte[]> bad = post("/api/v1/activations/relu/evaluate", "application/x-npy",
                NpyFormatTest.resource("fortran-f8.npy"));
        HttpResponse<byte[]> good = post("/api/v1/activations/relu/evaluate", "application/x-npy",
                NpyFormatTest.resource("v1-f8-vector.npy"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("Fortran order");
        assertThat(good.statusCode()).isEqualTo(200);
    }
}
