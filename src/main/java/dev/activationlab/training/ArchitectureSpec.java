package dev.activationlab.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Builds the initial layers of {@code /networks/train} instead of giving them.
 *
 * @param hidden           widths of the hidden layers (may be empty: a single output layer)
 * @param activation       the hidden layers' activation, default tanh
 * @param params           its parameters
 * @param outputActivation the output layer's activation, default linear (logits)
 * @param init             {@code auto} (default) or an init of {@code /gradients/simulate}
 * @param initStd          standard deviation of the {@code normal} init, default 1
 * @param seed             seeds the weights' generator; default: the request's seed
 */
@Schema(description = "Hidden widths, activation and initialisation from which the initial network is drawn.")
public record ArchitectureSpec(
        @Schema(description = "Hidden layer widths", example = "[4]", requiredMode = Schema.RequiredMode.REQUIRED)
        int[] hidden,
        @Schema(description = "Activation of the hidden layers", example = "tanh", defaultValue = "tanh")
        String activation,
        @Schema(description = "Its parameters", example = "{}") Map<String, Double> params,
        @Schema(description = "Activation of the output layer", example = "linear", defaultValue = "linear")
        String outputActivation,
        @Schema(description = "auto (Xavier-uniform times PyTorch's calculate_gain for the hidden activation), "
                + "normal, uniform, xavier_uniform, xavier_normal, he_uniform, he_normal, lecun_normal",
                example = "auto", defaultValue = "auto") String init,
        @Schema(description = "Standard deviation of the normal init", example = "1.0", defaultValue = "1.0")
        Double initStd,
        @Schema(description = "Seed of the weights (default: the request's seed)", example = "7") Long seed) {
}
