package dev.activationlab.gradient;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/gradients/simulate}.
 *
 * @param activation a scalar activation of the catalogue (name or alias)
 * @param params     its parameters; omitted ones take their defaults
 * @param layers     fully connected layers (default 10), ≥ 1
 * @param width      units per layer and input width (default 100), ≥ 1
 * @param batchSize  input vectors (default 64), ≥ 1
 * @param init       weight initialisation (default {@code xavier_uniform})
 * @param initStd    standard deviation of the {@code normal} init (default 1), finite and &gt; 0
 * @param seed       seed of the generator; chosen (and echoed) when omitted
 */
record SimulateRequest(
        @Schema(description = "Scalar activation (name or alias).", example = "sigmoid",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String activation,
        @Schema(description = "Activation parameters by name; omitted ones take their defaults.", example = "{}")
        Map<String, Double> params,
        @Schema(description = "Fully connected layers (default 10).", example = "10", minimum = "1")
        Integer layers,
        @Schema(description = "Units per layer, also the input width (default 100).", example = "100", minimum = "1")
        Integer width,
        @Schema(description = "Input vectors pushed through together (default 64).", example = "64", minimum = "1")
        Integer batchSize,
        @Schema(description = "Weight initialisation (default xavier_uniform).", example = "xavier_uniform",
                allowableValues = {"normal", "uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal",
                        "lecun_normal"})
        String init,
        @Schema(description = "Standard deviation of the normal init (default 1); finite, > 0.", example = "1.0")
        Double initStd,
        @Schema(description = "Seed of the generator; chosen and echoed when omitted.", example = "42")
        Long seed) {
}
