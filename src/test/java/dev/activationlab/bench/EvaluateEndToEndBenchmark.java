package dev.activationlab.bench;

import dev.activationlab.ActivationLabApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One 1,000,000-value {@code POST /api/v1/activations/sigmoid/evaluate}, end to end in process, set
 * against its floor, in milliseconds per request:
 * <ul>
 *   <li>{@code evaluate}: the request over HTTP/1.1 on the loopback interface to the application
 *       running in this process (Tomcat, servlet filters, DispatcherServlet, message converters,
 *       controller, checks, kernel), until the client has received the last byte of the response;</li>
 *   <li>{@code floor}: the same JSON read into a {@code double[]} and written back as the response
 *       document, with the application's own JSON mapper, and nothing else: no request could cost less.</li>
 * </ul>
 * The body is 1,000,000 numbers uniform in [−12, 12] printed as a Python client prints them (17
 * significant digits at most), about 19 MB; the ratio evaluate / floor is the overhead of the service.
 */
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class EvaluateEndToEndBenchmark {

    static final int N = 1_000_000;

    /** The body of the floor: only the vector. */
    public record Body(double[] x) {
    }

    /** The response document of the floor, shaped as evaluate's. */
    public record Values(String activation, Map<String, Double> params, double[] values) {
    }

    private ConfigurableApplicationContext context;
    private HttpClient client;
    private HttpRequest request;
    private JsonMapper mapper;
    private byte[] body;

    @Setup
    public void setUp() {
        context = new SpringApplicationBuilder(ActivationLabApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn")
                .run();
        mapper = context.getBean(JsonMapper.class);
        body = requestBody(N, 3);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/activations/sigmoid/evaluate"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        checkResponse();
    }

    /** The benchmark measures a real answer: 200 with 1,000,000 values, the first one right. */
    private void checkResponse() {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Values values = mapper.readValue(response.body(), Values.class);
            double x0 = mapper.readValue(body, Body.class).x()[0];
            if (response.statusCode() != 200 || values.values().length != N
                    || Math.abs(values.values()[0] - 1 / (1 + Math.exp(-x0))) > 1e-15) {
                throw new IllegalStateException("unexpected answer: HTTP " + response.statusCode());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    /** {"x":[...]} with n numbers uniform in [−12, 12], each printed as the shortest repr of a double. */
    static byte[] requestBody(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder(n * 20).append("{\"x\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(random.nextDouble(-12.0, 12.0));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int evaluate() throws Exception {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("evaluate answered HTTP " + response.statusCode());
        }
        return response.statusCode();
    }

    @Benchmark
    public byte[] floor() {
        double[] x = mapper.readValue(body, Body.class).x();
        return mapper.writeValueAsBytes(new Values("sigmoid", Map.of(), x));
    }
}
