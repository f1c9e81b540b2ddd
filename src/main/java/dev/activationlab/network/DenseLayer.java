package dev.activationlab.network;

import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.activation.ScalarActivation;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.VectorActivation;
import java.util.Objects;

/**
 * A fully connected layer y = f(W·x + b), with W of shape out × in: row j holds the weights
 * into neuron j, as in PyTorch's {@code nn.Linear.weight}. f acts on each neuron, or, for a
 * vector-valued activation that keeps the width (softmax, log_softmax, softmin, sparsemax), on
 * the layer's whole row of weighted sums, as {@code nn.Softmax(dim=-1)} after an {@code nn.Linear}.
 */
public final class DenseLayer {

    private final double[][] weights;
    private final double[] biases;
    private final ActivationLookup.Resolved activation;
    /** f bound to its parameters for a scalar activation; null for a vector-valued one. */
    private final ScalarFunction function;

    /**
     * @param weights    W, out × in with out ≥ 1 and in ≥ 1, every row of the same length (copied)
     * @param biases     b, length out (copied)
     * @param activation f with its parameters bound, applied to each neuron
     * @throws IllegalArgumentException if W is empty or ragged, or b's length is not out
     */
    public DenseLayer(double[][] weights, double[] biases, BoundActivation activation) {
        this(weights, biases, new ActivationLookup.Resolved(activation.activation(), activation.parameters()),
                activation.function());
    }

    /**
     * @param weights    as above
     * @param biases     as above
     * @param activation f with its resolved parameters: scalar, or vector-valued with one output
     *                   per input
     * @throws IllegalArgumentException as above, or for an activation that changes the width (glu)
     */
    public DenseLayer(double[][] weights, double[] biases, ActivationLookup.Resolved activation) {
        this(weights, biases, activation, activation.activation() instanceof ScalarActivation scalar
                ? scalar.bind(activation.parameters()) : null);
        if (activation.activation() instanceof VectorActivation vector && vector.outputLength(2) != 2) {
            throw new IllegalArgumentException(vector.name() + " does not give one output per neuron");
        }
    }

    private DenseLayer(double[][] weights, double[] biases, ActivationLookup.Resolved activation,
            ScalarFunction function) {
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
        this.function = function;
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

    /** f and its resolved parameters. */
    public ActivationLookup.Resolved activation() {
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
     * f applied to each weighted sum, or to the whole row for a vector-valued f.
     *
     * @param z weighted sums, length out
     * @return a new array of the out outputs
     */
    public double[] activate(double[] z) {
        if (function == null) {
            return ((VectorActivation) activation.activation()).value(z, activation.parameters());
        }
        double[] y = new double[z.length];
        function.values(z, y);
        return y;
    }
}
