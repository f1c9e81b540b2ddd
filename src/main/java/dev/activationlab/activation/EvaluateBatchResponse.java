package dev.activationlab.activation;

import java.util.Map;

/**
 * The answer of evaluate for a batch {@code x} of rows × n.
 *
 * @param activation canonical name
 * @param params     full resolved parameters, defaults included
 * @param dtype      the dtype of every number of the answer (float64 unless asked)
 * @param values     f of each row: rows × n (rows × n/2 for the gated units)
 */
public record EvaluateBatchResponse(String activation, Map<String, Double> params, String dtype, double[][] values) {
}
