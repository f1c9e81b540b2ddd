package dev.activationlab.training;

import dev.activationlab.dataset.DatasetSpec;
import dev.activationlab.network.NetworkLayer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A training run: data (rows or a dataset), a network (layers or an architecture), a loss and an
 * optimizer, and the schedule.
 *
 * @param inputs       n × d training rows (or {@code dataset})
 * @param targets      n × k targets
 * @param dataset      a toy dataset instead of inputs and targets
 * @param layers       the initial network (or {@code architecture})
 * @param architecture builds the initial network instead
 * @param loss         mse, bce_with_logits or cross_entropy
 * @param optimizer    sgd (default) or adam
 * @param epochs       1 … the configured maximum, default 100
 * @param batchSize    1 … n; absent: the whole set, one step per epoch
 * @param shuffle      a fresh seeded order every epoch, default false
 * @param seed         seeds the shuffle (and the architecture's weights); chosen below 2^53 when absent
 * @param targetLoss   stop after the first epoch whose loss is at most this
 */
public record TrainRequest(
        @Schema(description = "Training rows, n × d (or give dataset)", example = "[[0, 0], [0, 1], [1, 0], [1, 1]]")
        double[][] inputs,
        @Schema(description = "Targets, n × k", example = "[[0], [1], [1], [0]]") double[][] targets,
        @Schema(description = "A toy dataset instead of inputs and targets") DatasetSpec dataset,
        @Schema(description = "The initial network, as /networks/forward takes it (or give architecture)")
        List<NetworkLayer> layers,
        @Schema(description = "Builds the initial network instead of layers") ArchitectureSpec architecture,
        @Schema(description = "mse, bce_with_logits or cross_entropy", example = "bce_with_logits",
                requiredMode = Schema.RequiredMode.REQUIRED) String loss,
        @Schema(description = "The optimizer (default sgd with learning rate 0.01)") OptimizerSpec optimizer,
        @Schema(description = "Epochs", example = "100", defaultValue = "100") Integer epochs,
        @Schema(description = "Rows per minibatch (default: all)", example = "4") Integer batchSize,
        @Schema(description = "Shuffle every epoch", example = "false", defaultValue = "false") Boolean shuffle,
        @Schema(description = "Seed of the shuffle and of the architecture's weights (chosen when absent)",
                example = "42") Long seed,
        @Schema(description = "Stop once the training loss is at most this", example = "0.01") Double targetLoss) {
}
