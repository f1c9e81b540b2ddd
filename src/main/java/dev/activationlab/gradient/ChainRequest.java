package dev.activationlab.gradient;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/gradients/chain}. Each of the pre-activation and the weight is given
 * either as one scalar for every layer or as a per-layer array of length {@code layers}, not both.
 *
 * @param activation         a scalar activation of the catalogue (name or alias)
 * @param params             its parameters; omitted ones take their defaults
 * @param layers             N, 1 to the configured limit (default 10,000); may be omitted when an array is given
 * @param preActivation      z for every layer (default 0)
 * @param weight             w for every layer (default 1)
 * @param preActivations     z_1 … z_N instead of {@code preActivation}
 * @param weights            w_1 … w_N instead of {@code weight}
 * @param vanishingThreshold |g| below it has vanished (default 1e-6), finite and &gt; 0
 * @param explodingThreshold |g| above it has exploded (default 1e6), finite and &gt; 0
 */
record ChainRequest(
        @Schema(description = "Scalar activation (name or alias).", example = "sigmoid",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String activation,
        @Schema(description = "Activation parameters by name; omitted ones take their defaults.", example = "{}")
        Map<String, Double> params,
        @Schema(description = "Number of layers N, 1 to ${activation-lab.limits.max-chain-layers}. May be omitted when preActivations or weights is given.",
                example = "20", minimum = "1")
        Integer layers,
        @Schema(description = "Pre-activation z of every layer (default 0). Not together with preActivations.",
                example = "0")
        Double preActivation,
        @Schema(description = "Weight w of every layer (default 1). Not together with weights.", example = "1")
        Double weight,
        @Schema(description = "Per-layer pre-activations z_1 … z_N (layer 1 next to the input), instead of preActivation.")
        double[] preActivations,
        @Schema(description = "Per-layer weights w_1 … w_N, instead of weight.")
        double[] weights,
        @Schema(description = "|gradient| below this has vanished (default 1e-6); finite, > 0.", example = "1e-6")
        Double vanishingThreshold,
        @Schema(description = "|gradient| above this has exploded (default 1e6); finite, > 0.", example = "1e6")
        Double explodingThreshold) {
}
