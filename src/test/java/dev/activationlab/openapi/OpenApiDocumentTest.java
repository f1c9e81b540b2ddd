package dev.activationlab.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as the running service serves it: complete, typed, and with examples
 * that are what the service really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "activation-lab.limits.max-body-size=8KB")
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** JSON, and the pictures and the playground page. */
    private static final List<String> SUCCESS_MEDIA_TYPES =
            List.of("application/json", "image/svg+xml", "image/png", "text/html", "text/event-stream",
                    "text/x-python", "application/octet-stream", "application/x-npy");

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper jsonMapper;

    @Autowired
    private ActivationRegistry registry;

    @Autowired
    private BuildProperties buildProperties;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void documentShouldNeverTypeAnythingAsAnyMediaType() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("*/*");
    }

    @Test
    void infoShouldHaveTitleVersionAndDescription() throws Exception {
        JsonNode info = apiDocs().get("info");

        assertThat(info.get("title").asString()).isEqualTo("Activation Lab API");
        assertThat(info.get("version").asString()).isNotBlank();
        assertThat(info.get("description").asString()).contains("application/problem+json");
    }

    @Test
    void everyOperationShouldHaveAReadableUniqueIdAndNeedNoCredentials() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation(apiDocs(), (where, operation) -> {
            String id = operation.path("operationId").asString("");
            // springdoc's own ids are the method name, with _1, _2 ... where two methods share it.
            if (!id.matches("[a-z][A-Za-z0-9]*") || !ids.add(id)) {
                wrong.add(where + ": operationId '" + id + "'");
            }
            if (!operation.path("security").isArray() || !operation.path("security").isEmpty()) {
                wrong.add(where + ": security is not []");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void infoShouldCarryTheProjectsVersionContactAndLicence() throws Exception {
        JsonNode info = apiDocs().get("info");

        assertThat(info.get("version").asString()).isEqualTo(buildProperties.getVersion()).isNotEqualTo("1");
        assertThat(info.path("contact").path("name").asString()).isNotBlank();
        assertThat(info.path("license").path("identifier").asString()).isNotBlank();
    }

    @Test
    void everyOperationShouldHaveSummaryDescriptionAndExamples() throws Exception {
        List<String> missing = new ArrayList<>();
        forEachOperation(apiDocs(), (where, operation) -> {
            for (String member : new String[] {"summary", "description"}) {
                if (!operation.hasNonNull(member) || operation.get(member).asString().isBlank()) {
                    missing.add(where + ": " + member);
                }
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.has("example") && !parameter.path("schema").has("default")) {
                    missing.add(where + ": example of parameter " + parameter.get("name").asString());
                }
            }
            if (operation.has("requestBody") && firstExample(operation.get("requestBody").get("content")
                    .path("application/json")) == null) {
                missing.add(where + ": example request body");
            }
            JsonNode ok = operation.get("responses").get("200");
            if (ok == null || ok.path("content").isEmpty()) {
                missing.add(where + ": 200 response with content");
            } else if (ok.get("content").has("application/json")
                    && firstExample(ok.get("content").get("application/json")) == null) {
                missing.add(where + ": example response");
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void errorResponsesShouldBeProblemDocuments() throws Exception {
        JsonNode docs = apiDocs();
        List<String> wrong = new ArrayList<>();
        forEachOperation(docs, (where, operation) -> {
            if (!operation.get("responses").has("400")) {
                wrong.add(where + ": no 400");
            }
            operation.get("responses").properties().forEach(response -> {
                String code = response.getKey();
                for (String mediaType : response.getValue().path("content").propertyNames()) {
                    boolean error = code.startsWith("4") || code.startsWith("5");
                    if (error && !mediaType.equals("application/problem+json")
                            || !error && !SUCCESS_MEDIA_TYPES.contains(mediaType)) {
                        wrong.add(where + " " + code + ": " + mediaType);
                    }
                }
            });
        });

        assertThat(wrong).isEmpty();
        JsonNode problem = docs.get("components").get("schemas").get("ProblemDetail");
        assertThat(problem.get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "field", "validNames");
    }

    @Test
    void activationOperationsShouldDocumentTheirErrors() throws Exception {
        JsonNode paths = apiDocs().get("paths");

        assertThat(paths.get("/api/v1/activations/{name}/evaluate").get("post").get("responses").propertyNames())
                .contains("200", "400", "404", "413", "422");
        assertThat(paths.get("/api/v1/activations/{name}/derivative").get("post").get("responses").propertyNames())
                .contains("200", "400", "404", "413", "422");
        assertThat(paths.get("/api/v1/activations/{name}/curve").get("get").get("responses").propertyNames())
                .contains("200", "400", "404", "422");
        JsonNode notFound = paths.get("/api/v1/activations/{name}").get("get").get("responses").get("404")
                .get("content").get("application/problem+json").get("example");
        assertThat(notFound.get("validNames").size()).isEqualTo(registry.names().size());
    }

    @Test
    void evaluateAndDerivativeShouldDocumentBatchesAndBinaryBodies() throws Exception {
        JsonNode docs = apiDocs();
        for (String op : new String[] {"evaluate", "derivative"}) {
            JsonNode operation = docs.get("paths").get("/api/v1/activations/{name}/" + op).get("post");
            assertThat(operation.get("requestBody").get("content").propertyNames())
                    .containsExactlyInAnyOrder("application/json", "application/octet-stream", "application/x-npy");
            assertThat(operation.get("responses").get("200").get("content").propertyNames())
                    .containsExactlyInAnyOrder("application/json", "application/octet-stream", "application/x-npy");
            assertThat(operation.get("responses").get("200").get("headers").propertyNames())
                    .contains("X-Activation", "X-Activation-Params", "X-Shape");
            assertThat(operation.get("parameters").findValuesAsString("name")).contains("dtype");
            assertThat(operation.get("description").asString()).contains("Batches", "application/x-npy", "Accept");
        }
        JsonNode x = docs.get("components").get("schemas").get("PreActivations");
        assertThat(x.get("oneOf")).hasSize(2);
        assertThat(x.get("oneOf").get(1).get("items").get("type").asString()).isEqualTo("array");
    }

    @Test
    void nameParameterShouldListEveryNameAndAlias() throws Exception {
        TreeSet<String> expected = new TreeSet<>();
        for (Activation activation : registry.all()) {
            expected.add(activation.name());
            expected.addAll(activation.descriptor().aliases());
        }
        List<String> checked = new ArrayList<>();
        forEachOperation(apiDocs(), (where, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if ("name".equals(parameter.get("name").asString()) && "path".equals(parameter.get("in").asString())
                        && where.contains("/api/v1/activations/")) {
                    TreeSet<String> documented = new TreeSet<>();
                    parameter.get("schema").get("enum").forEach(n -> documented.add(n.asString()));
                    assertThat(documented).as(where).isEqualTo(expected);
                    assertThat(parameter.get("description").asString()).as(where).contains(registry.names());
                    checked.add(where);
                }
            }
        });

        assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
    }

    /** The catalogue entry of leaky_relu, as API.md and the README describe it. */
    private static final String LEAKY_RELU_ENTRY = """
            {"name": "leaky_relu", "aliases": [], "displayName": "Leaky ReLU",
             "formula": "x if x > 0, else alpha·x",
             "derivativeFormula": "1 if x > 0, else alpha (alpha at x = 0)",
             "parameters": [{"name": "alpha", "defaultValue": 0.01, "minimum": null, "maximum": null,
                             "exclusiveMinimum": false, "exclusiveMaximum": false,
                             "description": "Slope for x ≤ 0 (PyTorch's negative_slope)."}],
             "outputRange": "(−∞, ∞)", "vectorValued": false,
             "properties": {"monotonic": true, "zeroCentered": true, "smooth": false, "saturates": "none"},
             "reference": "torch.nn.LeakyReLU; Maas, Hannun & Ng (2013), Rectifier nonlinearities improve neural network acoustic models"}""";

    /** The catalogue entry of sigmoid. */
    private static final String SIGMOID_ENTRY = """
            {"name": "sigmoid", "aliases": ["logistic"], "displayName": "Sigmoid (logistic)",
             "formula": "σ(x) = 1 / (1 + e^(−x))",
             "derivativeFormula": "σ(x)(1 − σ(x)), at most 0.25 (at x = 0)",
             "parameters": [], "outputRange": "(0, 1)", "vectorValued": false,
             "properties": {"monotonic": true, "zeroCentered": false, "smooth": true, "saturates": "both"},
             "reference": "torch.nn.Sigmoid; Rumelhart, Hinton & Williams (1986), Learning representations by back-propagating errors"}""";

    /**
     * Swagger UI's "Try it out" sends the documented examples; each must succeed and answer
     * exactly the documented example response (the catalogue list: its one documented entry).
     */
    @Test
    void documentedExamplesShouldBeWhatTheServiceAnswers() throws Exception {
        List<String> tried = new ArrayList<>();
        JsonNode paths = apiDocs().get("paths");
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/v1/activations")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = paths.get(path).get(method);
                if (operation == null || !operation.get("responses").path("200").path("content")
                        .has("application/json")) {
                    continue;
                }
                HttpResponse<String> response = tryOut(path, method, operation);
                String where = method.toUpperCase() + " " + path;
                assertThat(response.statusCode()).as(where).isEqualTo(200);
                JsonNode documented = firstExample(operation.get("responses").get("200").get("content")
                        .get("application/json"));
                JsonNode actual = jsonMapper.readTree(response.body());
                if (actual.has("activations")) {
                    // The catalogue examples are drawn from the live catalogue, so comparing them with
                    // the service alone would compare it with itself: both must equal the entry written
                    // out here.
                    JsonNode expected = jsonMapper.readTree(LEAKY_RELU_ENTRY);
                    assertThat(documented.get("activations")).as(where).hasSize(1);
                    assertThat(documented.get("activations").get(0)).as(where).isEqualTo(expected);
                    JsonNode real = null;
                    for (JsonNode candidate : actual.get("activations")) {
                        if (candidate.get("name").asString().equals("leaky_relu")) {
                            real = candidate;
                        }
                    }
                    assertThat(real).as(where).isEqualTo(expected);
                } else if (path.equals("/api/v1/activations/{name}")) {
                    assertThat(documented).as(where).isEqualTo(jsonMapper.readTree(SIGMOID_ENTRY));
                    assertThat(actual).as(where).isEqualTo(jsonMapper.readTree(SIGMOID_ENTRY));
                } else {
                    assertThat(actual).as(where).isEqualTo(documented);
                }
                tried.add(where);
            }
        }

        assertThat(tried).contains("GET /api/v1/activations", "GET /api/v1/activations/{name}",
                "POST /api/v1/activations/{name}/evaluate", "POST /api/v1/activations/{name}/derivative",
                "GET /api/v1/activations/{name}/curve");
    }

    @Test
    void swaggerUiShouldBeServed() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html");
        HttpResponse<String> page = get("/swagger-ui/index.html");
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
        assertThat(jsonMapper.readTree(config.body()).get("url").asString()).isEqualTo("/v3/api-docs");
    }

    // ---- helpers ----

    private HttpResponse<String> tryOut(String path, String method, JsonNode operation)
            throws IOException, InterruptedException {
        String resolved = path;
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (JsonNode parameter : operation.path("parameters")) {
            String value = parameter.get("example").asString(parameter.get("example").toString());
            if ("path".equals(parameter.get("in").asString())) {
                resolved = resolved.replace("{" + parameter.get("name").asString() + "}", value);
            } else if ("query".equals(parameter.get("in").asString())) {
                query.add(parameter.get("name").asString() + "=" + value);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + resolved + query))
                .timeout(Duration.ofSeconds(30));
        if (operation.has("requestBody")) {
            JsonNode body = firstExample(operation.get("requestBody").get("content").get("application/json"));
            request.header("Content-Type", "application/json")
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code example} of a media type, or the value of its first {@code examples} entry. */
    private static JsonNode firstExample(JsonNode mediaType) {
        if (mediaType == null || mediaType.isMissingNode()) {
            return null;
        }
        if (mediaType.has("example")) {
            return mediaType.get("example");
        }
        JsonNode examples = mediaType.get("examples");
        if (examples == null || examples.isEmpty()) {
            return null;
        }
        return examples.properties().iterator().next().getValue().get("value");
    }

    private interface OperationCheck {
        void check(String where, JsonNode operation);
    }

    private static void forEachOperation(JsonNode docs, OperationCheck check) {
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    check.check(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        }
    }

    private JsonNode apiDocs() throws IOException, InterruptedException {
        return jsonMapper.readTree(get("/v3/api-docs").body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
