package dev.activationlab.dataset;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A toy dataset named in a request body ({@code "dataset"} of {@code /networks/train}), with the
 * query parameters of {@code GET /datasets/{name}} as fields; absent fields take the same defaults.
 *
 * @param name         a dataset of the catalogue
 * @param samples      1 … 10000, default 200
 * @param noise        0 … 1, default 0
 * @param seed         default 1
 * @param testFraction 0 ≤ f &lt; 1, default 0: the last ⌊samples·f⌋ samples are held back
 */
@Schema(description = "A seeded toy dataset of GET /api/v1/datasets/{name}, by its name and query parameters.")
public record DatasetSpec(
        @Schema(description = "A dataset of the catalogue", example = "xor", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "Number of samples, 1 to 10000 (the gate tables always have 4)", example = "200",
                defaultValue = "200")
        Integer samples,
        @Schema(description = "Gaussian jitter as a share of the problem's scale, 0 to 1", example = "0.1",
                defaultValue = "0")
        Double noise,
        @Schema(description = "Seeds the generator", example = "1", defaultValue = "1")
        Long seed,
        @Schema(description = "Share of samples (the last ones) held back as a test set, 0 ≤ f < 1",
                example = "0.2", defaultValue = "0")
        Double testFraction) {
}
