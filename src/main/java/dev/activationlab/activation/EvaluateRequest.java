package dev.activationlab.activation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Body of evaluate and derivative.
 *
 * @param x      pre-activations, 1 to the configured limit (default 1,000,000) finite numbers: one
 *               vector, or a batch of rows of one length
 * @param params activation parameters by name; omitted ones take their defaults
 * @param dtype  float64 (default, when null), float32, float16 or bfloat16
 */
public record EvaluateRequest(
        @Schema(description = "Pre-activations: finite numbers, at least one. Or a batch: rows of one length "
                + "([[1, 2], [3, 4]], a tensor of shape rows × n), each answered as its own vector.",
                example = "[-2, -0.5, 0, 0.5, 2]", requiredMode = Schema.RequiredMode.REQUIRED)
        PreActivations x,
        @Schema(description = "Parameters by name (see the catalogue); omitted ones take their defaults.",
                example = "{\"alpha\": 0.1}")
        Map<String, Double> params,
        @Schema(description = DtypeParameter.DESCRIPTION, example = "float64",
                allowableValues = {"float64", "float32", "float16", "bfloat16"})
        String dtype) {
}
