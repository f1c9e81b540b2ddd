package dev.activationlab.accuracy;

import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.DtypeEvaluation;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.ScalarActivation;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.dtype.Dtype;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The accuracy oracle: how far a kernel's float32, float16 or bfloat16 results are from the truth. */
@Tag(name = "Accuracy", description = "The error of someone else's kernel, in units in the last place")
@RestController
class AccuracyController {

    static final String EXAMPLE_REQUEST = "{\"x\": [-10.0, -5.0, 1.0], "
            + "\"values\": [0.0, -1.4901161193847656e-06, 0.8413447141647339], \"dtype\": \"float32\"}";

    /** What the service answers to EXAMPLE_REQUEST (the values are PyTorch 1.13's float32 gelu). */
    static final String EXAMPLE_RESPONSE = "{\"activation\":\"gelu\",\"params\":{},\"dtype\":\"float32\","
            + "\"values\":{\"ulpErrors\":[1.2074139074659973E7,500130.54394233786,0.5352570973336697],"
            + "\"maxUlp\":1.2074139074659973E7,\"meanUlp\":4191423.3846198027,\"infinitelyWrong\":0,"
            + "\"worst\":{\"index\":0,\"x\":-10.0,\"got\":0.0,\"expected\":-7.619852977043458E-23},"
            + "\"histogram\":{\"≤0.5\":0,\"≤1\":1,\"≤2\":0,\"≤4\":0,\"≤16\":0,\"≤256\":0,\">256\":2},"
            + "\"correctlyRounded\":0}}";

    static final String DESCRIPTION = "Measures a kernel's values and/or derivatives (each as long as x) in "
            + "float32, float16 or bfloat16 against the exact result: the error of each element is "
            + "|got − exact| / ulp(exact), where ulp(e) is the spacing of the dtype's values in the binade of the "
            + "exact result e (2^(E−p+1), E the exponent of |e| clamped to the dtype's normal range, so every "
            + "subnormal and 0 has the spacing of the smallest subnormal; just below a power of two the smaller "
            + "spacing counts). A correctly rounded element is off by at most 0.5. x is rounded to the dtype "
            + "first, as evaluate rounds it. Every got must be a value of the dtype (else a 400 naming "
            + "values[i]); NaN and the infinities may be given as the strings \"NaN\", \"Infinity\", "
            + "\"-Infinity\" and are infinitely wrong unless the exact result is that same value. JSON cannot "
            + "carry an infinite error: such an element has ulpErrors[i] = null, counts in infinitelyWrong and "
            + "in the \">256\" bucket, makes maxUlp null, is left out of meanUlp (the mean over the others), and "
            + "is the worst element. worst.expected and correctlyRounded refer to the correctly rounded result. "
            + "Scalar activations only (vector-valued ones are a 422).";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    AccuracyController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(operationId = "measureAccuracy",
            summary = "Measure a kernel's error in ULPs against the correctly rounded truth",
            description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccuracyRequest.class),
                            examples = @ExampleObject(name = "gelu", summary = "PyTorch's float32 gelu at -10, -5 and 1",
                                    value = EXAMPLE_REQUEST))),
            responses = @ApiResponse(responseCode = "200", description = "Errors per element and their summary",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccuracyReport.class),
                            examples = @ExampleObject(name = "gelu", value = EXAMPLE_RESPONSE))))
    @PostMapping(path = "/api/v1/activations/{name}/accuracy", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AccuracyReport accuracy(@Parameter(description = "Activation name or alias", example = "gelu")
                            @PathVariable String name, @RequestBody AccuracyRequest request) {
        Activation activation = registry.require(name);
        Parameters parameters = Parameters.resolve(activation, request.params());
        Dtype dtype = dtype(request.dtype());
        if (!(activation instanceof ScalarActivation scalar)) {
            throw RequestException.unprocessable("activation", "The accuracy oracle measures scalar activations; '"
                    + activation.name() + "' is vector-valued.");
        }
        double[] x = RequestChecks.finiteVector(request.x(), "x", limits.maxVectorLength());
        for (int i = 0; i < x.length; i++) {
            double r = dtype.round(x[i]);
            if (Double.isInfinite(r)) {
                throw RequestException.invalid("x[" + i + "]", "'x[" + i + "]' is beyond the range of " + dtype.label()
                        + ".");
            }
            x[i] = r;
        }
        if (request.values() == null && request.derivatives() == null) {
            throw RequestException.invalid("values", "Give 'values' and/or 'derivatives', each as long as 'x'.");
        }
        double[] gotValues = got(request.values(), "values", dtype, x.length);
        double[] gotDerivatives = got(request.derivatives(), "derivatives", dtype, x.length);
        return new AccuracyReport(activation.name(), parameters.asMap(), dtype.label(),
                gotValues == null ? null : measure(scalar, parameters, x, dtype, gotValues, false),
                gotDerivatives == null ? null : measure(scalar, parameters, x, dtype, gotDerivatives, true));
    }

    private static AccuracyReport.Errors measure(ScalarActivation activation, Parameters parameters, double[] x,
                                                 Dtype dtype, double[] got, boolean derivative) {
        double[] exact = DtypeEvaluation.scalar(activation, parameters, x, Dtype.FLOAT64, derivative);
        double[] expected = DtypeEvaluation.scalar(activation, parameters, x, dtype, derivative);
        return AccuracyMeasure.errors(dtype, x, got, exact, expected);
    }

    private static Dtype dtype(String text) {
        if (text != null) {
            for (Dtype d : List.of(Dtype.FLOAT32, Dtype.FLOAT16, Dtype.BFLOAT16)) {
                if (d.label().equalsIgnoreCase(text)) {
                    return d;
                }
            }
        }
        throw RequestException.invalid("dtype", "'dtype' must be float32, float16 or bfloat16; got "
                + (text == null ? "nothing" : "'" + text + "'") + ".");
    }

    /** The kernel's numbers as doubles, each checked to be a value of the dtype. */
    private static double[] got(List<Object> given, String field, Dtype dtype, int n) {
        if (given == null) {
            return null;
        }
        if (given.size() != n) {
            throw RequestException.invalid(field, "'" + field + "' has " + given.size() + " numbers; 'x' has " + n
                    + ".");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Object o = given.get(i);
            String at = field + "[" + i + "]";
            double v;
            if (o instanceof Number number) {
                v = number.doubleValue();
                if (!Double.isFinite(v)) {
                    throw RequestException.invalid(at, "'" + at + "' is not a finite number; write \"Infinity\", "
                            + "\"-Infinity\" or \"NaN\" as strings.");
                }
            } else if (o instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
                v = Double.parseDouble(s);
            } else {
                throw RequestException.invalid(at, "'" + at + "' must be a number or one of \"NaN\", \"Infinity\", "
                        + "\"-Infinity\".");
            }
            if (!dtype.holds(v)) {
                throw RequestException.invalid(at, "'" + at + "' = " + v + " is not a value of " + dtype.label()
                        + " (nearest: " + dtype.round(v) + ").");
            }
            out[i] = v;
        }
        return out;
    }
}
