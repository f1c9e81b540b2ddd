package dev.activationlab.network;

import dev.activationlab.activation.BoundActivation;
import java.util.ArrayList;
import java.util.List;

/**
 * The logic gates of the classic perceptron lesson: AND, NAND and OR are each one step
 * perceptron; XOR is not linearly separable (Minsky and Papert 1969) and needs two layers,
 * here XOR(a, b) = AND(NAND(a, b), OR(a, b)).
 */
public final class LogicGates {

    /** AND: fires only when both inputs are 1 (0.5 + 0.5 − 0.7 &gt; 0). */
    private static final double[] AND_WEIGHTS = {0.5, 0.5};
    private static final double AND_BIAS = -0.7;
    /** NAND: the negation of AND. */
    private static final double[] NAND_WEIGHTS = {-0.5, -0.5};
    private static final double NAND_BIAS = 0.7;
    /** OR: fires when at least one input is 1 (0.5 − 0.2 &gt; 0). */
    private static final double[] OR_WEIGHTS = {0.5, 0.5};
    private static final double OR_BIAS = -0.2;

    private static final double[][] BINARY_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private LogicGates() {
    }

    /**
     * AND, NAND, OR and XOR, in that order.
     *
     * @param step the catalogue's step activation, bound
     */
    public static List<Gate> all(BoundActivation step) {
        Perceptron and = new Perceptron(AND_WEIGHTS, AND_BIAS, step);
        Perceptron nand = new Perceptron(NAND_WEIGHTS, NAND_BIAS, step);
        Perceptron or = new Perceptron(OR_WEIGHTS, OR_BIAS, step);
        DenseLayer hidden = new DenseLayer(new double[][] {NAND_WEIGHTS, OR_WEIGHTS},
                new double[] {NAND_BIAS, OR_BIAS}, step);
        DenseLayer output = new DenseLayer(new double[][] {AND_WEIGHTS}, new double[] {AND_BIAS}, step);
        return List.of(new PerceptronGate("AND", and), new PerceptronGate("NAND", nand),
                new PerceptronGate("OR", or), new NetworkGate("XOR", new Network(List.of(hidden, output))));
    }

    /** A two-input Boolean gate built from step units. */
    public sealed interface Gate permits PerceptronGate, NetworkGate {

        /** Upper-case gate name, e.g. "XOR". */
        String name();

        /**
         * The gate's output for each row of inputs.
         *
         * @param inputs m rows of 2 inputs
         * @return m outputs
         */
        double[] outputs(double[][] inputs);

        /** The output for each of (0, 0), (0, 1), (1, 0), (1, 1), computed by running the gate. */
        default List<TruthRow> truthTable() {
            double[] outputs = outputs(BINARY_INPUTS);
            List<TruthRow> rows = new ArrayList<>(BINARY_INPUTS.length);
            for (int r = 0; r < BINARY_INPUTS.length; r++) {
                rows.add(new TruthRow(BINARY_INPUTS[r].clone(), outputs[r]));
            }
            return List.copyOf(rows);
        }
    }

    /** A gate that is one perceptron. */
    public record PerceptronGate(String name, Perceptron perceptron) implements Gate {
        @Override
        public double[] outputs(double[][] inputs) {
            return perceptron.run(inputs).outputs();
        }
    }

    /** A gate that is a network with one output neuron. */
    public record NetworkGate(String name, Network network) implements Gate {
        @Override
        public double[] outputs(double[][] inputs) {
            double[][] out = network.forward(inputs).outputs();
            double[] column = new double[out.length];
            for (int r = 0; r < out.length; r++) {
                column[r] = out[r][0];
            }
            return column;
        }
    }

    /**
     * One line of a truth table.
     *
     * @param inputs the two inputs, each 0 or 1
     * @param output the gate's output, 0 or 1
     */
    public record TruthRow(double[] inputs, double output) {
    }
}
