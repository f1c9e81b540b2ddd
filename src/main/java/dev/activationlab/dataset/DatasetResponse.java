package dev.activationlab.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A drawn dataset.
 *
 * @param name         the dataset
 * @param samples      samples drawn, training and test together
 * @param noise        the jitter share
 * @param seed         the seed
 * @param testFraction the share held back
 * @param inputs       training rows, each [x1, x2]
 * @param targets      their classes, each [0] or [1]
 * @param testInputs   the held-back rows (empty when testFraction is 0)
 * @param testTargets  their classes
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetResponse(String name, int samples, double noise, long seed, double testFraction,
        double[][] inputs, double[][] targets, double[][] testInputs, double[][] testTargets) {
}
