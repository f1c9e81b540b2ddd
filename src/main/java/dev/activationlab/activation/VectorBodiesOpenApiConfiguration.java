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
 * What evaluate and derivative share in the OpenAPI document besides their JSON bodies: the raw
 * and .npy request and answer bodies, the {@code dtype} query parameter, the headers of a binary
 * answer, and the 406 and 415 answers. Written once here rather than in each operation's
 * annotations.
 */
@Configuration(proxyBeanMethods = false)
class VectorBodiesOpenApiConfiguration {

    /** The operations that take raw and .npy bodies (ActivationController). */
    static final Set<String> OPERATIONS = Set.of("evaluateActivation", "differentiateActivation");

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

    private static MediaType binary(String description) {
        return new MediaType().schema(new StringSchema().format("binary").description(description));
    }

    private static Header header(String description, String example) {
        return new Header().description(description).style(Header.StyleEnum.SIMPLE)
                .schema(new StringSchema().example(example));
    }
}
