package dev.activationlab.network;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/perceptron/train}.
 *
 * @param inputs         m ≥ 1 samples of n inputs
 * @param targets        m targets, each 0 or 1
 * @param learningRate   η &gt; 0; 1 if omitted
 * @param maxEpochs      1 … 10000 (configurable); 1000 if omitted
 * @param initialWeights w before training, length n; zeros if omitted
 * @param initialBias    b before training; 0 if omitted
 * @param shuffle        visit the samples in a fresh seeded order each epoch; false if omitted
 * @param seed           seed of that order; chosen and echoed when shuffling without one
 */
public record PerceptronTrainRequest(
        @Schema(description = "Samples, each with the same number of inputs.",
                example = "[[0, 0], [0, 1], [1, 0], [1, 1]]", requiredMode = Schema.RequiredMode.REQUIRED)
        double[][] inputs,
        @Schema(description = "Target class of each sample: 0 or 1.", example = "[0, 0, 0, 1]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[] targets,
        @Schema(description = "Learning rate η > 0 (scikit-learn's Perceptron eta0).", example = "0.1",
                defaultValue = "1")
        Double learningRate,
        @Schema(description = "Largest number of passes over the data, 1 to ${activation-lab.limits.max-epochs}.", example = "100",
                defaultValue = "1000")
        Integer maxEpochs,
        @Schema(description = "Weights before training, one per input; zeros if omitted.", example = "[0, 0]")
        double[] initialWeights,
        @Schema(description = "Bias before training.", example = "0", defaultValue = "0")
        Double initialBias,
        @Schema(description = "Visit the samples in a new random order each epoch (Fisher–Yates with "
                + "java.util.Random seeded by seed); otherwise in the order given.", example = "false",
                defaultValue = "false")
        Boolean shuffle,
        @Schema(description = "Seed of the order when shuffle is true (the same seed gives the same training); "
                + "ignored otherwise. Chosen and echoed when shuffle is true and it is omitted.", example = "42")
        Long seed) {
}
