package dev.activationlab.network;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * One fully connected layer as requests and the gates describe it.
 *
 * @param weights    W, out × in: row j holds the weights into neuron j (PyTorch's {@code nn.Linear.weight})
 * @param biases     b, length out
 * @param activation scalar activation of the catalogue applied to each neuron; {@code linear} if omitted
 * @param params     its parameters by name; omitted ones take their defaults
 */
@Schema(description = "A fully connected layer y = f(W·x + b).")
public record NetworkLayer(
        @Schema(description = "Weights, out × in: row j holds the weights into neuron j, as in PyTorch's "
                + "nn.Linear.weight. in must equal the previous layer's out (for the first layer, the input width).",
                example = "[[-0.5, -0.5], [0.5, 0.5]]", requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] weights,
        @Schema(description = "Biases, one per neuron (length out).", example = "[0.7, -0.2]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[] biases,
        @Schema(description = "A scalar activation of the catalogue (name or alias); linear (no activation, as a "
                + "bare nn.Linear or a Keras Dense layer) if omitted. softmax and log_softmax are refused.",
                example = "step", defaultValue = "linear")
        String activation,
        @Schema(description = "Activation parameters by name; omitted ones take their defaults.", example = "{}")
        Map<String, Double> params) {
}
