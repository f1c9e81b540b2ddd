package dev.activationlab.network;

import dev.activationlab.activation.BoundActivation;
import java.util.Objects;

/**
 * A fully connected layer y = f(W·x + b), with W of shape out × in: row j holds the weights
 * into neuron j, as in PyTorch's {@code nn.Linear.weight}.
 */
public final class DenseLayer {

    private final double[][] weights;
    private final double[] biases;
    private final BoundActivation activation;

    /**
     * @param weights    W, out × in with out ≥ 1 and in ≥ 1, every row of the same length (copied)
     * @param biases     b, length out (copied)
     * @param activation f with its parameters bound, applied to each neuron
     * @throws IllegalArgumentException if W is empty or ragged, or b's length is not out
     */
    public DenseLayer(double[][] weights, double[] biases, BoundActivation activation) {
        if (weights.length == 0 || weights[0].length == 0) {
            throw new IllegalArgumentException("A layer needs at least one neuron and one input");
        }
        int in = weights[0].length;
        this.weights = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j].length != in) {
                throw new IllegalArgumentException("Weight row " + j + " has " + weights[j].length
                        + " entries, row 0 has " + in);
            }
            this.weights[j] = weights[j].clone();
        }
        if (biases.length != weights.length) {
            throw new IllegalArgumentException(weights.length + " neurons but " + biases.length + " biases");
        }
        this.biases = biases.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /** Fan-in: the number of inputs, in. */
    public int inputCount() {
        return weights[0].length;
    }

    /** The number of neurons, out. */
    public int outputCount() {
        return weights.length;
    }

    /** A copy of W, out × in. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            copy[j] = weights[j].clone();
        }
        return copy;
    }

    /** A copy of b, length out. */
    public double[] biases() {
        return biases.clone();
    }

    public BoundActivation activation() {
        return activation;
    }

    /**
     * z = W·x + b, each z_j summed over i in index order with the bias added last.
     *
     * @param x input, length in
     * @return the out weighted sums
     * @throws IllegalArgumentException if x does not have in entries
     */
    public double[] weightedSums(double[] x) {
        if (x.length != inputCount()) {
            throw new IllegalArgumentException("Expected " + inputCount() + " inputs, got " + x.length);
        }
        double[] z = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            z[j] = Perceptron.weightedSum(weights[j], biases[j], x);   // neuron j is a perceptron
        }
        return z;
    }

    /**
     * f applied to each weighted sum.
     *
     * @param z weighted sums, length out
     * @return a new array of the out outputs
     */
    public double[] activate(double[] z) {
        double[] y = new double[z.length];
        activation.function().values(z, y);
        return y;
    }
}
