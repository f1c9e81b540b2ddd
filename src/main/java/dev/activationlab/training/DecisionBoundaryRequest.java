package dev.activationlab.training;

import dev.activationlab.network.NetworkLayer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A two-input network and its samples, to draw its decision boundary.
 *
 * @param layers     the network (two inputs), as {@code /networks/forward} takes it
 * @param inputs     the samples, n × 2
 * @param targets    their targets, n × k (class: t ≥ 0.5 for one column, else the argmax)
 * @param loss       how to read the output: {@code bce_with_logits} or {@code cross_entropy} (the
 *                   probability of class 1), {@code mse} or absent (the first output's value)
 * @param resolution grid cells per side, 2 … 400, default 100
 * @param format     svg (default) or png; the Accept header chooses too
 * @param width      pixels, default 600
 * @param height     pixels, default 600
 */
public record DecisionBoundaryRequest(
        @Schema(description = "A network of two inputs", requiredMode = Schema.RequiredMode.REQUIRED)
        List<NetworkLayer> layers,
        @Schema(description = "Samples, n × 2", example = "[[0, 0], [0, 1], [1, 0], [1, 1]]",
                requiredMode = Schema.RequiredMode.REQUIRED) double[][] inputs,
        @Schema(description = "Targets, n × k", example = "[[0], [1], [1], [0]]",
                requiredMode = Schema.RequiredMode.REQUIRED) double[][] targets,
        @Schema(description = "bce_with_logits, cross_entropy or mse (default)", example = "bce_with_logits")
        String loss,
        @Schema(description = "Grid cells per side, 2 to 400", example = "100", defaultValue = "100")
        Integer resolution,
        @Schema(description = "svg or png", example = "svg", defaultValue = "svg") String format,
        @Schema(description = "Width in pixels", example = "600", defaultValue = "600") Integer width,
        @Schema(description = "Height in pixels", example = "600", defaultValue = "600") Integer height) {
}
