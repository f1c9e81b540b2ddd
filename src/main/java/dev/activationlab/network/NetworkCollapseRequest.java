package dev.activationlab.network;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/v1/networks/collapse}.
 *
 * @param layers the layers, from the input side, each with activation {@code linear} (or {@code identity})
 */
public record NetworkCollapseRequest(
        @Schema(description = "Layers from the input side, every one linear (or identity).",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<NetworkLayer> layers) {
}
