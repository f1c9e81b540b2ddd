package dev.activationlab.network;

/**
 * How a perceptron is trained.
 *
 * @param learningRate   η &gt; 0, finite
 * @param maxEpochs      passes over the data at most, ≥ 1
 * @param initialWeights w before the first update, length n (one per input)
 * @param initialBias    b before the first update
 * @param shuffle        whether each epoch visits the samples in a fresh random order; if false,
 *                       in the order given
 * @param seed           seed of that order; unused when {@code shuffle} is false
 */
public record TrainingSettings(double learningRate, int maxEpochs, double[] initialWeights, double initialBias,
                               boolean shuffle, long seed) {
}
