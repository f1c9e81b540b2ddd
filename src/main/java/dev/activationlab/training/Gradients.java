package dev.activationlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradients of a loss with respect to every parameter and input of a network, as
 * {@code loss.backward()} leaves them in PyTorch.
 *
 * @param layers         per layer, from the input side
 * @param inputGradients ∂L/∂inputs, n × in
 */
public record Gradients(List<Layer> layers, double[][] inputGradients) {

    /**
     * @param weightGradients ∂L/∂W, out × in
     * @param biasGradients   ∂L/∂b, length out
     * @param slopeGradient   ∂L/∂alpha of a prelu layer, summed over its units and rows; null otherwise
     */
    public record Layer(double[][] weightGradients, double[] biasGradients, Double slopeGradient) {
    }

    /** The gradients in the order of the network's trainable arrays: rows of W, b, alpha, per layer. */
    List<double[]> flatten() {
        List<double[]> arrays = new ArrayList<>();
        for (Layer layer : layers) {
            for (double[] row : layer.weightGradients()) {
                arrays.add(row);
            }
            arrays.add(layer.biasGradients());
            if (layer.slopeGradient() != null) {
                arrays.add(new double[] {layer.slopeGradient()});
            }
        }
        return arrays;
    }
}
