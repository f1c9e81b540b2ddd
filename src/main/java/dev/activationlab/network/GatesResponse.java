package dev.activationlab.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** @param gates AND, NAND, OR (single perceptrons) and XOR (a two-layer network) */
public record GatesResponse(List<Gate> gates) {

    /**
     * A logic gate and its truth table, computed by running it.
     *
     * @param name       "AND", "NAND", "OR" or "XOR"
     * @param kind       "perceptron" or "network"
     * @param weights    a perceptron's weights (perceptrons only)
     * @param bias       a perceptron's bias (perceptrons only)
     * @param activation a perceptron's activation (perceptrons only)
     * @param params     its parameters (perceptrons only)
     * @param layers     a network's layers, as {@code /networks/forward} takes them (networks only)
     * @param truthTable the output for each of the four binary inputs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gate(String name, String kind, double[] weights, Double bias, String activation,
                       Map<String, Double> params, List<NetworkLayer> layers, List<TruthTableRow> truthTable) {
    }

    /**
     * @param inputs the two inputs, 0 or 1 each
     * @param output the gate's output
     */
    public record TruthTableRow(double[] inputs, double output) {
    }
}
