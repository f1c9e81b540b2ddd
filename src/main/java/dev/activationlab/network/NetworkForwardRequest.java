package dev.activationlab.network;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/v1/networks/forward}.
 *
 * @param inputs m ≥ 1 rows of the first layer's fan-in
 * @param layers the layers, from the input side
 */
public record NetworkForwardRequest(
        @Schema(description = "Input rows, each as wide as the first layer's weight rows.",
                example = "[[0, 0], [0, 1], [1, 0], [1, 1]]", requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] inputs,
        @Schema(description = "Layers from the input side; each layer's in equals the previous layer's out.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<NetworkLayer> layers) {
}
