package dev.activationlab.network;

import java.util.List;

/**
 * The forward pass of m input rows through a network.
 *
 * @param outputs the last layer's outputs, m × out_L
 * @param layers  per layer, from the input side
 */
public record ForwardPass(double[][] outputs, List<LayerPass> layers) {

    /**
     * One layer's part of the pass.
     *
     * @param weightedSums z = W·h + b per input row, m × out
     * @param outputs      f(z), m × out
     */
    public record LayerPass(double[][] weightedSums, double[][] outputs) {
    }
}
