package dev.activationlab.network;

/**
 * The single linear layer equal to a stack of linear layers.
 *
 * @param weights W = c_L W_L ⋯ c_1 W_1, out_L × in_1
 * @param biases  b, length out_L
 */
public record NetworkCollapseResponse(double[][] weights, double[] biases) {
}
