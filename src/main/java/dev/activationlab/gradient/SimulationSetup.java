package dev.activationlab.gradient;

/**
 * The network and batch of one {@link DeepNetworkSimulation}.
 *
 * @param layers    fully connected layers, ≥ 1
 * @param width     units per layer, and the width of the input, ≥ 1
 * @param batchSize input vectors pushed through together, ≥ 1
 * @param init      how the weights are drawn
 * @param initStd   standard deviation of {@link WeightInit#NORMAL}; finite, &gt; 0 (ignored by the others)
 * @param seed      seeds the one generator that draws inputs, weights and the upstream gradient
 */
public record SimulationSetup(int layers, int width, int batchSize, WeightInit init, double initStd, long seed) {

    /**
     * @throws IllegalArgumentException if a size is below 1, {@code init} is null or {@code initStd}
     *                                  is not finite and positive
     */
    public SimulationSetup {
        if (layers < 1 || width < 1 || batchSize < 1) {
            throw new IllegalArgumentException("layers, width and batchSize must be >= 1");
        }
        if (init == null) {
            throw new IllegalArgumentException("init is required");
        }
        if (!(Double.isFinite(initStd) && initStd > 0)) {
            throw new IllegalArgumentException("initStd must be finite and > 0");
        }
    }
}
