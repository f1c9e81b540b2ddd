package dev.activationlab.training;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.plot.ChartRenderer;
import dev.activationlab.plot.ChartText;
import dev.activationlab.plot.Charts;
import dev.activationlab.plot.DecisionBoundaryChart;
import dev.activationlab.network.NetworkShapes;
import dev.activationlab.plot.PlotImage;
import dev.activationlab.http.RequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The decision boundary of a trained two-input network, drawn over its samples. */
@Tag(name = "Training")
@RestController
class DecisionBoundaryController {

    static final int MAX_RESOLUTION = 400;

    static final String EXAMPLE = """
            {"layers": [{"weights": [[-3.2947339998427814, -2.3418681620189927], [2.91758230980625, -4.128667384150664], \
            [-2.629098464942347, 1.9055481798324978], [-4.1215381335297, 3.108218497147487]], "biases": \
            [0.5471848171591409, -0.9453650691532122, -1.0031226570945688, -1.5403080387462444], "activation": "tanh"}, \
            {"weights": [[-3.3353588155640743, 4.250107952740604, 1.8374419903382653, 3.632718544526306]], "biases": \
            [2.023240045044717]}], "inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]], \
            "loss": "bce_with_logits", "resolution": 100, "format": "svg"}""";

    private final TrainingRequests requests;
    private final LimitsProperties limits;
    private final ChartRenderer renderer;

    DecisionBoundaryController(ActivationRegistry registry, LimitsProperties limits, ChartRenderer renderer) {
        this.requests = new TrainingRequests(registry, limits);
        this.limits = limits;
        this.renderer = renderer;
    }

    @Operation(operationId = "plotDecisionBoundary",
            summary = "Draw the decision boundary of a two-input network",
            description = """
                    The plane around the samples (their range plus a tenth on each side) is cut into resolution × \
                    resolution cells, each coloured by the network's output at its centre: for bce_with_logits and \
                    cross_entropy the probability of class 1 (σ(y₁), or softmax(y)₂), from class 0's colour through \
                    white at 0.5 to class 1's, so the boundary is where the colours meet; for mse (the default) the \
                    first output's value on the same scale from 0 to 1. The samples are drawn over it by class \
                    (t ≥ 0.5 for a single target column, else the argmax). The XOR network of the example is the \
                    one /networks/train learns in its XOR example. Work (resolution² · Σ out·in) is bounded by \
                    activation-lab.limits.max-network-work.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "xor", summary = "The 2-4-1 tanh network that learned XOR",
                            value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The picture", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @PostMapping(path = "/api/v1/networks/decision-boundary/plot", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> plot(@RequestBody DecisionBoundaryRequest request,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        PlotImage image = PlotImage.of(request.format(), accept, request.width() == null ? 600 : request.width(),
                request.height() == null ? 600 : request.height(), limits.maxPlotPixels());
        int width = NetworkShapes.inputRows(request.inputs(), "inputs", 2, "a decision boundary is drawn in a plane",
                limits);
        TrainableNetwork network = requests.network(request.layers(), width);
        int outputs = network.layers().get(network.layers().size() - 1).outputCount();
        Loss loss = request.loss() == null ? Loss.MSE : requests.loss(request.loss());
        double[][] targets = requests.targets(request.targets(), request.inputs().length, outputs, loss);
        int resolution = request.resolution() == null ? 100 : request.resolution();
        if (resolution < 2 || resolution > MAX_RESOLUTION) {
            throw RequestException.invalid("resolution", "'resolution' must be from 2 to " + MAX_RESOLUTION + ", not "
                    + resolution + ".");
        }
        long work = (long) resolution * resolution * network.multiplyAddsPerRow();
        if (work > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("resolution", "The plane takes " + work + " multiply-adds (resolution² · "
                    + "Σ out·in); the limit is " + limits.maxNetworkWork() + ".");
        }

        double[][] inputs = request.inputs();
        double[] xs = grid(inputs, 0, resolution);
        double[] ys = grid(inputs, 1, resolution);
        double[][] cells = new double[resolution * resolution][];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                cells[j * resolution + i] = new double[] {xs[i], ys[j]};
            }
        }
        double[][] outputsAtCells = network.forward(cells).networkOutputs();
        double[][] values = new double[resolution][resolution];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                double[] y = outputsAtCells[j * resolution + i];
                values[j][i] = loss.classOneProbability(y);
            }
        }
        int[] classes = new int[inputs.length];
        for (int r = 0; r < inputs.length; r++) {
            classes[r] = sampleClass(targets[r]);
        }
        String reading = loss == Loss.MSE ? "the first output" : "the probability of class 1";
        ChartText text = new ChartText("Decision boundary", List.of("colour: " + reading + ", from 0 to 1; "
                + inputs.length + " samples"), "x1", "x2");
        return image.respond(renderer, DecisionBoundaryChart.draw(text, xs, ys, values, 0.0, 1.0, inputs, classes),
                "decision-boundary");
    }

    private static int sampleClass(double[] target) {
        if (target.length == 1) {
            return target[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < target.length; c++) {
            if (target[c] > target[best]) {
                best = c;
            }
        }
        return best == 0 ? 0 : 1;
    }

    /**
     * Cell centres across the samples' range of one coordinate, widened by a tenth on each side. A
     * range too narrow for cells that differ in double precision (one point, or points within about
     * a billionth of their size, or within 2^-900) is drawn in a window a fifth of max(1, |coordinate|)
     * wide around it.
     *
     * @throws RequestException 400 at {@code inputs} for a coordinate beyond {@link Charts#MAX_SPAN}
     *                          / 2 in magnitude, whose widened grid would overflow
     */
    private static double[] grid(double[][] inputs, int column, int resolution) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : inputs) {
            low = Math.min(low, row[column]);
            high = Math.max(high, row[column]);
        }
        double magnitude = Math.max(Math.abs(low), Math.abs(high));
        if (!(magnitude <= Charts.MAX_SPAN / 2)) {
            throw RequestException.invalid("inputs", "The samples' x" + (column + 1) + " reaches " + magnitude
                    + "; a decision boundary can be drawn for coordinates up to " + Charts.MAX_SPAN / 2
                    + " in magnitude.");
        }
        double span = high - low;
        if (!(span > magnitude * 0x1p-30 && span > 0x1p-900)) {
            span = Math.max(1.0, magnitude);
        }
        low -= span / 10;
        high += span / 10;
        double step = (high - low) / resolution;
        double[] centres = new double[resolution];
        for (int i = 0; i < resolution; i++) {
            centres[i] = low + (i + 0.5) * step;
        }
        return centres;
    }
}
