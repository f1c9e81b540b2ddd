package dev.activationlab.web;

import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationEvaluator;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.InvalidParameterException;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.ScalarActivation;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.VectorValuedException;
import dev.activationlab.config.LimitsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
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

    private static final Set<String> CURVE_QUERY = Set.of("from", "to", "points");

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    ActivationController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(summary = "List the activation catalogue",
            description = "Every activation with its aliases, formula, derivative (with the value at kinks), "
                    + "parameters with defaults and bounds, output range, shape properties and reference.")
    @GetMapping
    CatalogueResponse list() {
        return new CatalogueResponse(registry.all().stream().map(ActivationView::of).toList());
    }

    @Operation(summary = "Describe one activation",
            description = "An alias resolves to its canonical entry; names match case-insensitively with '-' for '_'.")
    @GetMapping("/{name}")
    ActivationView describe(@Parameter(description = "Activation name or alias", example = "sigmoid")
                            @PathVariable String name) {
        return ActivationView.of(registry.require(name));
    }

    @Operation(summary = "Evaluate an activation over a vector",
            description = "Applies f element by element (softmax and log_softmax over the whole vector). "
                    + "The response echoes the canonical name and the full resolved parameters.")
    @PostMapping(path = "/{name}/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    EvaluateResponse evaluate(@Parameter(description = "Activation name or alias", example = "leaky_relu")
                              @PathVariable String name, @RequestBody EvaluateRequest request) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        double[] x = RequestChecks.finiteVector(request.x(), "x", limits.maxVectorLength());
        double[] values = ActivationEvaluator.values(activation, parameters, x);
        RequestChecks.requireFiniteResult(values, "values", x, "x");
        return new EvaluateResponse(activation.name(), parameters.asMap(), values);
    }

    @Operation(summary = "Differentiate an activation over a vector",
            description = "f'(x) element by element with respect to the pre-activation, at kinks as PyTorch's "
                    + "autograd; for prelu also ∂y_i/∂alpha; for softmax and log_softmax the n × n Jacobian "
                    + "(row i = ∂y_i/∂x) instead of derivatives.")
    @PostMapping(path = "/{name}/derivative", consumes = MediaType.APPLICATION_JSON_VALUE)
    DerivativeResponse derivative(@Parameter(description = "Activation name or alias", example = "prelu")
                                  @PathVariable String name, @RequestBody EvaluateRequest request) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        int maxLength = activation.vectorValued() ? limits.maxJacobianLength() : limits.maxVectorLength();
        double[] x = RequestChecks.finiteVector(request.x(), "x", maxLength);
        ActivationEvaluator.Derivative d = ActivationEvaluator.derivative(activation, parameters, x);
        if (d.derivatives() != null) {
            RequestChecks.requireFiniteResult(d.derivatives(), "derivatives", x, "x");
        }
        if (d.jacobian() != null) {
            for (int i = 0; i < d.jacobian().length; i++) {
                RequestChecks.requireFiniteResult(d.jacobian()[i], "jacobian[" + i + "]", x, "x");
            }
        }
        return new DerivativeResponse(activation.name(), parameters.asMap(), d.derivatives(),
                d.parameterGradients(), d.jacobian());
    }

    @Operation(summary = "Sample an activation and its derivative for plotting",
            description = "points evenly spaced x_i = from + i·(to − from)/(points − 1), the last exactly to, "
                    + "with f and f' at each. Any other query parameter is an activation parameter, e.g. "
                    + "alpha=0.1. Vector-valued activations answer 422.")
    @GetMapping("/{name}/curve")
    CurveResponse curve(@Parameter(description = "Activation name or alias", example = "tanh")
                        @PathVariable String name,
                        @Parameter(description = "First x", example = "-6") @RequestParam(defaultValue = "-6") double from,
                        @Parameter(description = "Last x", example = "6") @RequestParam(defaultValue = "6") double to,
                        @Parameter(description = "Number of samples, 2 to 10001", example = "121")
                        @RequestParam(defaultValue = "121") int points,
                        @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        Activation activation = registry.require(name);
        Map<String, Double> requested = QueryParameters.activationParameters(query, CURVE_QUERY);
        Parameters parameters;
        try {
            parameters = Parameters.resolve(activation, requested);
        } catch (InvalidParameterException e) {
            throw new RequestException(ProblemType.INVALID_PARAMETER, e.parameter(), e.getMessage());
        }
        if (!(activation instanceof ScalarActivation scalar)) {
            throw new VectorValuedException(activation.name());
        }
        double[] x = QueryParameters.grid(from, to, points, limits.maxCurvePoints());
        ScalarFunction f = scalar.bind(parameters);
        double[] values = new double[points];
        double[] derivatives = new double[points];
        f.values(x, values);
        f.derivatives(x, derivatives);
        RequestChecks.requireFiniteResult(values, "values", x, "x");
        RequestChecks.requireFiniteResult(derivatives, "derivatives", x, "x");
        return new CurveResponse(activation.name(), parameters.asMap(), x, values, derivatives);
    }
}
