package dev.activationlab.activation;

import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.dtype.Dtype;
import dev.activationlab.activation.VectorBodies.Format;
import dev.activationlab.activation.VectorBodies.Input;
import dev.activationlab.http.ProblemType;
import dev.activationlab.http.ClientText;
import dev.activationlab.http.RequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The activation catalogue, evaluation and differentiation over a vector, and curves. */
@Tag(name = "Activations", description = "Every activation function and its derivative, over a vector")
@RestController
@RequestMapping(path = "/api/v1/activations", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivationController {

    private static final Set<String> CURVE_QUERY = Set.of("from", "to", "points", "dtype");
    /** Query parameters of a raw or .npy body that are not activation parameters. */
    private static final Set<String> BINARY_QUERY = Set.of("dtype");

    static final String NAME_DESCRIPTION = "Activation name or alias, matched case-insensitively with '-' "
            + "accepted for '_' (the list of valid names is below).";
    static final String EVALUATE_EXAMPLE_REQUEST = "{\"x\": [-2, -0.5, 0, 0.5, 2], \"params\": {\"alpha\": 0.1}}";
    static final String EVALUATE_EXAMPLE_RESPONSE =
            "{\"activation\":\"leaky_relu\",\"params\":{\"alpha\":0.1},\"dtype\":\"float64\",\"values\":[-0.2,-0.05,0.0,0.5,2.0]}";
    static final String GATED_EXAMPLE_REQUEST = "{\"x\": [1, 2, 3, 4]}";
    static final String DERIVATIVE_EXAMPLE_REQUEST = "{\"x\": [-2, 0, 2], \"params\": {\"alpha\": 0.1}}";
    static final String DERIVATIVE_EXAMPLE_RESPONSE =
            "{\"activation\":\"leaky_relu\",\"params\":{\"alpha\":0.1},\"dtype\":\"float64\",\"derivatives\":[0.1,0.1,1.0]}";
    static final String BATCH_EXAMPLE_REQUEST = "{\"x\": [[1, 2, 3], [0, 0, 0]]}";
    static final String BATCH_EXAMPLE_RESPONSE = "{\"activation\":\"softmax\",\"params\":{},\"dtype\":\"float64\","
            + "\"values\":[[0.09003057317038046,0.24472847105479764,0.6652409557748218],"
            + "[0.3333333333333333,0.3333333333333333,0.3333333333333333]]}";
    /** How batches and binary bodies work, shared by evaluate and derivative. */
    static final String BATCH_AND_BINARY_DESCRIPTION = " Batches: x may be rows of one length ([[..], [..]], a "
            + "tensor of shape rows × n); every answer array then has the same rows, vector-valued functions act on "
            + "each row (dim=-1), jacobian holds one matrix per row; ragged rows are a 400 naming the first bad row "
            + "(x[2]); all rows together at most max-vector-length numbers (413). "
            + "Binary bodies: Content-Type application/octet-stream takes one vector as little-endian IEEE 754 "
            + "numbers of the dtype query parameter (float64 default, float32, float16, bfloat16: 8, 4, 2, 2 bytes "
            + "each); application/x-npy takes a NumPy .npy file (format 1.0, 2.0 or 3.0; <f8, <f4 or <f2; C order; "
            + "shape (n) or (rows, n)) whose dtype is the answer's (a dtype query parameter, if given, must agree). "
            + "With a binary body the activation's parameters are query parameters of their own names (?alpha=0.1), "
            + "as for curve; a JSON body carries them in params and its dtype in dtype, and another query parameter beside "
            + "a JSON body, or a dtype one that disagrees with the body's, is a 400. "
            + "Inputs are rounded to the dtype exactly as a JSON body's, so a binary answer holds the "
            + "bits of the JSON answer for the same numbers. The answer comes in the request's format unless Accept "
            + "prefers another of application/json, application/octet-stream and application/x-npy (a JSON body "
            + "may ask for a binary answer); any other Accept is a 406, and so is a .npy answer in bfloat16, which "
            + "NumPy has no dtype for. A raw answer is the values, the derivatives or the Jacobians row by row in the "
            + "request's dtype, a .npy answer the same numbers with the answer's shape; both carry the headers "
            + "X-Activation (canonical name), X-Activation-Params (the resolved parameters as compact JSON), X-Shape "
            + "(the answer's shape: 5, 3,3, rows,n or rows,m,n) and X-Dtype. prelu's parameterGradients are in JSON "
            + "answers only. A body that is not whole elements, a malformed .npy header, a big-endian, unsupported "
            + "or Fortran-order array, more than two dimensions or an empty array is a 400, a NaN or infinity a 400 "
            + "naming x[i] (x[r][i] in a batch), more numbers than the limits a 413, another Content-Type a 415; "
            + "errors are problem documents whatever the Accept.";
    static final String CURVE_EXAMPLE_RESPONSE = "{\"activation\":\"tanh\",\"params\":{},\"dtype\":\"float64\","
            + "\"x\":[-2.0,-1.0,0.0,1.0,2.0],"
            + "\"values\":[-0.9640275800758169,-0.7615941559557649,0.0,0.7615941559557649,0.9640275800758169],"
            + "\"derivatives\":[0.07065082485316446,0.419974341614026,1.0,0.419974341614026,0.07065082485316446]}";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;
    private final VectorAnswers answers;

    ActivationController(ActivationRegistry registry, LimitsProperties limits, VectorAnswers answers) {
        this.registry = registry;
        this.limits = limits;
        this.answers = answers;
    }

    @Operation(operationId = "listActivations",
            summary = "List the activation catalogue",
            description = """
                    Every activation, sorted by name, with its aliases, formula, derivative (with the value at \
                    kinks), parameters with defaults and bounds (null where open), output range, shape properties \
                    and reference. The example shows one entry of the list.""",
            responses = @ApiResponse(responseCode = "200", description = "The catalogue",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CatalogueResponse.class))))
    @GetMapping
    CatalogueResponse list() {
        return new CatalogueResponse(registry.all().stream().map(ActivationView::of).toList());
    }

    @Operation(operationId = "describeActivation",
            summary = "Describe one activation",
            description = """
                    The catalogue entry of one activation. An alias resolves to its canonical entry (logistic gives \
                    sigmoid); names match case-insensitively, with '-' accepted for '_'. An unknown name is a 404 \
                    whose problem document lists the valid names.""",
            responses = @ApiResponse(responseCode = "200", description = "The catalogue entry",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ActivationView.class))))
    @GetMapping("/{name}")
    ActivationView describe(@Parameter(description = NAME_DESCRIPTION, example = "sigmoid")
                            @PathVariable String name) {
        return ActivationView.of(registry.require(name));
    }

    @Operation(operationId = "evaluateActivation",
            summary = "Evaluate an activation over a vector",
            description = """
                    Applies f element by element (softmax, log_softmax, softmin and sparsemax over the whole \
                    vector; the gated units glu, reglu, geglu and swiglu split x of even length n into halves a, b \
                    and answer the n/2 values a_i·g(b_i), an odd length being a 400 naming x). x holds 1 to \
                    ${activation-lab.limits.max-vector-length} finite numbers \
                    (activation-lab.limits.max-vector-length; beyond: 413); params may be omitted. The response \
                    echoes the canonical name and the full resolved parameters, defaults included. An unknown or \
                    out-of-range parameter is a 400 naming params.<name>; a non-finite input a 400 naming x[i]; a \
                    result that is not a finite double (JSON cannot carry it) a 422 naming values[i] (values[r][i] \
                    in a batch)."""
                    + BATCH_AND_BINARY_DESCRIPTION,
            responses = {@ApiResponse(responseCode = "200", description = "f(x), element by element (row by row for a batch)",
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            // anyOf: the two shapes differ only in the depth of their arrays, which linters do not see as
                            // exclusive (Redocly's no-illogical-composition-keywords).
                            schema = @Schema(anyOf = {EvaluateResponse.class, EvaluateBatchResponse.class}),
                            examples = {@ExampleObject(name = "leaky_relu", value = EVALUATE_EXAMPLE_RESPONSE),
                                    @ExampleObject(name = "batch", summary = "softmax of two rows",
                                            value = BATCH_EXAMPLE_RESPONSE)})})})
    @PostMapping(path = "/{name}/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, VectorAnswers.OCTET_STREAM, VectorAnswers.NPY})
    ResponseEntity<Object> evaluate(@Parameter(description = NAME_DESCRIPTION, example = "leaky_relu")
                                    @PathVariable String name, @RequestBody EvaluateRequest request,
                                    @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                    @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                    String accept) {
        return answerJson(name, request, query, accept, false);
    }

    @Operation(operationId = "differentiateActivation",
            summary = "Differentiate an activation over a vector",
            description = """
                    f'(x) element by element with respect to the pre-activation, with PyTorch's autograd value at \
                    kinks (relu'(0) = 0, leaky_relu'(0) = alpha, step' = 0 everywhere). For prelu also \
                    parameterGradients.alpha[i] = ∂y_i/∂alpha. For the vector-valued ones (softmax, log_softmax, \
                    softmin, sparsemax: n × n; glu, reglu, geglu, swiglu: n/2 × n), jacobian (row i = ∂y_i/∂x, n at \
                    most ${activation-lab.limits.max-jacobian-length}: activation-lab.limits.max-jacobian-length) \
                    instead of derivatives. Same body, limits and errors as evaluate; a non-finite result is a 422 \
                    naming derivatives[i] or jacobian[i][j] (derivatives[r][i], jacobian[r][i][j] in a batch). In a \
                    batch of a vector-valued function each row is at most max-jacobian-length long and the \
                    Jacobians together hold at most max(max-vector-length, max-jacobian-length²) numbers (what one \
                    max-jacobian-length-long vector's Jacobian takes); beyond, a 413."""
                    + BATCH_AND_BINARY_DESCRIPTION,
            responses = {@ApiResponse(responseCode = "200", description = "f'(x), or the Jacobian (per row for a batch)",
                    content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            // anyOf, as for evaluate.
                            schema = @Schema(anyOf = {DerivativeResponse.class, DerivativeBatchResponse.class}),
                            examples = @ExampleObject(name = "leaky_relu", value = DERIVATIVE_EXAMPLE_RESPONSE))})})
    @PostMapping(path = "/{name}/derivative", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, VectorAnswers.OCTET_STREAM, VectorAnswers.NPY})
    ResponseEntity<Object> derivative(@Parameter(description = NAME_DESCRIPTION, example = "leaky_relu")
                                      @PathVariable String name, @RequestBody EvaluateRequest request,
                                      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
                                      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                      String accept) {
        return answerJson(name, request, query, accept, true);
    }

    /**
     * Evaluate or derivative with raw bytes or a .npy file as the body (documented on the JSON
     * operations, by VectorBodiesOpenApiConfiguration).
     */
    @Operation(hidden = true)
    @PostMapping(path = "/{name}/{operation:evaluate|derivative}",
            consumes = {VectorAnswers.OCTET_STREAM, VectorAnswers.NPY},
            produces = {MediaType.APPLICATION_JSON_VALUE, VectorAnswers.OCTET_STREAM, VectorAnswers.NPY})
    ResponseEntity<Object> binary(@PathVariable String name, @PathVariable String operation,
                                  @RequestParam MultiValueMap<String, String> query,
                                  @RequestBody(required = false) byte[] body,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean derivative = operation.equals("derivative");
        Activation activation = registry.require(name);
        Map<String, String> single = QueryParameters.singleValued(query);
        Parameters parameters = queryParameters(activation, single);
        Format format = VectorAnswers.binaryFormat(contentType);
        Input input = binaryInput(format, body, single.get("dtype"), rowLimit(activation, derivative));
        return answer(activation, parameters, input, VectorAnswers.negotiate(format, accept), derivative);
    }

    /**
     * Evaluate or derivative of a JSON body, whose parameters and dtype are in the body: a query
     * parameter (meant for a binary body) would otherwise be silently ignored. A dtype query
     * parameter that agrees with the body's is let through, as for a .npy body (Swagger UI sends
     * the documented one with every body).
     */
    private ResponseEntity<Object> answerJson(String name, EvaluateRequest request, MultiValueMap<String, String> query,
            String accept, boolean derivative) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        Dtype dtype = DtypeParameter.parse(request.dtype(), "dtype");
        for (String key : QueryParameters.singleValued(query).keySet()) {
            String parameter = ClientText.shorten(key);
            if (!key.equals("dtype")) {
                throw RequestException.invalid(parameter, "A JSON body carries the activation's parameters in params; "
                        + "query parameters such as '" + parameter + "' are read with a binary body "
                        + "(application/octet-stream or application/x-npy) only.");
            }
            Dtype requested = DtypeParameter.parse(query.getFirst(key), "dtype");
            if (requested != dtype) {
                throw RequestException.invalid("dtype", "The dtype query parameter is " + requested.label()
                        + " but the JSON body's dtype is " + dtype.label()
                        + "; a JSON body gives its dtype in the body: leave the query parameter out or make them agree.");
            }
        }
        Input input = VectorBodies.fromJson(request.x(), dtype, rowLimit(activation, derivative),
                limits.maxVectorLength());
        return answer(activation, parameters, input, VectorAnswers.negotiate(Format.JSON, accept), derivative);
    }

    /** Longest row: a vector-valued derivative's Jacobian bounds it more tightly than the vector limit. */
    private int rowLimit(Activation activation, boolean derivative) {
        return derivative ? maxRowLength(activation) : limits.maxVectorLength();
    }

    private ResponseEntity<Object> answer(Activation activation, Parameters parameters, Input input, Format format,
            boolean derivative) {
        return derivative ? derivative(activation, parameters, input, format)
                : evaluate(activation, parameters, input, format);
    }

    /** f over the input, answered in the format asked for. */
    private ResponseEntity<Object> evaluate(Activation activation, Parameters parameters, Input input, Format format) {
        int m = BatchEvaluation.outputLength(activation, input.n());
        double[] values = BatchEvaluation.values(activation, parameters, input.x(), input.n(), input.dtype());
        VectorBodies.requireFiniteResult(values, "values", input, m, false);
        if (format != Format.JSON) {
            return answers.binary(format, activation.name(), parameters.asMap(), input.dtype(), values,
                    input.shape(m, false), input.body());
        }
        String dtype = input.dtype().label();
        return VectorAnswers.json(input.batch()
                ? new EvaluateBatchResponse(activation.name(), parameters.asMap(), dtype,
                        VectorBodies.rows(values, input.rows(), m))
                : new EvaluateResponse(activation.name(), parameters.asMap(), dtype, values));
    }

    /** f' (or each row's Jacobian) over the input, answered in the format asked for. */
    private ResponseEntity<Object> derivative(Activation activation, Parameters parameters, Input input, Format format) {
        int n = input.n();
        int m = BatchEvaluation.outputLength(activation, n);
        if (activation.vectorValued()) {
            requireJacobianBudget(input.rows(), m, n);
        }
        BatchEvaluation.Derivative d = BatchEvaluation.derivative(activation, parameters, input.x(), n, input.dtype());
        if (d.derivatives() != null) {
            VectorBodies.requireFiniteResult(d.derivatives(), "derivatives", input, m, false);
        }
        if (d.jacobian() != null) {
            VectorBodies.requireFiniteResult(d.jacobian(), "jacobian", input, m, true);
        }
        if (format != Format.JSON) {
            // prelu's parameterGradients have no place in a raw answer: JSON answers only.
            boolean jacobian = d.jacobian() != null;
            return answers.binary(format, activation.name(), parameters.asMap(), input.dtype(),
                    jacobian ? d.jacobian() : d.derivatives(), input.shape(m, jacobian), input.body());
        }
        String dtype = input.dtype().label();
        if (input.batch()) {
            int rows = input.rows();
            return VectorAnswers.json(new DerivativeBatchResponse(activation.name(), parameters.asMap(), dtype,
                    d.derivatives() == null ? null : VectorBodies.rows(d.derivatives(), rows, n),
                    d.parameterGradients() == null ? null : VectorBodies.rows(d.parameterGradients(), rows, n),
                    d.jacobian() == null ? null : VectorBodies.matrices(d.jacobian(), rows, m, n)));
        }
        return VectorAnswers.json(new DerivativeResponse(activation.name(), parameters.asMap(), dtype, d.derivatives(),
                d.parameterGradients(), d.jacobian() == null ? null : VectorBodies.matrices(d.jacobian(), 1, m, n)[0]));
    }

    /** The limit on one vector or row: max-jacobian-length for a vector-valued derivative. */
    private int maxRowLength(Activation activation) {
        return activation.vectorValued() ? limits.maxJacobianLength() : limits.maxVectorLength();
    }

    /**
     * Bounds the Jacobians of a batch together: rows · m · n numbers at most max-vector-length, or
     * max-jacobian-length² if that is larger, so that every vector taken alone before batches
     * existed is still taken (1,000² = 1,000,000 numbers, 8 MB, by default).
     */
    private void requireJacobianBudget(int rows, int m, int n) {
        long budget = Math.max(limits.maxVectorLength(), (long) limits.maxJacobianLength() * limits.maxJacobianLength());
        long entries = (long) rows * m * n;
        if (entries > budget) {
            throw RequestException.tooLarge("x", "The Jacobians of 'x' would hold " + entries + " numbers (" + rows
                    + " rows of " + m + " × " + n + "); the limit is " + budget + ".");
        }
    }

    /** The activation's parameters from the query string (every query parameter but dtype). */
    private static Parameters queryParameters(Activation activation, Map<String, String> query) {
        Map<String, Double> requested = QueryParameters.activationParameters(query, BINARY_QUERY);
        try {
            return Parameters.resolve(activation, requested);
        } catch (InvalidParameterException e) {
            throw new RequestException(ProblemType.INVALID_PARAMETER, e.parameter(), e.getMessage());
        }
    }

    private static Input binaryInput(Format format, byte[] body, String dtypeText, int maxRowLength, int maxElements) {
        Dtype dtype = dtypeText == null ? null : DtypeParameter.parse(dtypeText, "dtype");
        return format == Format.NPY
                ? VectorBodies.fromNpy(body, dtype, maxRowLength, maxElements)
                : VectorBodies.fromRaw(body, dtype == null ? Dtype.FLOAT64 : dtype, maxRowLength);
    }

    private Input binaryInput(Format format, byte[] body, String dtypeText, int maxRowLength) {
        return binaryInput(format, body, dtypeText, maxRowLength, limits.maxVectorLength());
    }

    @Operation(operationId = "activationCurve",
            summary = "Sample an activation and its derivative for plotting",
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

}
