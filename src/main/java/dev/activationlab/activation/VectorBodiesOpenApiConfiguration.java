package dev.activationlab.activation;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What evaluate and derivative share in the OpenAPI document: the examples of their JSON bodies,
 * the raw and .npy request and answer bodies, the {@code dtype} query parameter, the headers of a
 * binary answer, and the 406 and 415 answers. Written once here rather than in each operation's
 * annotations.
 */
@Configuration(proxyBeanMethods = false)
class VectorBodiesOpenApiConfiguration {

    /** The operations that take raw and .npy bodies (ActivationController). */
    static final Set<String> OPERATIONS = Set.of("evaluateActivation", "differentiateActivation");

    /** An example request of a JSON body: its name, a summary and the body. */
    private record BodyExample(String name, String summary, String json) {
    }

    private static final java.util.Map<String, List<BodyExample>> JSON_EXAMPLES = java.util.Map.of(
            "evaluateActivation", List.of(
                    new BodyExample("leaky_relu", "leaky_relu with alpha 0.1", ActivationController.EVALUATE_EXAMPLE_REQUEST),
                    new BodyExample("swiglu", "swiglu (path name swiglu): a = [1, 2], b = [3, 4], two values",
                            ActivationController.GATED_EXAMPLE_REQUEST),
                    new BodyExample("batch", "softmax (path name softmax) of two rows",
                            ActivationController.BATCH_EXAMPLE_REQUEST)),
            "differentiateActivation", List.of(
                    new BodyExample("leaky_relu", "leaky_relu at its kink", ActivationController.DERIVATIVE_EXAMPLE_REQUEST),
                    new BodyExample("swiglu", "swiglu (path name swiglu): a 2 × 4 Jacobian",
                            ActivationController.GATED_EXAMPLE_REQUEST),
                    new BodyExample("batch", "softmax (path name softmax): one 3 × 3 Jacobian per row",
                            ActivationController.BATCH_EXAMPLE_REQUEST)));

    @Bean
    OpenApiCustomizer vectorBodiesDocumentation() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().stream()
                    .filter(operation -> OPERATIONS.contains(operation.getOperationId()))
                    .forEach(VectorBodiesOpenApiConfiguration::document));
        };
    }

    private static void document(Operation operation) {
        QueryParameter dtype = new QueryParameter();
        dtype.name("dtype").example("float64")
                .description("Binary bodies only (a JSON body has its dtype field): float64 (default), float32, "
                        + "float16 or bfloat16; for a .npy body, if given, the file's. The activation's parameters "
                        + "are query parameters of their own names, e.g. alpha=0.1.")
                .schema(new StringSchema()._enum(List.of("float64", "float32", "float16", "bfloat16")));
        // First, before the path's name parameter, as an annotation would have put it.
        List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new java.util.ArrayList<>();
        parameters.add(dtype);
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        operation.setParameters(parameters);
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content body = operation.getRequestBody().getContent();
            MediaType json = body.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
            if (json != null) {
                for (BodyExample example : JSON_EXAMPLES.get(operation.getOperationId())) {
                    json.addExamples(example.name(), new io.swagger.v3.oas.models.examples.Example()
                            .summary(example.summary()).description(example.name())
                            .value(parse(example.json())));
                }
            }
            body.addMediaType(VectorAnswers.OCTET_STREAM,
                    binary("Little-endian IEEE 754 numbers of the dtype query parameter: one vector"));
            body.addMediaType(VectorAnswers.NPY,
                    binary("A NumPy .npy file, format 1.0-3.0, <f8, <f4 or <f2, C order, shape (n) or (rows, n)"));
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses == null ? null : responses.get("200");
        if (ok != null && ok.getContent() != null) {
            ok.getContent().addMediaType(VectorAnswers.OCTET_STREAM,
                    binary("The numbers of the answer, little-endian, in the request's dtype"));
            ok.getContent().addMediaType(VectorAnswers.NPY,
                    binary("A .npy file (format 1.0) of the answer's shape and the request's dtype"));
            ok.addHeaderObject(VectorAnswers.ACTIVATION_HEADER, header("Binary answers: the canonical name",
                    "leaky_relu"));
            ok.addHeaderObject(VectorAnswers.PARAMS_HEADER, header("Binary answers: the resolved parameters as "
                    + "compact JSON", "{\"alpha\":0.1}"));
            ok.addHeaderObject(VectorAnswers.SHAPE_HEADER, header("Binary answers: the shape of the answer, "
                    + "comma-separated", "5"));
            ok.addHeaderObject("X-Dtype", header("Binary answers: the dtype of the numbers", "float64"));
        }
        if (responses != null) {
            responses.addApiResponse("406", new ApiResponse().description("Accept names none of JSON, raw and "
                    + ".npy, or .npy in bfloat16"));
            responses.addApiResponse("415", new ApiResponse().description("A Content-Type other than "
                    + "application/json, application/octet-stream and application/x-npy")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
        }
    }

    /** The example as a JSON tree, so that the document shows it as JSON rather than as a string. */
    private static Object parse(String json) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An example request is not JSON: " + json, e);
        }
    }

    private static MediaType binary(String description) {
        return new MediaType().schema(new StringSchema().format("binary").description(description));
    }

    private static Header header(String description, String example) {
        return new Header().description(description).style(Header.StyleEnum.SIMPLE)
                .schema(new StringSchema().example(example));
    }
}
