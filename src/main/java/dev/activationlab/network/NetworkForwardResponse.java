package dev.activationlab.network;

import java.util.List;
import java.util.Map;

/**
 * @param outputs the last layer's outputs, one row per input row
 * @param layers  every layer's weighted sums and outputs, from the input side
 */
public record NetworkForwardResponse(double[][] outputs, List<Layer> layers) {

    /**
     * @param activation   canonical name of the layer's activation
     * @param params       its full resolved parameters
     * @param weightedSums z = W·h + b, one row per input row, one entry per neuron
     * @param outputs      f(z), same shape
     */
    public record Layer(String activation, Map<String, Double> params, double[][] weightedSums, double[][] outputs) {
    }
}
