package dev.activationlab.activation;

import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.dtype.Dtype;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The activation catalogue, evaluation and differentiation over a vector, and curves. */
@Tag(name = "Activations", description = "Every activation function and its derivative, over a vector")
@RestController
@RequestMapping(path = "/api/v1/activations", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivationController {

    private static final Set<String> CURVE_QUERY = Set.of("from", "to", "points", "dtype");

    static final String NAME_DESCRIPTION = "Activation name or alias, matched case-insensitively with '-' "
            + "accepted for '_' (the list of valid names is below).";
    static final String EVALUATE_EXAMPLE_REQUEST = "{\"x\": [-2, -0.5, 0, 0.5, 2], \"params\": {\"alpha\": 0.1}}";
    static final String EVALUATE_EXAMPLE_RESPONSE =
            "{\"activation\":\"leaky_relu\",\"params\":{\"alpha\":0.1},\"dtype\":\"float64\",\"values\":[-0.2,-0.05,0.0,0.5,2.0]}";
    static final String GATED_EXAMPLE_REQUEST = "{\"x\": [1, 2, 3, 4]}";
    static final String DERIVATIVE_EXAMPLE_REQUEST = "{\"x\": [-2, 0, 2], \"params\": {\"alpha\": 0.1}}";
    static final String DERIVATIVE_EXAMPLE_RESPONSE =
            "{\"activation\":\"leaky_relu\",\"params\":{\"alpha\":0.1},\"dtype\":\"float64\",\"derivatives\":[0.1,0.1,1.0]}";
    static final String CURVE_EXAMPLE_RESPONSE = "{\"activation\":\"tanh\",\"params\":{},\"dtype\":\"float64\","
            + "\"x\":[-2.0,-1.0,0.0,1.0,2.0],"
            + "\"values\":[-0.9640275800758169,-0.7615941559557649,0.0,0.7615941559557649,0.9640275800758169],"
            + "\"derivatives\":[0.07065082485316446,0.419974341614026,1.0,0.419974341614026,0.07065082485316446]}";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    ActivationController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(summary = "List the activation catalogue",
            description = "Every activation, sorted by name, with its aliases, formula, derivative (with the value "
                    + "at kinks), parameters with defaults and bounds (null where open), output range, shape "
                    + "properties and reference. The example shows one entry of the list.",
            responses = @ApiResponse(responseCode = "200", description = "The catalogue",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CatalogueResponse.class))))
    @GetMapping
    CatalogueResponse list() {
        return new CatalogueResponse(registry.all().stream().map(ActivationView::of).toList());
    }

    @Operation(summary = "Describe one activation",
            description = "The catalogue entry of one activation. An alias resolves to its canonical entry "
                    + "(logistic gives sigmoid); names match case-insensitively, with '-' accepted for '_'. "
                    + "An unknown name is a 404 whose problem document lists the valid names.",
            responses = @ApiResponse(responseCode = "200", description = "The catalogue entry",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ActivationView.class))))
    @GetMapping("/{name}")
    ActivationView describe(@Parameter(description = NAME_DESCRIPTION, example = "sigmoid")
                            @PathVariable String name) {
        return ActivationView.of(registry.require(name));
    }

    @Operation(summary = "Evaluate an activation over a vector",
            description = "Applies f element by element (softmax, log_softmax, softmin and sparsemax over the whole "
                    + "vector; the gated units glu, reglu, geglu and swiglu split x of even length n into halves "
                    + "a, b and answer the n/2 values a_i·g(b_i), an odd length being a 400 naming x). "
                    + "x holds 1 to ${activation-lab.limits.max-vector-length} finite numbers (activation-lab.limits.max-vector-length; beyond: 413); "
                    + "params may be omitted. The response echoes the canonical name and the full resolved "
                    + "parameters, defaults included. An unknown or out-of-range parameter is a 400 naming "
                    + "params.<name>; a non-finite input a 400 naming x[i]; a result that is not a finite "
                    + "double (JSON cannot carry it) a 422 naming values[i].",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EvaluateRequest.class),
                            examples = {@ExampleObject(name = "leaky_relu", summary = "leaky_relu with alpha 0.1",
                                    value = EVALUATE_EXAMPLE_REQUEST),
                                    @ExampleObject(name = "swiglu", summary = "swiglu (path name swiglu): a = [1, 2], "
                                            + "b = [3, 4], two values", value = GATED_EXAMPLE_REQUEST)})),
            responses = @ApiResponse(responseCode = "200", description = "f(x), element by element",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EvaluateResponse.class),
                            examples = @ExampleObject(name = "leaky_relu", value = EVALUATE_EXAMPLE_RESPONSE))))
    @PostMapping(path = "/{name}/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    EvaluateResponse evaluate(@Parameter(description = NAME_DESCRIPTION, example = "leaky_relu")
                              @PathVariable String name, @RequestBody EvaluateRequest request) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        Dtype dtype = DtypeParameter.parse(request.dtype(), "dtype");
        double[] x = RequestChecks.finiteVector(request.x(), "x", limits.maxVectorLength());
        DtypeParameter.roundInputs(x, dtype, "x");
        double[] values = activation instanceof ScalarActivation scalar
                ? DtypeEvaluation.scalar(scalar, parameters, x, dtype, false)
                : DtypeEvaluation.roundAll(ActivationEvaluator.values(activation, parameters, x), dtype);
        RequestChecks.requireFiniteResult(values, "values", x, "x");
        return new EvaluateResponse(activation.name(), parameters.asMap(), dtype.label(), values);
    }

    @Operation(summary = "Differentiate an activation over a vector",
            description = "f'(x) element by element with respect to the pre-activation, with PyTorch's autograd "
                    + "value at kinks (relu'(0) = 0, leaky_relu'(0) = alpha, step' = 0 everywhere). For prelu also "
                    + "parameterGradients.alpha[i] = ∂y_i/∂alpha. For the vector-valued ones (softmax, "
                    + "log_softmax, softmin, sparsemax: n × n; glu, reglu, geglu, swiglu: n/2 × n), jacobian "
                    + "(row i = ∂y_i/∂x, n at most 1,000: activation-lab.limits.max-jacobian-length) instead of "
                    + "derivatives. Same body, limits and errors as evaluate; a non-finite result is a 422 "
                    + "naming derivatives[i] or jacobian[i][j].",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EvaluateRequest.class),
                            examples = {@ExampleObject(name = "leaky_relu", summary = "leaky_relu at its kink",
                                    value = DERIVATIVE_EXAMPLE_REQUEST),
                                    @ExampleObject(name = "swiglu", summary = "swiglu (path name swiglu): a 2 × 4 "
                                            + "Jacobian", value = GATED_EXAMPLE_REQUEST)})),
            responses = @ApiResponse(responseCode = "200", description = "f'(x), or the Jacobian",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DerivativeResponse.class),
                            examples = @ExampleObject(name = "leaky_relu", value = DERIVATIVE_EXAMPLE_RESPONSE))))
    @PostMapping(path = "/{name}/derivative", consumes = MediaType.APPLICATION_JSON_VALUE)
    DerivativeResponse derivative(@Parameter(description = NAME_DESCRIPTION, example = "leaky_relu")
                                  @PathVariable String name, @RequestBody EvaluateRequest request) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        int maxLength = activation.vectorValued() ? limits.maxJacobianLength() : limits.maxVectorLength();
        Dtype dtype = DtypeParameter.parse(request.dtype(), "dtype");
        double[] x = RequestChecks.finiteVector(request.x(), "x", maxLength);
        DtypeParameter.roundInputs(x, dtype, "x");
        ActivationEvaluator.Derivative d = ActivationEvaluator.derivative(activation, parameters, x);
        if (dtype != Dtype.FLOAT64) {
            d = new ActivationEvaluator.Derivative(
                    activation instanceof ScalarActivation scalar
                            ? DtypeEvaluation.scalar(scalar, parameters, x, dtype, true) : null,
                    d.parameterGradients() == null ? null : roundEach(d.parameterGradients(), dtype),
                    d.jacobian() == null ? null : roundRows(d.jacobian(), dtype));
        }
        if (d.derivatives() != null) {
            RequestChecks.requireFiniteResult(d.derivatives(), "derivatives", x, "x");
        }
        if (d.jacobian() != null) {
            for (int i = 0; i < d.jacobian().length; i++) {
                RequestChecks.requireFiniteResult(d.jacobian()[i], "jacobian[" + i + "]", x, "x");
            }
        }
        return new DerivativeResponse(activation.name(), parameters.asMap(), dtype.label(), d.derivatives(),
                d.parameterGradients(), d.jacobian());
    }

    @Operation(summary = "Sample an activation and its derivative for plotting",
            description = "points evenly spaced x_i = from + i·(to − from)/(points − 1), the last exactly to, "
                    + "with f and f' at each. from < to, both finite; 2 ≤ points ≤ ${activation-lab.limits.max-curve-points} "
                    + "(activation-lab.limits.max-curve-points); else 400. Any other query parameter is an "
                    + "activation parameter, e.g. alpha=0.1 for leaky_relu; each may be given once. "
                    + "Vector-valued activations (softmax, log_softmax, softmin, sparsemax, glu, reglu, geglu, swiglu) answer 422.",
            responses = @ApiResponse(responseCode = "200", description = "x, f(x) and f'(x)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CurveResponse.class),
                            examples = @ExampleObject(name = "tanh", value = CURVE_EXAMPLE_RESPONSE))))
    @GetMapping("/{name}/curve")
    CurveResponse curve(@Parameter(description = NAME_DESCRIPTION, example = "tanh")
                        @PathVariable String name,
                        @Parameter(description = "First x, finite", example = "-2") @RequestParam(defaultValue = "-6") double from,
                        @Parameter(description = "Last x, finite, greater than from", example = "2")
                        @RequestParam(defaultValue = "6") double to,
                        @Parameter(description = "Number of samples, 2 to ${activation-lab.limits.max-curve-points}", example = "5")
                        @RequestParam(defaultValue = "121") int points,
                        @Parameter(description = DtypeParameter.DESCRIPTION, example = "float64")
                        @RequestParam(required = false) String dtype,
                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        Dtype type = DtypeParameter.parse(dtype, "dtype");
        Map<String, Double> requested = QueryParameters.activationParameters(QueryParameters.singleValued(query), CURVE_QUERY);
        BoundActivation bound = QueryParameters.scalar(registry, name, requested, "");
        double[] x = QueryParameters.grid(from, to, points, limits.maxCurvePoints());
        DtypeParameter.roundInputs(x, type, "x");
        double[] values = DtypeEvaluation.scalar(bound.activation(), bound.parameters(), x, type, false);
        double[] derivatives = DtypeEvaluation.scalar(bound.activation(), bound.parameters(), x, type, true);
        RequestChecks.requireFiniteResult(values, "values", x, "x");
        RequestChecks.requireFiniteResult(derivatives, "derivatives", x, "x");
        return new CurveResponse(bound.activation().name(), bound.parameters().asMap(), type.label(), x, values,
                derivatives);
    }

    private static Map<String, double[]> roundEach(Map<String, double[]> gradients, Dtype dtype) {
        gradients.values().forEach(g -> DtypeEvaluation.roundAll(g, dtype));
        return gradients;
    }

    private static double[][] roundRows(double[][] jacobian, Dtype dtype) {
        for (double[] row : jacobian) {
            DtypeEvaluation.roundAll(row, dtype);
        }
        return jacobian;
    }
}
