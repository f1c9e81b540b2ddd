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
 * Binary bodies over real HTTP: a .npy file NumPy wrote is answered as a .npy of the same dtype
 * holding the JSON answer's numbers, and NumPy reads it back; large raw and .npy bodies (read
 * without blocking, answered from the request's own buffer and written without blocking) carry
 * the JSON answer's numbers bit for bit.
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
    void aLargeRawBodyShouldBeAnsweredWithTheJsonAnswersBits() throws Exception {
        double[] x = uniform(200_000, 7);
        byte[] raw = new byte[8 * x.length];
        RawFloats.write(x, Dtype.FLOAT64, raw, 0);

        HttpResponse<byte[]> binary = post("/api/v1/activations/sigmoid/derivative", "application/octet-stream", raw);
        double[] expected = jsonNumbers("/api/v1/activations/sigmoid/derivative",
                "{\"x\": " + Arrays.toString(x) + "}", "derivatives");

        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.headers().firstValue("Content-Length")).hasValue(Integer.toString(raw.length));
        assertThat(binary.headers().firstValue("X-Shape")).hasValue("200000");
        assertThat(RawFloats.read(binary.body(), 0, x.length, Dtype.FLOAT64)).containsExactly(expected);
    }

    @Test
    void aLargeNpyBatchShouldBeAnsweredWithTheJsonAnswersBits() throws Exception {
        int rows = 300;
        int n = 500;
        double[] x = uniform(rows * n, 11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) x[i];
        }
        byte[] header = NpyFormat.header(Dtype.FLOAT32, new long[] {rows, n});
        byte[] npy = Arrays.copyOf(header, header.length + 4 * x.length);
        RawFloats.write(x, Dtype.FLOAT32, npy, header.length);
        StringBuilder batch = new StringBuilder("{\"dtype\": \"float32\", \"x\": [");
        for (int r = 0; r < rows; r++) {
            batch.append(r == 0 ? "" : ",").append(Arrays.toString(Arrays.copyOfRange(x, r * n, (r + 1) * n)));
        }

        HttpResponse<byte[]> binary = post("/api/v1/activations/tanh/evaluate", "application/x-npy", npy);
        double[] expected = jsonNumbers("/api/v1/activations/tanh/evaluate", batch.append("]}").toString(), "values");

        assertThat(binary.statusCode()).isEqualTo(200);
        NpyFormat.Header answer = NpyFormat.readHeader(binary.body());
        assertThat(answer.shape()).containsExactly(rows, n);
        assertThat(answer.dtype()).isEqualTo(Dtype.FLOAT32);
        assertThat(binary.body()).hasSize(npy.length);
        assertThat(RawFloats.read(binary.body(), answer.dataOffset(), x.length, Dtype.FLOAT32)).containsExactly(expected);
    }

    /** Numbers uniform in [-12, 12]. */
    private static double[] uniform(int n, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-12, 12);
        }
        return x;
    }

    /** The numbers of a JSON answer's field, row after row. */
    private double[] jsonNumbers(String path, String body, String field) throws Exception {
        HttpResponse<byte[]> json = post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode numbers = JsonMapper.builder().build().readTree(json.body()).get(field);
        java.util.List<Double> flat = new java.util.ArrayList<>();
        for (JsonNode element : numbers) {
            if (element.isArray()) {
                element.forEach(number -> flat.add(number.doubleValue()));
            } else {
                flat.add(element.doubleValue());
            }
        }
        return flat.stream().mapToDouble(Double::doubleValue).toArray();
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
