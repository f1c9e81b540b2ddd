package dev.activationlab.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.AdmissionProperties;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.activation.ActivationView;
import dev.activationlab.activation.CatalogueResponse;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document ({@code /v3/api-docs}): API information, the problem document schema
 * and the 4xx responses of every operation, the valid activation names for every
 * {@code {name}} path parameter, and catalogue examples taken from the catalogue itself.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    private static final String ACTIVATIONS = "/api/v1/activations";
    private static final String PROBLEM_TYPE = "urn:activation-lab:problem:";

    @Bean
    OpenAPI activationLabOpenApi(ObjectProvider<BuildProperties> build) {
        // A relative server: the service that served the document, whatever its host, port or proxy
        // (and no host or port in the committed snapshot, docs/openapi.json).
        return new OpenAPI()
                .servers(List.of(new Server().url("/").description("The service that serves this document")))
                .info(new Info()
                    .title("Activation Lab API")
                    .version(projectVersion(build.getIfAvailable()))
                    .description("""
                            Activation functions and their derivatives over vectors, perceptrons, multi-layer \
                            networks and gradient decay, computed over HTTP. Numbers are IEEE-754 doubles; \
                            derivatives at kinks follow PyTorch's autograd. Every error is an RFC 9457 problem \
                            document (application/problem+json) with a stable type \
                            (urn:activation-lab:problem:<kind>), a title, a detail for people and, where one \
                            place is at fault, field: its JSON path (x[3], params.alpha, layers[1].activation) \
                            or query parameter.""")
                    .contact(new Contact().name("Activation Lab developers"))
                    // No licence has been chosen for the project yet; replace both fields when one is.
                    .license(new License().name("No licence granted yet: all rights reserved")
                            .identifier("LicenseRef-All-Rights-Reserved")));
    }

    /**
     * The project's version (pom.xml) from META-INF/build-info.properties, which the build writes
     * (spring-boot-maven-plugin's build-info goal), or from the jar's manifest.
     */
    static String projectVersion(BuildProperties build) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifest = OpenApiConfiguration.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }

    @Bean
    OpenApiCustomizer activationLabOpenApiCustomizer(ActivationRegistry registry, JsonMapper jsonMapper,
            LimitsProperties limits, AdmissionProperties admission) {
        return openApi -> {
            addProblemSchema(openApi);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    replaceAnyMediaType(operation);
                    if (path.startsWith("/api/")) {
                        documentNameParameter(path, operation, registry);
                        addProblemResponses(path, operation, registry, limits, admission);
                    }
                }
            });
            addCatalogueExamples(openApi, registry, jsonMapper);
        };
    }

    /** RFC 9457 members plus this service's {@code field} and {@code validNames}. */
    private static void addProblemSchema(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Schema<Object> problem = new ObjectSchema()
                .description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Kind of problem, stable: " + PROBLEM_TYPE + "<kind>"))
                .addProperty("title", new StringSchema().description("Short summary of the kind, for people"))
                .addProperty("status", new IntegerSchema().description("HTTP status code"))
                .addProperty("detail", new StringSchema().description("What was wrong with this request, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("field", new StringSchema().description(
                        "JSON path (zero-based) or query parameter at fault, e.g. x[1] or params.alpha; "
                                + "absent when the request as a whole is at fault"))
                .addProperty("validNames", new ArraySchema().items(new StringSchema())
                        .description("For an unknown activation: the canonical names of the catalogue"))
                .addProperty("layer", new IntegerSchema().description(
                        "For a network whose layer is at fault: its index, from 0 on the input side"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problem);
    }

    /**
     * {@code *}/{@code *} says nothing: errors are problem documents, everything else JSON. A 406
     * has no body (the client accepts nothing the operation sends), so it keeps no content, not
     * even the default media type springdoc gives a response documented without one.
     */
    private static void replaceAnyMediaType(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((code, response) -> {
            if ("406".equals(code)) {
                response.setContent(null);
                return;
            }
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.addMediaType(code.startsWith("4") || code.startsWith("5") ? PROBLEM_JSON : JSON, any);
            }
        });
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content content = operation.getRequestBody().getContent();
            if (content.containsKey("*/*")) {
                content.addMediaType(JSON, content.remove("*/*"));
            }
        }
    }

    /** Lists the canonical names and aliases as the allowed values of an activation in the path. */
    private static void documentNameParameter(String path, Operation operation, ActivationRegistry registry) {
        if (!path.startsWith(ACTIVATIONS + "/{name}") || operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("path".equals(parameter.getIn()) && "name".equals(parameter.getName())) {
                StringSchema schema = new StringSchema();
                schema.setEnum(new ArrayList<>(allNames(registry)));
                parameter.setSchema(schema);
                String base = parameter.getDescription() == null ? "" : parameter.getDescription() + " ";
                parameter.setDescription(base + "Canonical names: " + String.join(", ", registry.names()) + ".");
            }
        }
    }

    private static TreeSet<String> allNames(ActivationRegistry registry) {
        TreeSet<String> names = new TreeSet<>();
        for (Activation activation : registry.all()) {
            names.add(activation.name());
            names.addAll(activation.descriptor().aliases());
        }
        return names;
    }

    /**
     * The 4xx answers an operation can give, where it does not document them itself: 400 for
     * every operation; 404 where the path names a resource; 413 where there is a body; 422 where
     * something is computed from client input (a body or query parameters).
     */
    private static void addProblemResponses(String path, Operation operation, ActivationRegistry registry,
            LimitsProperties limits, AdmissionProperties admission) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
        boolean pathVariable = path.contains("{");
        boolean activationPath = path.startsWith(ACTIVATIONS + "/{name}");
        String instance = activationPath ? path.replace("{name}", "leaky_relu") : null;

        Map<String, Object> badRequest;
        if (body && activationPath) {
            badRequest = problemExample("invalid-parameter", "Invalid activation parameter", 400,
                    "Unknown parameter 'beta' for leaky_relu; it takes: alpha.", instance, "params.beta");
        } else if (body) {
            badRequest = problemExample("malformed-json", "Malformed JSON", 400,
                    "The request body is not valid JSON (line 1, column 2): Unexpected end-of-input: expected "
                            + "close marker for Object.", null, null);
        } else if (query && activationPath) {
            badRequest = problemExample("invalid-request", "Invalid request", 400,
                    "'from' (1.0) must be less than 'to' (1.0).", instance, "from");
        } else {
            badRequest = problemExample("invalid-request", "Invalid request", 400,
                    "The request could not be parsed: its request line, URL (for example a malformed %-escape "
                            + "or a character that URLs do not allow), headers (malformed or too large) or body "
                            + "framing are not valid HTTP/1.1.", null, null);
        }
        addProblem(responses, "400", "Malformed request, or a missing, wrongly typed, non-finite or out-of-range "
                + "field or parameter (named by field)", badRequest);
        if (pathVariable) {
            Map<String, Object> notFound = activationPath
                    ? problemExample("unknown-activation", "Unknown activation", 404,
                            "Unknown activation 'nosuch'. Valid names: " + String.join(", ", registry.names()),
                            path.replace("{name}", "nosuch"), null)
                    : problemExample("not-found", "Not found", 404, "There is nothing at this path.", null, null);
            if (activationPath) {
                notFound.put("validNames", registry.names());
            }
            addProblem(responses, "404", activationPath
                    ? "Unknown activation; validNames lists the canonical names" : "Not found", notFound);
        }
        if (body) {
            addProblem(responses, "413", "Body or vector beyond the configured limits (activation-lab.limits)",
                    problemExample("too-large", "Request too large", 413,
                            "'x' has " + (limits.maxVectorLength() + 1) + " numbers; the limit is "
                                    + limits.maxVectorLength() + ".", instance, "x"));
        }
        if (body || query) {
            Map<String, Object> unprocessable = body
                    ? problemExample("unprocessable", "Result cannot be given", 422,
                            "The result at x[1] = 1.0E308 is Infinity, which JSON cannot carry.",
                            activationPath ? path.replace("{name}", "linear") : null, "values[1]")
                    : problemExample("unprocessable", "Result cannot be given", 422,
                            "softmax is vector-valued: each output depends on the whole input vector, so it "
                                    + "has no scalar curve or per-element derivative.",
                            activationPath ? path.replace("{name}", "softmax") : null, null);
            addProblem(responses, "422", "Well-formed, but the result cannot be given (a non-finite result, "
                    + "which JSON cannot carry, or a vector-valued activation where a scalar one is needed)",
                    unprocessable);
        }
        if (body) {
            addProblem(responses, "408", "The body came slower than the minimum rate "
                    + "(activation-lab.admission.min-body-rate, after body-rate-grace), took longer than "
                    + "activation-lab.admission.max-transfer-time in all, or stalled; the connection is closed",
                    problemExample("request-timeout", "Request too slow", 408, admission.slowBodyDetail(), instance,
                            null));
        }
        addProblem(responses, "503", "Load shedding: the request waited longer than "
                + "activation-lab.admission.max-compute-wait for a request thread (or a heavy request for its "
                + "turn), or large requests in flight hold the memory budget "
                + "(activation-lab.admission.in-flight-memory-percent of the heap). Retry-After (seconds) says "
                + "when to try again.", problemExample("service-busy", "Service busy", 503,
                        admission.overloadDetail(), instance, null));
        responses.get("503").addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                .description("Seconds to wait before trying again").schema(new Schema<Integer>().type("integer")));
    }

    private static Map<String, Object> problemExample(String kind, String title, int status, String detail,
            String instance, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE + kind);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (field != null) {
            problem.put("field", field);
        }
        return problem;
    }

    private static void addProblem(ApiResponses responses, String code, String description, Object example) {
        ApiResponse existing = responses.get(code);
        if (existing != null && existing.getContent() != null && existing.getContent().containsKey(PROBLEM_JSON)) {
            return;
        }
        MediaType media = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .example(example);
        if (existing != null) {
            // Declared by the controller with another media type: problems are always problem+json.
            existing.setContent(new Content().addMediaType(PROBLEM_JSON, media));
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, media)));
    }

    /**
     * The catalogue's own entries as examples of the catalogue operations, so that they always
     * show what the service answers (written by the service's JSON mapper, read back as a tree).
     */
    private static void addCatalogueExamples(OpenAPI openApi, ActivationRegistry registry, JsonMapper jsonMapper) {
        Activation sample = registry.find("leaky_relu").orElse(registry.all().get(0));
        Activation described = registry.find("sigmoid").orElse(sample);
        PathItem list = openApi.getPaths().get(ACTIVATIONS);
        if (list != null && list.getGet() != null) {
            setJsonExample(list.getGet(), catalogueJson(jsonMapper, List.of(sample)));
        }
        PathItem one = openApi.getPaths().get(ACTIVATIONS + "/{name}");
        if (one != null && one.getGet() != null) {
            setJsonExample(one.getGet(), entryJson(jsonMapper, described));
        }
    }

    private static JsonNode catalogueJson(JsonMapper jsonMapper, List<Activation> activations) {
        return readTree(jsonMapper.writeValueAsString(new CatalogueResponse(activations.stream().map(ActivationView::of).toList())));
    }

    private static JsonNode entryJson(JsonMapper jsonMapper, Activation activation) {
        return readTree(jsonMapper.writeValueAsString(ActivationView.of(activation)));
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The catalogue example is not JSON", e);
        }
    }

    private static void setJsonExample(Operation operation, JsonNode example) {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok == null || ok.getContent() == null || ok.getContent().get(JSON) == null) {
            return;
        }
        ok.getContent().get(JSON).setExamples(Map.of("catalogue", new Example().value(example)));
    }
}
