package dev.activationlab.training;

import dev.activationlab.network.NetworkLayer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A network, a batch and its targets, for one backward pass.
 *
 * @param inputs  n × d input rows
 * @param targets n × k target rows, k the last layer's width
 * @param layers  the network, in the form of {@code /networks/forward}
 * @param loss    {@code mse}, {@code bce_with_logits} or {@code cross_entropy}
 */
public record BackwardRequest(
        @Schema(description = "Input rows, n × d", example = "[[0, 0], [0, 1], [1, 0], [1, 1]]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] inputs,
        @Schema(description = "Target rows, n × k (k = the last layer's width)", example = "[[0], [1], [1], [0]]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] targets,
        @Schema(description = "The network, as /networks/forward takes it; any catalogue activation, softmax and "
                + "log_softmax acting on each row", requiredMode = Schema.RequiredMode.REQUIRED)
        List<NetworkLayer> layers,
        @Schema(description = "mse, bce_with_logits or cross_entropy (mean reduction)", example = "mse",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String loss) {
}
