package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heavy requests over real HTTP: one computes at a time (heavy-concurrency 1 of 2 request
 * threads), the next waits for its turn without a thread, so a small request is answered at once,
 * and a heavy request whose turn does not come within the maximum wait is answered 503. A body
 * over heavy-body (256 KB here) makes a request heavy; a large body below it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "activation-lab.admission.compute-concurrency=2",
        "activation-lab.admission.heavy-concurrency=1",
        "activation-lab.admission.max-compute-wait=1500ms",
        "activation-lab.admission.heavy-body=256KB",
        "activation-lab.admission.heavy-paths=/api/v1/test-only/heavy"})
@Import(HeavyLaneHttpTest.HeavyController.class)
class HeavyLaneHttpTest {

    /** A heavy request that computes for as long as it is asked to. */
    @RestController
    static class HeavyController {

        @GetMapping("/api/v1/test-only/heavy")
        String heavy(@RequestParam long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "{}";
        }
    }

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void heavyRequestWaitingForItsTurnShouldHoldNoRequestThread() throws Exception {
        CompletableFuture<HttpResponse<String>> first = heavy(1000);
        Thread.sleep(200);
        CompletableFuture<HttpResponse<String>> second = heavy(100);
        Thread.sleep(200);   // the first computes on one thread; the second waits for its turn

        long start = System.nanoTime();
        HttpResponse<String> small = client.send(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": [-1, 0, 1]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
    }

    @Test
    void heavyRequestWhoseTurnDoesNotComeShouldAnswer503WithRetryAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> first = heavy(3000);
        Thread.sleep(200);

        HttpResponse<String> refused = heavy(10).get();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("urn:activation-lab:problem:service-busy", "heavy");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(heavy(10).get().statusCode()).isEqualTo(200);
    }

    @Test
    void heavyRequestThatAlsoAcceptsAnEventStreamShouldStillWaitForItsTurn() throws Exception {
        CompletableFuture<HttpResponse<String>> first = heavy(3000);
        Thread.sleep(200);

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri("/api/v1/test-only/heavy?millis=10"))
                .header("Accept", "text/event-stream, application/json").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as("an Accept that lists event streams is no way around the heavy lane")
                .isEqualTo(503);
        assertThat(first.get().statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverHeavyBodyShouldWaitForTheHeavyTurnAndOneBelowItShouldNot() throws Exception {
        CompletableFuture<HttpResponse<String>> first = heavy(1000);
        Thread.sleep(200);   // the first holds the one heavy turn for a second

        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> over = evaluate(300_000);
        HttpResponse<String> below = evaluate(100_000).get();
        Duration belowTook = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> overAnswer = over.get();
        Duration overTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(below.statusCode()).isEqualTo(200);
        assertThat(belowTook).as("100 KB: not heavy, answered while the turn is taken").isLessThan(Duration.ofMillis(600));
        assertThat(overAnswer.statusCode()).isEqualTo(200);
        assertThat(overTook).as("300 KB: heavy, answered once the turn is free").isGreaterThan(Duration.ofMillis(700));
        assertThat(first.get().statusCode()).isEqualTo(200);
    }

    /** A relu evaluate whose JSON body is about {@code bytes} long. */
    private CompletableFuture<HttpResponse<String>> evaluate(int bytes) {
        StringBuilder body = new StringBuilder("{\"x\": [0");
        while (body.length() < bytes) {
            body.append(",0.5");
        }
        return client.sendAsync(HttpRequest.newBuilder(uri("/api/v1/activations/relu/evaluate"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> heavy(long millis) {
        return client.sendAsync(HttpRequest.newBuilder(uri("/api/v1/test-only/heavy?millis=" + millis))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
