package dev.activationlab.network;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/perceptron/run}.
 *
 * @param weights    w, one per input (n ≥ 1)
 * @param bias       b
 * @param inputs     m ≥ 1 rows of n inputs
 * @param activation scalar activation of the catalogue; {@code step} if omitted
 * @param params     its parameters by name; omitted ones take their defaults
 */
public record PerceptronRunRequest(
        @Schema(description = "Weights w, one per input.", example = "[0.5, 0.5]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[] weights,
        @Schema(description = "Bias b, added to the weighted sum.", example = "-0.7",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Double bias,
        @Schema(description = "Input rows, each with as many entries as weights.",
                example = "[[0, 0], [0, 1], [1, 0], [1, 1]]", requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] inputs,
        @Schema(description = "A scalar activation of the catalogue (name or alias); step if omitted.",
                example = "step", defaultValue = "step")
        String activation,
        @Schema(description = "Activation parameters by name; omitted ones take their defaults.", example = "{}")
        Map<String, Double> params) {
}
