package dev.activationlab.network;

/**
 * An affine map x ↦ W·x + b with no activation (PyTorch's {@code nn.Linear}).
 *
 * @param weights W, out × in, row j the weights into output j
 * @param biases  b, length out
 */
public record LinearLayer(double[][] weights, double[] biases) {
}
