package dev.activationlab.gradient;

import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.http.ClientText;
import dev.activationlab.http.LimitsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Gradient decay over N layers: the analytic scalar chain and a seeded Monte-Carlo deep network. */
@Tag(name = "Gradients", description = "How gradients vanish or explode over many layers")
@RestController
@RequestMapping(path = "/api/v1/gradients", produces = MediaType.APPLICATION_JSON_VALUE)
class GradientController {

    static final int DEFAULT_SIMULATION_LAYERS = 10;
    static final int DEFAULT_WIDTH = 100;
    static final int DEFAULT_BATCH_SIZE = 64;
    static final WeightInit DEFAULT_INIT = WeightInit.XAVIER_UNIFORM;

    private static final String CHAIN_EXAMPLE = """
            {"activation": "sigmoid", "params": {}, "layers": 3, "preActivation": 0, "weight": 1,
             "vanishingThreshold": 1e-6, "explodingThreshold": 1e6}""";
    private static final String CHAIN_RESPONSE_EXAMPLE = """
            {"activation": "sigmoid", "params": {}, "layers": 3, "vanishingThreshold": 1.0E-6,
             "explodingThreshold": 1000000.0,
             "perLayer": [
               {"layer": 1, "localDerivative": 0.25, "gradient": 0.015625, "log10Gradient": -1.806179973983887},
               {"layer": 2, "localDerivative": 0.25, "gradient": 0.0625, "log10Gradient": -1.2041199826559248},
               {"layer": 3, "localDerivative": 0.25, "gradient": 0.25, "log10Gradient": -0.6020599913279624}],
             "inputGradient": 0.015625, "log10InputGradient": -1.806179973983887,
             "vanishedAfterLayers": null, "explodedAfterLayers": null}""";
    private static final String SIMULATE_EXAMPLE = """
            {"activation": "sigmoid", "params": {}, "layers": 2, "width": 100, "batchSize": 64,
             "init": "xavier_uniform", "initStd": 1.0, "seed": 42}""";
    private static final String SIMULATE_RESPONSE_EXAMPLE = """
            {"activation": "sigmoid", "params": {}, "layers": 2, "width": 100, "batchSize": 64,
             "init": "xavier_uniform", "initStd": 1.0, "seed": 42,
             "perLayer": [
               {"layer": 1, "activationMean": 0.49918277271835826, "activationStd": 0.2076393651804114,
                "saturatedFraction": 0.0, "deadFraction": 0.0,
                "activationGradientRms": 0.2317378243013389, "log10ActivationGradientRms": -0.6350030747785166,
                "weightGradientRms": 0.39524000471980325, "log10WeightGradientRms": -0.403139104191257},
               {"layer": 2, "activationMean": 0.5081744718386475, "activationStd": 0.1293942121930196,
                "saturatedFraction": 0.0, "deadFraction": 0.0,
                "activationGradientRms": 0.9980089227420502, "log10ActivationGradientRms": -8.655758666238356E-4,
                "weightGradientRms": 1.0071426977526983, "log10WeightGradientRms": 0.0030910082458079913}]}""";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    GradientController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(summary = "Backward pass through a scalar chain of N layers",
            description = """
                    Layer k computes f at pre-activation z_k with weight w_k; layer 1 is next to the input, \
                    layer N next to the output, and perLayer runs from 1 to N. The gradient reaching layer k \
                    from an upstream gradient of 1 is g_k = Π_{i=k..N} w_i·f'(z_i) (sigmoid at z = 0: \
                    0.25^(N−k+1)); localDerivative is f'(z_k) without the weight. log10Gradient is summed in \
                    log space from each factor, so it stays exact where the gradient underflows to 0 \
                    (0.25^600 is 0 in double, its log10 −361.23…) or overflows (then gradient is null), and \
                    where f'(z) itself underflows (log10 σ'(−800) = −347.43…); it is null from the first \
                    factor that is exactly 0 down (a dead ReLU, a zero weight). vanishedAfterLayers and \
                    explodedAfterLayers count the layers back from the output after which |g| first falls \
                    below vanishingThreshold or rises above explodingThreshold (null if never). Give z and w \
                    either as scalars (preActivation, default 0; weight, default 1) or as per-layer arrays of \
                    length layers (preActivations, weights), not both. 1 ≤ layers ≤ 10000, else 400; \
                    vector-valued activations (softmax, log_softmax) answer 422.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChainRequest.class),
                    examples = {
                            @ExampleObject(name = "sigmoid", summary = "Sigmoid at z = 0 over 3 layers",
                                    value = CHAIN_EXAMPLE),
                            @ExampleObject(name = "dead relu", summary = "Per-layer arrays: a ReLU with one negative pre-activation",
                                    value = """
                                            {"activation": "relu", "layers": 4, "preActivations": [1, -0.5, 2, 1],
                                             "weights": [1, 2, 0.5, 1.5]}"""),
                            @ExampleObject(name = "underflow", summary = "Sigmoid over 600 layers: 0 in double, log10 exact",
                                    value = """
                                            {"activation": "sigmoid", "layers": 600}""")})),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The gradient at every layer",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = ChainResponse.class),
                                    examples = @ExampleObject(value = CHAIN_RESPONSE_EXAMPLE))),
                    @ApiResponse(responseCode = "400", description = "A missing, malformed or out-of-range field",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "A vector-valued activation",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping(path = "/chain", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChainResponse chain(@RequestBody ChainRequest request) {
        BoundActivation bound = scalarActivation(request.activation(), request.params());
        int layers = chainLayers(request);
        double[] preActivations = perLayer(request.preActivation(), "preActivation", request.preActivations(),
                "preActivations", layers, 0.0);
        double[] weights = perLayer(request.weight(), "weight", request.weights(), "weights", layers, 1.0);
        double vanishing = threshold(request.vanishingThreshold(), "vanishingThreshold",
                GradientChain.DEFAULT_VANISHING_THRESHOLD);
        double exploding = threshold(request.explodingThreshold(), "explodingThreshold",
                GradientChain.DEFAULT_EXPLODING_THRESHOLD);

        ChainResult result;
        try {
            result = GradientChain.backward(bound.function(), preActivations, weights, vanishing, exploding);
        } catch (NonFiniteDerivativeException e) {
            String field = request.preActivations() != null ? "preActivations[" + (e.layer() - 1) + "]" : "preActivation";
            throw RequestException.unprocessable(field, e.getMessage());
        }
        return new ChainResponse(bound.activation().name(), bound.parameters().asMap(), layers, vanishing, exploding,
                result.perLayer(), result.inputGradient(), result.log10InputGradient(),
                result.vanishedAfterLayers(), result.explodedAfterLayers());
    }

    @Operation(summary = "Seeded Monte-Carlo deep network: saturation and gradient decay per layer",
            description = """
                    After Glorot & Bengio (2010): a fully connected network of `layers` layers of `width` units \
                    (weights width × width, out × in as nn.Linear; biases 0), a batch of `batchSize` \
                    standard-normal inputs, one forward pass and one backward pass from a standard-normal \
                    upstream gradient ∂L/∂h_L. Per layer ℓ (1 = next to the input): activationMean and \
                    activationStd of h_ℓ (population std), saturatedFraction (units with |f'(z)| below 1 % of \
                    the function's largest |f'|, or of 1 where |f'| is unbounded as for celu with a negative \
                    alpha; dead units included), deadFraction (f'(z) exactly 0, as a \
                    ReLU at z ≤ 0; an f' that only underflows in double is not 0), activationGradientRms (RMS \
                    of ∂L/∂h_ℓ) and weightGradientRms (RMS of ∂L/∂W_ℓ, summed over the batch), each also as \
                    log10 (null where the RMS is exactly 0). init: normal (std initStd), uniform \
                    (±1/√fan_in, PyTorch's nn.Linear default and Glorot & Bengio's baseline), xavier_uniform \
                    (±√(6/(fan_in+fan_out))), xavier_normal (std √(2/(fan_in+fan_out))), he_uniform \
                    (±√(6/fan_in)), he_normal (std √(2/fan_in)), lecun_normal (std √(1/fan_in)); glorot_* and \
                    kaiming_* are accepted as aliases. One SplitMix64 generator seeded by `seed` draws the \
                    inputs, then the weights of layers 1 … L, then the upstream gradient; the seed is echoed, \
                    and chosen when omitted (below 2^53, so that it survives a JSON double). The same request \
                    gives the same response, byte for byte. Defaults: layers 10, width 100, batchSize 64, \
                    init xavier_uniform, initStd 1. layers · width² · batchSize beyond the configured work \
                    budget (default 2·10^9), or more memory than the configured number of doubles (default \
                    16·10^6: (layers+1)·width² + (2·layers+4)·batchSize·width), answers 413 before any work \
                    starts. Vector-valued activations (softmax, log_softmax) answer 422: they couple the units \
                    of a layer, so the per-unit saturation and dead-unit statistics are not defined for them.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SimulateRequest.class),
                    examples = {
                            @ExampleObject(name = "sigmoid", summary = "Sigmoid, Xavier uniform, 2 layers",
                                    value = SIMULATE_EXAMPLE),
                            @ExampleObject(name = "glorot baseline", summary = "Sigmoid with the ±1/√fan_in baseline, 10 layers",
                                    value = """
                                            {"activation": "sigmoid", "layers": 10, "width": 100, "batchSize": 64,
                                             "init": "uniform", "seed": 7}"""),
                            @ExampleObject(name = "relu he", summary = "ReLU with He normal init, 20 layers",
                                    value = """
                                            {"activation": "relu", "layers": 20, "width": 100, "batchSize": 64,
                                             "init": "he_normal", "seed": 7}""")})),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The statistics of every layer",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = SimulateResponse.class),
                                    examples = @ExampleObject(value = SIMULATE_RESPONSE_EXAMPLE))),
                    @ApiResponse(responseCode = "400", description = "A missing, malformed or out-of-range field",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "413", description = "Beyond the work or memory budget",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "A vector-valued activation, or statistics that overflow",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping(path = "/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    SimulateResponse simulate(@RequestBody SimulateRequest request) {
        BoundActivation bound = scalarActivation(request.activation(), request.params());
        int layers = atLeastOne(request.layers(), "layers", DEFAULT_SIMULATION_LAYERS);
        int width = atLeastOne(request.width(), "width", DEFAULT_WIDTH);
        int batchSize = atLeastOne(request.batchSize(), "batchSize", DEFAULT_BATCH_SIZE);
        WeightInit init = request.init() == null ? DEFAULT_INIT : WeightInit.find(request.init()).orElseThrow(() ->
                RequestException.invalid("init", "Unknown init '" + ClientText.shorten(request.init()) + "'; valid: "
                        + String.join(", ", WeightInit.ids()) + ".").with("validInits", WeightInit.ids()));
        double initStd = request.initStd() == null ? 1.0 : positive(request.initStd(), "initStd");
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 53);

        long work = DeepNetworkSimulation.work(layers, width, batchSize);
        if (work > limits.maxSimulationWork()) {
            throw RequestException.tooLarge(costliestField(layers, width, batchSize, DeepNetworkSimulation::work),
                    "layers · width² · batchSize = " + layers + " · " + width + "² · " + batchSize + " = " + work
                    + " exceeds the work budget of " + limits.maxSimulationWork()
                    + "; use fewer layers, a smaller width or a smaller batch.");
        }
        long numbers = DeepNetworkSimulation.numbersHeld(layers, width, batchSize);
        if (numbers > limits.maxSimulationNumbers()) {
            throw RequestException.tooLarge(costliestField(layers, width, batchSize, DeepNetworkSimulation::numbersHeld),
                    "This network would hold " + numbers + " numbers in memory ((layers+1)·width² + "
                    + "(2·layers+4)·batchSize·width); the limit is " + limits.maxSimulationNumbers() + ".");
        }
        SimulationResult result;
        try {
            result = DeepNetworkSimulation.run(bound.function(),
                    new SimulationSetup(layers, width, batchSize, init, initStd, seed));
        } catch (SimulationOverflowException e) {
            throw RequestException.unprocessable("perLayer[" + (e.layer() - 1) + "]", e.getMessage());
        }
        return new SimulateResponse(bound.activation().name(), bound.parameters().asMap(), layers, width, batchSize,
                init.id(), initStd, seed, result.perLayer());
    }

    /** The scalar activation named in the body: 400 if missing or unknown, 422 if vector-valued. */
    private BoundActivation scalarActivation(String name, java.util.Map<String, Double> params) {
        if (name == null) {
            throw RequestException.invalid("activation", "'activation' is required: the name of a scalar activation.")
                    .with("validNames", registry.names());
        }
        return ActivationLookup.scalar(registry, name, params, "");
    }

    /** A cost of a simulation of the given layers, width and batch size. */
    @FunctionalInterface
    private interface SimulationCost {
        long of(long layers, long width, long batchSize);
    }

    /**
     * The field a 413 names when a simulation is beyond a budget: of layers, width and batchSize, the one
     * whose reset to its default would shrink the cost most, i.e. the one raised furthest (the first of
     * them on a tie).
     */
    private static String costliestField(int layers, int width, int batchSize, SimulationCost cost) {
        long withDefaultLayers = cost.of(DEFAULT_SIMULATION_LAYERS, width, batchSize);
        long withDefaultWidth = cost.of(layers, DEFAULT_WIDTH, batchSize);
        long withDefaultBatch = cost.of(layers, width, DEFAULT_BATCH_SIZE);
        if (withDefaultLayers <= withDefaultWidth && withDefaultLayers <= withDefaultBatch) {
            return "layers";
        }
        return withDefaultWidth <= withDefaultBatch ? "width" : "batchSize";
    }

    /** N from {@code layers}, or from the length of a per-layer array when {@code layers} is omitted. */
    private int chainLayers(ChainRequest request) {
        int max = limits.maxChainLayers();
        if (request.layers() != null) {
            int layers = request.layers();
            if (layers < 1 || layers > max) {
                throw RequestException.invalid("layers", "'layers' must be between 1 and " + max + "; got " + layers + ".");
            }
            return layers;
        }
        String field = request.preActivations() != null ? "preActivations" : request.weights() != null ? "weights" : null;
        if (field == null) {
            throw RequestException.invalid("layers", "'layers' is required (1 to " + max
                    + ") unless preActivations or weights gives one value per layer.");
        }
        int length = request.preActivations() != null ? request.preActivations().length : request.weights().length;
        if (length < 1 || length > max) {
            throw RequestException.invalid(field, "'" + field + "' must hold 1 to " + max + " numbers, one per layer; got "
                    + length + ".");
        }
        return length;
    }

    /** The per-layer values of z or w: the array, the scalar repeated, or the default repeated. */
    private static double[] perLayer(Double scalar, String scalarField, double[] array, String arrayField, int layers,
            double defaultValue) {
        if (array != null) {
            if (scalar != null) {
                throw RequestException.invalid(arrayField, "Give either '" + scalarField + "' (one value for every layer) "
                        + "or '" + arrayField + "' (one per layer), not both.");
            }
            if (array.length != layers) {
                throw RequestException.invalid(arrayField, "'" + arrayField + "' has " + array.length
                        + " numbers, but layers is " + layers + ": give one per layer.");
            }
            RequestChecks.requireFinite(array, arrayField);
            return array;
        }
        double value = scalar == null ? defaultValue : RequestChecks.finite(scalar, scalarField);
        double[] values = new double[layers];
        Arrays.fill(values, value);
        return values;
    }

    private static double threshold(Double value, String field, double defaultValue) {
        return value == null ? defaultValue : positive(value, field);
    }

    private static double positive(double value, String field) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw RequestException.invalid(field, "'" + field + "' must be a finite number > 0; got " + value + ".");
        }
        return value;
    }

    private static int atLeastOne(Integer value, String field, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw RequestException.invalid(field, "'" + field + "' must be at least 1; got " + value + ".");
        }
        return value;
    }
}
