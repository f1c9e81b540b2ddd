package dev.activationlab.activation;

import java.util.Map;

/**
 * @param activation canonical name
 * @param params     full resolved parameters, defaults included
 * @param dtype      the dtype of every number of the answer (float64 unless asked)
 * @param values     f(x_i), same length as x
 */
public record EvaluateResponse(String activation, Map<String, Double> params, String dtype, double[] values) {
}
