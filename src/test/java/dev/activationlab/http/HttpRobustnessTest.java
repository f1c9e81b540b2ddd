package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged service over real HTTP, through Tomcat: errors the container raises before any
 * controller runs, the body size and JSON token limits, the error page, and the actuator's exposure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"activation-lab.limits.max-body-size=8KB", "activation-lab.limits.max-json-tokens=1000"})
class HttpRobustnessTest {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String FAILING_FILTER_PATH = "/test/failing-filter";

    /** A filter that fails, as a bug would: its error reaches the container's error page. */
    @TestConfiguration
    static class FailingFilter {
        @Bean
        FilterRegistrationBean<jakarta.servlet.Filter> failingFilter() {
            FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
                    (request, response, chain) -> {
                        throw new IllegalStateException("internal detail that must not leak");
                    });
            registration.addUrlPatterns(FAILING_FILTER_PATH);
            return registration;
        }
    }

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private JsonMapper jsonMapper;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void evaluateShouldRoundTripOverHttp() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/leaky_relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [-2, 3], \"params\": {\"alpha\": 0.1}}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = jsonMapper.readTree(response.body());
        assertThat(body.get("activation").asString()).isEqualTo("leaky_relu");
        assertThat(body.get("values").get(0).asDouble()).isEqualTo(-0.2);
        assertThat(body.get("values").get(1).asDouble()).isEqualTo(3.0);
    }

    @Test
    void malformedEscapeInPathShouldAnswerProblemNotHtml() throws IOException {
        RawResponse response = raw("GET /api/v1/activations/%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        JsonNode problem = jsonMapper.readTree(response.body);
        assertThat(problem.get("type").asString()).isEqualTo("urn:activation-lab:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("%-escape");
        assertNoInternals(response.body);
    }

    static Stream<Arguments> requestsTheContainerRefuses() {
        String longHeader = "X-Padding: " + "a".repeat(20_000) + "\r\n";
        return Stream.of(
                Arguments.of("request line without method and version", "GARBAGE\r\n\r\n"),
                Arguments.of("control character in the method", "G\u0001T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("brace in the path", "GET /api/v1/activations/{x} HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("encoded NUL in the path", "GET /api/v1/activations/a%00b HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("encoded slash in the path", "GET /api/v1/activations/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("unknown HTTP version", "GET /api/v1/activations HTTP/9.9\r\nHost: x\r\n\r\n"),
                Arguments.of("HTTP/1.1 without Host", "GET /api/v1/activations HTTP/1.1\r\n\r\n"),
                Arguments.of("space in a header name", "GET /api/v1/activations HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n"),
                Arguments.of("headers too large", "GET /api/v1/activations HTTP/1.1\r\nHost: x\r\n" + longHeader + "\r\n"),
                Arguments.of("URL too long", "GET /api/v1/activations/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("Content-Length not a number", "POST /api/v1/activations/relu/evaluate HTTP/1.1\r\n"
                        + "Host: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n"),
                Arguments.of("CONNECT, which Tomcat does not implement", "CONNECT 127.0.0.1:80 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:80\r\n\r\n"),
                Arguments.of("a transfer coding Tomcat does not implement", "POST /api/v1/activations/relu/evaluate "
                        + "HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: br\r\n\r\n"),
                Arguments.of("broken chunked framing", "POST /api/v1/activations/relu/evaluate HTTP/1.1\r\n"
                        + "Host: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "ZZ\r\n{\"x\": [1]}\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTheContainerRefuses")
    void requestTheContainerRefusesShouldAnswerProblemNotHtml(String label, String request) throws IOException {
        RawResponse response = raw(request);

        assertThat(response.status).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.body).doesNotContainIgnoringCase("<html");
        JsonNode problem = jsonMapper.readTree(response.body);
        assertThat(problem.get("type").asString()).isEqualTo("urn:activation-lab:problem:invalid-request");
        assertNoInternals(response.body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Content-Length: 100\r\n\r\n{\"x\":[1,2]}",
            "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"x\":"})
    void bodyEndedByAHalfCloseShouldAnswerBadRequest(String framing) throws IOException {
        RawResponse response = raw("POST /api/v1/activations/sigmoid/evaluate HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\n" + framing, true);

        assertThat(response.status).isEqualTo(400);
        JsonNode problem = jsonMapper.readTree(response.body);
        assertThat(problem.get("type").asString()).isEqualTo("urn:activation-lab:problem:invalid-request");
        assertThat(problem.get("detail").asString()).contains("ended before");
    }

    @Test
    void malformedEscapeInQueryShouldNameTheParameter() throws IOException {
        RawResponse response = raw("GET /api/v1/activations/tanh/curve?points=5&from=%zz HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(jsonMapper.readTree(response.body).get("field").asString()).isEqualTo("from");
    }

    @Test
    void bodyBeyondLimitByContentLengthShouldAnswerContentTooLarge() throws Exception {
        String body = "{\"x\": [1]}" + " ".repeat(9000);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertProblem(response, 413, "too-large");
        assertThat(jsonMapper.readTree(response.body()).get("detail").asString()).contains("8192");
    }

    @Test
    void chunkedBodyBeyondLimitShouldAnswerContentTooLarge() throws Exception {
        byte[] body = ("{\"x\": [1]}" + " ".repeat(9000)).getBytes(StandardCharsets.UTF_8);

        // A body from a stream has no declared length: it is sent chunked and counted as it is read.
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "too-large");
    }

    @Test
    void chunkedBodyWithinLimitShouldBeRead() throws Exception {
        byte[] body = "{\"x\": [-1, 2]}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void bodyBeyondTokenLimitShouldAnswerContentTooLargeAndServiceShouldStillServe() throws Exception {
        // 1,500 numbers in 3,000 bytes: well within the body size limit, beyond 1,000 tokens.
        String numbers = "{\"x\": [" + "0,".repeat(1499) + "0]}";
        // 700 rows of one number each: 2,100 tokens.
        String rows = "{\"inputs\": [" + "[0],".repeat(699) + "[0]], \"weights\": [1], \"bias\": 0}";

        HttpResponse<String> vector = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(numbers)));
        HttpResponse<String> matrix = send(HttpRequest.newBuilder(uri("/api/v1/perceptron/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(rows)));

        assertProblem(vector, 413, "too-large");
        assertThat(jsonMapper.readTree(vector.body()).get("detail").asString()).contains("1000");
        assertNoInternals(vector.body());
        assertProblem(matrix, 413, "too-large");
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [" + "-1,".repeat(400) + "2]}")));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(jsonMapper.readTree(after.body()).get("values").size()).isEqualTo(401);
    }

    @Test
    void bodyInAnUnknownCharsetShouldAnswerUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json; charset=no-such-charset")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [1]}")));

        assertProblem(response, 415, "unsupported-media-type");
        assertNoInternals(response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br"})
    void compressedBodyShouldAnswerUnsupportedMediaType(String coding) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").header("Content-Encoding", coding)
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [1]}")));

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.headers().firstValue("Accept-Encoding")).hasValue("identity");
        assertThat(jsonMapper.readTree(response.body()).get("detail").asString()).contains(coding);
    }

    @Test
    void bodyMarkedIdentityEncodedShouldBeRead() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").header("Content-Encoding", "identity")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [1]}")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void errorPageItselfShouldAnswerNotFoundProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/error")).GET());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void errorInAFilterShouldAnswerProblemWithoutInternals() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(FAILING_FILTER_PATH))
                .header("Accept", "text/html").GET());

        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("internal detail", "IllegalState");
        assertThat(jsonMapper.readTree(response.body()).get("instance").asString()).isEqualTo(FAILING_FILTER_PATH);
    }

    @Test
    void unknownPathShouldAnswerNotFoundProblemEvenToBrowsers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/nosuch"))
                .header("Accept", "text/html").GET());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void methodRefusedByTheServletShouldAnswerProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void actuatorShouldNotBeOnTheApiPort() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/prometheus"}) {
            assertProblem(send(HttpRequest.newBuilder(uri(path)).GET()), 404, "not-found");
        }
    }

    @Test
    void actuatorShouldExposeOnlyHealthInfoAndPrometheus() throws Exception {
        HttpResponse<String> index = send(HttpRequest.newBuilder(managementUri("/actuator")).GET());

        assertThat(index.statusCode()).isEqualTo(200);
        Set<String> links = new TreeSet<>(jsonMapper.readTree(index.body()).get("_links").propertyNames());
        assertThat(links).containsExactly("health", "health-path", "info", "prometheus", "self");
        for (String hidden : new String[] {"env", "beans", "configprops", "heapdump", "threaddump", "metrics",
                "loggers", "mappings", "shutdown", "scheduledtasks"}) {
            assertThat(send(HttpRequest.newBuilder(managementUri("/actuator/" + hidden)).GET()).statusCode())
                    .as(hidden).isEqualTo(404);
        }
    }

    @Test
    void healthShouldHaveLivenessAndReadinessGroups() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(managementUri(path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(jsonMapper.readTree(response.body()).get("status").asString()).as(path).isEqualTo("UP");
        }
        assertThat(send(HttpRequest.newBuilder(managementUri("/actuator/health/nosuch")).GET()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void prometheusAndInfoShouldAnswer() throws Exception {
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(managementUri("/actuator/prometheus")).GET());
        HttpResponse<String> info = send(HttpRequest.newBuilder(managementUri("/actuator/info")).GET());

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes", "tomcat_global_request_seconds_count",
                "tomcat_threads_busy_threads", "activationlab_admission_computing", "activationlab_admission_waiting",
                "activationlab_admission_heavy_computing", "activationlab_admission_heavy_waiting",
                "activationlab_admission_memory_in_flight_bytes", "activationlab_admission_memory_budget_bytes",
                "activationlab_admission_memory_waiting");
        // Two request threads per processor: none of them ever waits for a client.
        assertThat(prometheus.body()).containsPattern("(?m)^activationlab_admission_threads "
                + 2 * Runtime.getRuntime().availableProcessors() + "\\.0$");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(jsonMapper.readTree(info.body()).get("app").get("name").asString()).isEqualTo("Activation Lab");
    }

    @Test
    void serviceShouldKeepServingAfterBadInput() throws Exception {
        raw("GARBAGE\r\n\r\n");
        raw("GET /api/v1/activations/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        try (Socket abandoned = new Socket("127.0.0.1", port)) {   // a body that never completes
            abandoned.getOutputStream().write(("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"x\": [")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        for (String body : new String[] {"{\"x\": [1, 2", "null", "{\"x\": [1e999]}", "{\"x\": [" + "9".repeat(2000) + "]}",
                "{\"x\": " + "[".repeat(3000) + "]".repeat(3000) + "}", "{\"x\": [1]}" + " ".repeat(20_000)}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
            assertNoInternals(response.body());
        }

        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\": [-1, 2]}")));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("{\"activation\":\"relu\",\"params\":{},\"dtype\":\"float64\",\"values\":[0.0,2.0]}");
    }

    // ---- helpers ----

    private URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
        JsonNode problem = jsonMapper.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:activation-lab:problem:" + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertNoInternals(response.body());
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "java.", "tools.jackson", "springframework", "\tat ",
                "Tomcat", "catalina", "`");
    }

    /** A response read off a socket: status, headers (lower-case names) and the decoded body. */
    record RawResponse(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** Sends bytes as they are, past any HTTP client's checks, and reads until the server closes. */
    private RawResponse raw(String request) throws IOException {
        return raw(request, false);
    }

    /** As {@link #raw(String)}, closing the sending side after the request when {@code halfClose}. */
    private RawResponse raw(String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // The server answered and kept (or reset) the connection: what arrived is the answer.
            }
            return parse(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static RawResponse parse(String text) {
        int headerEnd = text.indexOf("\r\n\r\n");
        assertThat(headerEnd).as("a complete HTTP response head in: %s", text).isPositive();
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(headerEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder decoded = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = decoded.toString();
        }
        return new RawResponse(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
