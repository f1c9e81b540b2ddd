package dev.activationlab.network;

import dev.activationlab.activation.BoundActivation;
import java.util.Arrays;
import java.util.Objects;

/**
 * One artificial neuron: the weighted sum z = Σ w_i·x_i + b of its n inputs, followed by an
 * activation of the catalogue, y = f(z). With the step activation this is Rosenblatt's (1958)
 * perceptron; with sigmoid, logistic regression's model.
 */
public final class Perceptron {

    private final double[] weights;
    private final double bias;
    private final BoundActivation activation;

    /**
     * @param weights    w, one per input, length n ≥ 1 (copied)
     * @param bias       b
     * @param activation f with its parameters bound
     * @throws IllegalArgumentException if {@code weights} is empty
     */
    public Perceptron(double[] weights, double bias, BoundActivation activation) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("A perceptron needs at least one weight");
        }
        this.weights = weights.clone();
        this.bias = bias;
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /**
     * The weighted sum Σ w_i·x_i + b, summed in index order and the bias added last, so that
     * (0.5, 0.5, −0.7) at (0, 1) gives −0.19999999999999996 as plain double arithmetic does.
     *
     * @param weights w, length n
     * @param bias    b
     * @param x       inputs, length n
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double weightedSum(double[] weights, double bias, double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("Expected " + weights.length + " inputs, got " + x.length);
        }
        double sum = 0.0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum + bias;
    }

    /** A copy of the weights, length n. */
    public double[] weights() {
        return weights.clone();
    }

    public double bias() {
        return bias;
    }

    public BoundActivation activation() {
        return activation;
    }

    /**
     * z = w·x + b for one input.
     *
     * @param x inputs, length n
     * @throws IllegalArgumentException if x does not have n entries
     */
    public double weightedSum(double[] x) {
        return weightedSum(weights, bias, x);
    }

    /**
     * Runs the perceptron on every input row.
     *
     * @param inputs m rows of n inputs each
     * @return the m weighted sums and the m outputs
     * @throws IllegalArgumentException if a row does not have n entries
     */
    public Run run(double[][] inputs) {
        double[] sums = new double[inputs.length];
        double[] outputs = new double[inputs.length];
        for (int r = 0; r < inputs.length; r++) {
            sums[r] = weightedSum(inputs[r]);
            outputs[r] = activation.function().value(sums[r]);
        }
        return new Run(sums, outputs);
    }

    /**
     * The result of running a perceptron over m input rows.
     *
     * @param weightedSums z_r = w·x_r + b, length m
     * @param outputs      f(z_r), length m
     */
    public record Run(double[] weightedSums, double[] outputs) {
    }

    @Override
    public String toString() {
        return "Perceptron" + Arrays.toString(weights) + " bias " + bias + " " + activation.activation().name();
    }
}
