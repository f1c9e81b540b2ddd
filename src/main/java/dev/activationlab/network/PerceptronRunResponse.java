package dev.activationlab.network;

import java.util.Map;

/**
 * @param activation   canonical name of the activation
 * @param params       its full resolved parameters, defaults included
 * @param weightedSums z_r = Σ w_i·x_ri + b per input row
 * @param outputs      f(z_r) per input row
 */
public record PerceptronRunResponse(String activation, Map<String, Double> params, double[] weightedSums,
                                    double[] outputs) {
}
