package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slow, stalled and greedy clients over real HTTP: they get 408 or a closed connection, or 503
 * with Retry-After, while ordinary requests and the probes on the management port keep answering.
 * Time limits are shortened (2 s connection timeout, 1 s grace) so that the test runs in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.connection-timeout=2s",
        "activation-lab.admission.compute-concurrency=1",
        "activation-lab.admission.max-compute-wait=300ms",
        "activation-lab.admission.body-rate-grace=1s",
        "activation-lab.admission.in-flight-memory-percent=1"})
@Import(HostileClientsHttpTest.SlowController.class)
class HostileClientsHttpTest {

    private static final String SMALL_BODY = "{\"x\": [-2, -0.5, 0, 0.5, 2]}";

    /** A request that computes for as long as it is asked to: it holds the one request thread. */
    @RestController
    static class SlowController {

        @GetMapping("/api/v1/test-only/busy")
        String busy(@RequestParam long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "{}";
        }
    }

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private AdmissionFilter admission;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stalledConnectionsShouldHoldNeitherOrdinaryRequestsNorProbes() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                stalled.add(open("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"x\":"));
            }
            for (int i = 0; i < 30; i++) {
                stalled.add(open("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\nContent-Ty"));
            }

            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = evaluate(SMALL_BODY);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                long start = System.nanoTime();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + probe)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).contains("\"UP\"");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int closed = 0;
            for (Socket socket : stalled) {
                if (closedByServerBefore(socket, deadline)) {
                    closed++;
                }
            }
            assertThat(closed).as("stalled connections closed by the service within 10 s")
                    .isGreaterThanOrEqualTo(stalled.size() * 9 / 10);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void bodySlowerThanTheMinimumRateShouldBeAnswered408() throws Exception {
        try (Socket socket = open("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n")) {
            OutputStream out = socket.getOutputStream();
            String answer = null;
            // 10 bytes every 0.3 s: 33 bytes a second, far below 1 KB/s, and never silent for the
            // 2 s connection timeout; the minimum rate applies once the 1 s grace has passed.
            for (int i = 0; i < 20 && answer == null; i++) {
                try {
                    out.write("          ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheService) {
                    break;
                }
                Thread.sleep(300);
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
            answer = readAll(socket);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("urn:activation-lab:problem:request-timeout", "slower than");
        }
    }

    @Test
    void clientThatDoesNotReadItsLongAnswerShouldHoldNoRequestThread() throws Exception {
        StringBuilder body = new StringBuilder("{\"x\": [0.1234567");
        while (body.length() < 3_000_000) {
            body.append(",0.1234567");
        }
        byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
        try (Socket greedy = new Socket()) {
            // A small receive window: the answer (about 6 MB) cannot all wait in socket buffers.
            greedy.setReceiveBufferSize(4096);
            greedy.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            OutputStream out = greedy.getOutputStream();
            out.write(("POST /api/v1/activations/sigmoid/evaluate HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            Thread.sleep(1000);   // computed, and its answer stuck in the socket: the client reads nothing

            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = evaluate(SMALL_BODY);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void busyComputeSlotsShouldAnswer503WithRetryAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> busy = client.sendAsync(HttpRequest.newBuilder(
                uri("/api/v1/test-only/busy?millis=2000")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);   // the busy request holds the one request thread; the next waits too long

        HttpResponse<String> refused = evaluate(SMALL_BODY);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("urn:activation-lab:problem:service-busy");
        assertThat(busy.get().statusCode()).isEqualTo(200);
        assertThat(evaluate(SMALL_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void exhaustedMemoryBudgetShouldAnswer503WithRetryAfter() throws Exception {
        StringBuilder large = new StringBuilder("{\"x\": [0");
        while (large.length() < 100_000) {
            large.append(",0");
        }
        String largeBody = large.append("]}").toString();
        // A body announced at 60 MB, which reserves four times that of the budget (1 % of the heap),
        // then stalls.
        try (Socket greedy = open("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n{\"x\": [0")) {
            Thread.sleep(300);

            HttpResponse<String> refused = evaluate(largeBody);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("memory budget");
        }
        // The stalled body's reservation goes when the service drops it (connection timeout, 2 s).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            Thread.sleep(200);
            status = evaluate(largeBody).statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void largeRequestWaitingForMemoryShouldComputeOnceTheMemoryIsGivenBack() throws Exception {
        StringBuilder large = new StringBuilder("{\"x\": [0");
        while (large.length() < 100_000) {
            large.append(",1");
        }
        String largeBody = large.append("]}").toString();
        CompletableFuture<HttpResponse<String>> waiting;
        try (Socket greedy = open("POST /api/v1/activations/relu/evaluate HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n{\"x\": [0")) {
            awaitMemoryInFlight();
            waiting = client.sendAsync(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(largeBody))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (admission.admission().memoryWaiting() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(admission.admission().memoryWaiting()).as("the large request waits for memory").isEqualTo(1);
        }
        // The greedy client went away: its reservation is given back, to the request waiting.

        HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).startsWith("{\"activation\":\"relu\"");
        assertThat(admission.admission().memoryWaiting()).isZero();
    }

    private void awaitMemoryInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (admission.admission().memoryInFlight() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(admission.admission().memoryInFlight()).isPositive();
    }

    @Test
    void activationNameWithControlCharacterOrSpacesInBodyShouldBe400ListingValidNames() throws Exception {
        for (String name : new String[] {"step\\u0000", " step", "step ", "step\\t"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/v1/perceptron/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"weights\": [0.5, 0.5], \"bias\": -0.7, "
                            + "\"inputs\": [[0, 0], [1, 1]], \"activation\": \"" + name + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).as(name).contains("invalid-activation", "validNames", "\"leaky_relu\"");
        }
    }

    private HttpResponse<String> evaluate(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Socket open(String head) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** True if the server closed {@code socket} (end of stream or reset) before {@code deadline}. */
    private static boolean closedByServerBefore(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException endOfAnswer) {
            // A timeout or a reset after the answer: what came is the answer.
        }
        return text.toString();
    }
}
