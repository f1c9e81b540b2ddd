package dev.activationlab.training;

import dev.activationlab.activation.VectorActivation;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward stack of {@link TrainableLayer}s with its forward and backward pass: PyTorch's
 * {@code nn.Sequential} of {@code nn.Linear} and activation modules, in double precision.
 */
public final class TrainableNetwork {

    private final List<TrainableLayer> layers;

    /**
     * @param layers at least one; each layer's fan-in equals the previous layer's neuron count
     * @throws IllegalArgumentException if the list is empty or the shapes do not chain
     */
    public TrainableNetwork(List<TrainableLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).inputCount() != layers.get(k - 1).outputCount()) {
                throw new IllegalArgumentException("Layer " + k + " does not take layer " + (k - 1) + "'s outputs");
            }
        }
        this.layers = List.copyOf(layers);
    }

    public List<TrainableLayer> layers() {
        return layers;
    }

    /** Multiply-adds of one forward pass of one row: Σ out·in over the layers. */
    public long multiplyAddsPerRow() {
        long sum = 0;
        for (TrainableLayer layer : layers) {
            sum += (long) layer.outputCount() * layer.inputCount();
        }
        return sum;
    }

    /**
     * Multiply-adds of one row's forward and backward step, in units of the forward pass's: Σ out·in
     * over the layers, plus out² for each layer with a vector-valued activation (softmax and its
     * kind), whose out × out Jacobian the backward pass builds for every row.
     */
    public long stepWorkPerRow() {
        long sum = multiplyAddsPerRow();
        for (TrainableLayer layer : layers) {
            if (layer.activation() instanceof VectorActivation) {
                sum += (long) layer.outputCount() * layer.outputCount();
            }
        }
        return sum;
    }

    /**
     * The forward pass of every row.
     *
     * @param inputs n rows of the first layer's fan-in
     * @return per layer, the n × out weighted sums and outputs
     */
    public Pass forward(double[][] inputs) {
        int n = inputs.length;
        double[][][] sums = new double[layers.size()][n][];
        double[][][] outputs = new double[layers.size()][n][];
        for (int r = 0; r < n; r++) {
            double[] h = inputs[r];
            for (int k = 0; k < layers.size(); k++) {
                double[] z = layers.get(k).weightedSums(h);
                h = layers.get(k).activate(z);
                sums[k][r] = z;
                outputs[k][r] = h;
            }
        }
        return new Pass(inputs, sums, outputs);
    }

    /**
     * The backward pass: the gradients {@code loss.backward()} leaves on every parameter and input.
     *
     * @param pass           a forward pass of this network, weights unchanged since
     * @param outputGradient ∂L/∂y of the last layer's outputs, n × out
     * @return per layer ∂L/∂W (out × in), ∂L/∂b, ∂L/∂alpha (prelu), and ∂L/∂inputs (n × in)
     */
    public Gradients backward(Pass pass, double[][] outputGradient) {
        int n = pass.inputs().length;
        Gradients.Layer[] perLayer = new Gradients.Layer[layers.size()];
        double[][] upstream = outputGradient;
        for (int k = layers.size() - 1; k >= 0; k--) {
            TrainableLayer layer = layers.get(k);
            double[][] layerInputs = k == 0 ? pass.inputs() : pass.outputs()[k - 1];
            double[][] deltas = new double[n][];
            double slopeGradient = 0.0;
            for (int r = 0; r < n; r++) {
                double[] z = pass.weightedSums()[k][r];
                deltas[r] = layer.backward(z, upstream[r]);
                if (layer.hasLearnableSlope()) {
                    slopeGradient += layer.slopeGradient(z, upstream[r]);
                }
            }
            int out = layer.outputCount();
            int in = layer.inputCount();
            double[][] weightGradients = new double[out][in];
            double[] biasGradients = new double[out];
            for (int r = 0; r < n; r++) {
                double[] delta = deltas[r];
                double[] x = layerInputs[r];
                for (int j = 0; j < out; j++) {
                    double dj = delta[j];
                    biasGradients[j] += dj;
                    double[] row = weightGradients[j];
                    for (int i = 0; i < in; i++) {
                        row[i] += dj * x[i];
                    }
                }
            }
            double[][] below = new double[n][in];
            double[][] weights = layer.trainable().subList(0, out).toArray(double[][]::new);
            for (int r = 0; r < n; r++) {
                double[] delta = deltas[r];
                double[] g = below[r];
                for (int j = 0; j < out; j++) {
                    double dj = delta[j];
                    double[] w = weights[j];
                    for (int i = 0; i < in; i++) {
                        g[i] += dj * w[i];
                    }
                }
            }
            perLayer[k] = new Gradients.Layer(weightGradients, biasGradients,
                    layer.hasLearnableSlope() ? slopeGradient : null);
            upstream = below;
        }
        return new Gradients(List.of(perLayer), upstream);
    }

    /** Every trainable array of every layer, in the order of {@link Gradients#flatten()}. */
    List<double[]> trainable() {
        List<double[]> arrays = new ArrayList<>();
        for (TrainableLayer layer : layers) {
            arrays.addAll(layer.trainable());
        }
        return arrays;
    }

    /** After an optimizer step: rebinds the prelu layers to their updated alpha. */
    void refreshSlopes() {
        for (TrainableLayer layer : layers) {
            layer.refreshSlope();
        }
    }

    /**
     * A forward pass.
     *
     * @param inputs        the n input rows
     * @param weightedSums  per layer, n × out pre-activations z
     * @param outputs       per layer, n × out activations f(z)
     */
    public record Pass(double[][] inputs, double[][][] weightedSums, double[][][] outputs) {

        /** The network's outputs, n × out of the last layer. */
        public double[][] networkOutputs() {
            return outputs[outputs.length - 1];
        }
    }
}
