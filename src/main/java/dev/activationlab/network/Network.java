package dev.activationlab.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward stack of {@link DenseLayer}s, layer k's outputs being layer k + 1's inputs
 * (PyTorch's {@code nn.Sequential} of {@code nn.Linear} and activation modules).
 */
public final class Network {

    private final List<DenseLayer> layers;

    /**
     * @param layers at least one layer; each layer's fan-in equals the previous layer's
     *               number of neurons
     * @throws IllegalArgumentException if the list is empty or the shapes do not chain
     */
    public Network(List<DenseLayer> layers) {
        requireChaining(layers);
        this.layers = List.copyOf(layers);
    }

    /**
     * Requires at least one layer, and each layer's fan-in to equal the previous layer's number of
     * neurons.
     *
     * @throws IllegalArgumentException if the list is empty or the shapes do not chain
     */
    public static void requireChaining(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).inputCount() != layers.get(k - 1).outputCount()) {
                throw new IllegalArgumentException("Layer " + k + " takes " + layers.get(k).inputCount()
                        + " inputs but layer " + (k - 1) + " gives " + layers.get(k - 1).outputCount());
            }
        }
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    /**
     * The forward pass of every input row, keeping each layer's weighted sums and outputs.
     *
     * @param inputs m rows of in_1 entries each, in_1 being the first layer's fan-in
     * @return per layer k an m × out_k matrix of weighted sums and one of outputs; the network's
     *         outputs are the last layer's
     * @throws IllegalArgumentException if a row has the wrong length
     */
    public ForwardPass forward(double[][] inputs) {
        int m = inputs.length;
        List<double[][]> sums = new ArrayList<>();
        List<double[][]> outputs = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            sums.add(new double[m][]);
            outputs.add(new double[m][]);
        }
        for (int r = 0; r < m; r++) {
            double[] h = inputs[r];
            for (int k = 0; k < layers.size(); k++) {
                DenseLayer layer = layers.get(k);
                double[] z = layer.weightedSums(h);
                h = layer.activate(z);
                sums.get(k)[r] = z;
                outputs.get(k)[r] = h;
            }
        }
        List<ForwardPass.LayerPass> passes = new ArrayList<>(layers.size());
        for (int k = 0; k < layers.size(); k++) {
            passes.add(new ForwardPass.LayerPass(sums.get(k), outputs.get(k)));
        }
        return new ForwardPass(outputs.get(layers.size() - 1), List.copyOf(passes));
    }
}
