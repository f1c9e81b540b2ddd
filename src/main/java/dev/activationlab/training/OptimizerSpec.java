package dev.activationlab.training;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optimizer of {@code /networks/train}; absent fields take PyTorch's defaults.
 *
 * @param name         {@code sgd} or {@code adam}
 * @param learningRate ≥ 0; 0.01 for sgd, 0.001 for adam
 * @param momentum     sgd only, ≥ 0, default 0
 * @param nesterov     sgd only, default false; needs momentum &gt; 0
 * @param weightDecay  ≥ 0, default 0
 * @param betas        adam only, two numbers in [0, 1), default [0.9, 0.999]
 * @param epsilon      adam only, ≥ 0, default 1e-8
 */
@Schema(description = "torch.optim.SGD (dampening 0) or torch.optim.Adam, with PyTorch's defaults.")
public record OptimizerSpec(
        @Schema(description = "sgd or adam", example = "sgd", defaultValue = "sgd") String name,
        @Schema(description = "Learning rate ≥ 0 (default 0.01 for sgd, 0.001 for adam)", example = "0.1")
        Double learningRate,
        // No schema default for the settings of sgd alone: generated clients send a schema's default,
        // and adam refuses momentum and nesterov.
        @Schema(description = "sgd only: momentum ≥ 0 (default 0)", example = "0") Double momentum,
        @Schema(description = "sgd only: Nesterov momentum, which needs momentum > 0 (default false)",
                example = "false") Boolean nesterov,
        @Schema(description = "L2 penalty ≥ 0 added to the gradient", example = "0", defaultValue = "0")
        Double weightDecay,
        @Schema(description = "adam: [β1, β2], each in [0, 1)", example = "[0.9, 0.999]") double[] betas,
        @Schema(description = "adam: ε ≥ 0", example = "1e-8") Double epsilon) {
}
