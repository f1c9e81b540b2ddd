package dev.activationlab.network;

import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.LimitsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Multi-layer networks: the forward pass, and the collapse of a linear stack into one layer. */
@Tag(name = "Networks", description = "Fully connected feed-forward networks")
@RestController
@RequestMapping(path = "/api/v1/networks", produces = MediaType.APPLICATION_JSON_VALUE)
class NetworkController {

    private static final String XOR_EXAMPLE = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "layers": [\
            {"weights": [[-0.5, -0.5], [0.5, 0.5]], "biases": [0.7, -0.2], "activation": "step"}, \
            {"weights": [[0.5, 0.5]], "biases": [-0.7], "activation": "step"}]}""";
    private static final String RELU_SIGMOID_EXAMPLE = """
            {"inputs": [[1.0, -2.0, 0.5]], "layers": [\
            {"weights": [[0.2, -0.4, 1.0], [-0.5, 0.3, 0.8]], "biases": [0.1, -0.1], "activation": "relu"}, \
            {"weights": [[1.5, -1.0]], "biases": [0.0], "activation": "sigmoid"}]}""";
    private static final String XOR_RESPONSE = """
            {"outputs": [[0.0], [1.0], [1.0], [0.0]], "layers": [{"activation": "step", "params": {}, \
            "weightedSums": [[0.7, -0.2], [0.19999999999999996, 0.3], [0.19999999999999996, 0.3], \
            [-0.30000000000000004, 0.8]], "outputs": [[1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [0.0, 1.0]]}, \
            {"activation": "step", "params": {}, "weightedSums": [[-0.19999999999999996], [0.30000000000000004], \
            [0.30000000000000004], [-0.19999999999999996]], "outputs": [[0.0], [1.0], [1.0], [0.0]]}]}""";
    private static final String COLLAPSE_EXAMPLE = """
            {"layers": [\
            {"weights": [[1.0, 0.5], [0.5, 0.5], [0.5, 1.5]], "biases": [-2.0, 0.5, -0.5], \
            "activation": "linear", "params": {"c": 2.0}}, \
            {"weights": [[0.75, -1.75, 1.25], [1.0, 0.25, 0.75], [-0.25, 1.0, -1.75], [-0.75, -1.25, -1.5]], \
            "biases": [1.0, 2.0, 1.0, 0.0], "activation": "linear", "params": {"c": -0.5}}, \
            {"weights": [[-1.25, 1.25, -1.5, 1.75], [-0.75, 0.75, -0.75, 0.5]], "biases": [-1.5, 0.0], \
            "activation": "identity"}]}""";
    private static final String CUBE_EXAMPLE = """
            {"layers": [\
            {"weights": [[1.0]], "biases": [0.0], "activation": "linear", "params": {"c": 1.5}}, \
            {"weights": [[1.0]], "biases": [0.0], "activation": "linear", "params": {"c": 1.5}}, \
            {"weights": [[1.0]], "biases": [0.0], "activation": "linear", "params": {"c": 1.5}}]}""";
    private static final String CUBE_RESPONSE = """
            {"weights": [[3.375]], "biases": [0.0]}""";

    private static final String FORWARD_PROBLEM = """
            {"type": "urn:activation-lab:problem:invalid-request", "title": "Invalid request", "status": 400, \
            "detail": "'layers[1].weights[0]' has 3 entries but layer 0 has 2 neurons: weights are out × in, so \
            every row needs 2.", "instance": "/api/v1/networks/forward", "field": "layers[1].weights[0]"}""";
    private static final String COLLAPSE_PROBLEM = """
            {"type": "urn:activation-lab:problem:unprocessable", "title": "Result cannot be given", "status": 422, \
            "detail": "Layer 1 has the non-linear activation 'relu': only a stack whose every layer is linear (or \
            identity) collapses into one layer.", "instance": "/api/v1/networks/collapse", \
            "field": "layers[1].activation", "layer": 1}""";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    NetworkController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(operationId = "forwardNetwork",
            summary = "Forward pass of a multi-layer network",
            description = "Each layer computes z = W·h + b and f(z), W out × in with row j holding the weights "
                    + "into neuron j (PyTorch's nn.Linear.weight), each z_j summed in index order with the bias "
                    + "added last. The response carries every layer's weighted sums and outputs, one row per "
                    + "input row. A layer without an activation is linear, as a bare nn.Linear. A softmax, log_softmax, "
                    + "softmin or sparsemax layer acts on each row of its weighted sums (nn.Softmax(dim=-1) after "
                    + "the nn.Linear), so a network from /networks/train runs here as trained; a gated unit (glu, "
                    + "reglu, geglu, swiglu), which halves the width, is a 400 naming layers[k].activation. Limits: rows · "
                    + "Σ out·in multiply-adds (network work) and rows · Σ out values (vector length), else 413.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = {
                            @ExampleObject(name = "XOR", summary = "XOR: NAND and OR, then AND", value = XOR_EXAMPLE),
                            @ExampleObject(name = "relu-sigmoid", summary = "A ReLU layer, then a sigmoid unit",
                                    value = RELU_SIGMOID_EXAMPLE)
                    })))
    @ApiResponse(responseCode = "200", description = "The outputs, and every layer's weighted sums and outputs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NetworkForwardResponse.class),
                    examples = @ExampleObject(name = "XOR", value = XOR_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "A missing, non-finite or wrongly shaped field: ragged "
            + "inputs, weights whose rows do not match the width feeding the layer, biases not one per neuron, "
            + "an unknown activation or parameter",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "shapes", value = FORWARD_PROBLEM)))
    @ApiResponse(responseCode = "413", description = "More rows, layers, neurons or work than the configured limits",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A weighted sum or output beyond double precision (named)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/forward", consumes = MediaType.APPLICATION_JSON_VALUE)
    NetworkForwardResponse forward(@RequestBody NetworkForwardRequest request) {
        double[][] inputs = request.inputs();
        int width = NetworkShapes.inputRows(inputs, "inputs", -1, null, limits);
        List<DenseLayer> layers = NetworkShapes.layers(request.layers(), width, registry, limits);
        long multiplyAdds = 0;
        long values = 0;
        for (DenseLayer layer : layers) {
            multiplyAdds += (long) layer.outputCount() * layer.inputCount();
            values += layer.outputCount();
        }
        multiplyAdds *= inputs.length;
        values *= inputs.length;
        if (multiplyAdds > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("layers", "The forward pass takes " + multiplyAdds
                    + " multiply-adds (rows · Σ out·in); the limit is " + limits.maxNetworkWork() + ".");
        }
        if (values > limits.maxVectorLength()) {
            throw RequestException.tooLarge("layers", "The forward pass yields " + values
                    + " weighted sums (rows · Σ out); the limit is " + limits.maxVectorLength() + ".");
        }

        ForwardPass pass = new Network(layers).forward(inputs);
        List<NetworkForwardResponse.Layer> views = new ArrayList<>(layers.size());
        for (int k = 0; k < layers.size(); k++) {
            ForwardPass.LayerPass layerPass = pass.layers().get(k);
            RequestChecks.requireFiniteResult(layerPass.weightedSums(), "layers[" + k + "].weightedSums",
                    "weighted sum");
            RequestChecks.requireFiniteResult(layerPass.outputs(), "layers[" + k + "].outputs", "output");
            var activation = layers.get(k).activation();
            views.add(new NetworkForwardResponse.Layer(activation.activation().name(),
                    activation.parameters().asMap(), layerPass.weightedSums(), layerPass.outputs()));
        }
        return new NetworkForwardResponse(pass.outputs(), views);
    }

    @Operation(operationId = "collapseNetwork",
            summary = "Collapse a stack of linear layers into one",
            description = "Where every layer's activation is linear (c·z; identity is linear with c = 1), the "
                    + "stack computes x ↦ W·x + b with W = c_L W_L ⋯ c_1 W_1 (out_L × in_1) and the biases carried "
                    + "through, b ← c_k(W_k b + b_k): depth without a non-linearity adds nothing. Three 1 × 1 "
                    + "layers of slope c give c³. Any other activation answers 422 naming the first such layer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = {
                            @ExampleObject(name = "c-cubed", summary = "Three 1 × 1 layers of slope 1.5: 1.5³",
                                    value = CUBE_EXAMPLE),
                            @ExampleObject(name = "three-linear", summary = "2 → 3 → 4 → 2 linear layers",
                                    value = COLLAPSE_EXAMPLE)
                    })))
    @ApiResponse(responseCode = "200", description = "The single equivalent linear layer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NetworkCollapseResponse.class),
                    examples = @ExampleObject(name = "c-cubed", value = CUBE_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "A missing, non-finite or wrongly shaped field, or layer "
            + "shapes that do not chain", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "More layers, neurons or work than the configured limits",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A layer that is not linear (the first is named), or a "
            + "collapsed value beyond double precision",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "non-linear", value = COLLAPSE_PROBLEM)))
    @PostMapping(path = "/collapse", consumes = MediaType.APPLICATION_JSON_VALUE)
    NetworkCollapseResponse collapse(@RequestBody NetworkCollapseRequest request) {
        List<DenseLayer> layers = NetworkShapes.layers(request.layers(), -1, registry, limits);
        long work = LinearCollapse.work(layers);
        if (work > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("layers", "The collapse takes " + work + " multiply-adds; the limit is "
                    + limits.maxNetworkWork() + ".");
        }
        long inputWidth = layers.get(0).inputCount();
        for (int k = 0; k < layers.size(); k++) {
            long size = layers.get(k).outputCount() * inputWidth;
            if (size > limits.maxVectorLength()) {
                throw RequestException.tooLarge("layers[" + k + "]", "The product up to layer " + k + " is "
                        + layers.get(k).outputCount() + " × " + inputWidth + " = " + size + " numbers; the limit is "
                        + limits.maxVectorLength() + ".");
            }
        }

        LinearLayer collapsed;
        try {
            collapsed = LinearCollapse.collapse(layers);
        } catch (NonLinearLayerException e) {
            int k = e.layerIndex();
            throw RequestException.unprocessable("layers[" + k + "].activation", e.getMessage()).with("layer", k);
        }
        RequestChecks.requireFiniteResult(collapsed.weights(), "weights", "collapsed weight");
        RequestChecks.requireFiniteResult(collapsed.biases(), "biases", "collapsed bias");
        return new NetworkCollapseResponse(collapsed.weights(), collapsed.biases());
    }
}
