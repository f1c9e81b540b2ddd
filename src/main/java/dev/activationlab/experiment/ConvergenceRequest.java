package dev.activationlab.experiment;

import dev.activationlab.dataset.DatasetSpec;
import dev.activationlab.training.OptimizerSpec;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The same network trained with each activation of a list over several seeds.
 *
 * @param activations 1 … max-experiment-activations contenders
 * @param dataset     the data (a toy dataset; its testFraction holds rows back)
 * @param hidden      hidden widths of every network
 * @param init        {@code auto} (default) or an init of {@code /gradients/simulate}
 * @param loss        mse, bce_with_logits or cross_entropy
 * @param optimizer   as {@code /networks/train}
 * @param epochs      per run, default 100
 * @param batchSize   per run; absent: the whole set
 * @param shuffle     per run, default false
 * @param seeds       1 … max-experiment-seeds seeds, each seeding a run's weights and its shuffle; default [1, 2, 3, 4, 5]
 * @param targetLoss  the loss a run must reach to count as converged
 */
public record ConvergenceRequest(
        // Each item is either JSON type ActivationChoice reads: a name, or {name, params}.
        @ArraySchema(arraySchema = @Schema(description = "Activations (names, or {name, params}), 1 to "
                + "${activation-lab.limits.max-experiment-activations}",
                example = "[\"sigmoid\", \"tanh\", \"relu\"]", requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(oneOf = {String.class, ActivationChoice.class}))
        List<ActivationChoice> activations,
        @Schema(description = "The toy dataset every run trains on", requiredMode = Schema.RequiredMode.REQUIRED)
        DatasetSpec dataset,
        @Schema(description = "Hidden layer widths", example = "[8, 8]", requiredMode = Schema.RequiredMode.REQUIRED)
        int[] hidden,
        @Schema(description = "auto or an init of /gradients/simulate", example = "auto", defaultValue = "auto")
        String init,
        @Schema(description = "mse, bce_with_logits or cross_entropy", example = "bce_with_logits",
                requiredMode = Schema.RequiredMode.REQUIRED) String loss,
        @Schema(description = "As /networks/train") OptimizerSpec optimizer,
        @Schema(description = "Epochs per run", example = "100", defaultValue = "100") Integer epochs,
        @Schema(description = "Rows per minibatch (default: all)", example = "10") Integer batchSize,
        @Schema(description = "Shuffle every epoch", example = "true", defaultValue = "false") Boolean shuffle,
        @Schema(description = "Seeds, 1 to ${activation-lab.limits.max-experiment-seeds}", example = "[1, 2, 3]") long[] seeds,
        @Schema(description = "The loss a run must reach", example = "0.1") Double targetLoss) {
}
