package dev.activationlab.activation;

import java.util.Map;

/**
 * @param activation  canonical name
 * @param params      full resolved parameters, defaults included
 * @param dtype       the dtype of every number of the answer (float64 unless asked)
 * @param x           evenly spaced abscissae, from … to inclusive
 * @param values      f(x_i)
 * @param derivatives f'(x_i)
 */
public record CurveResponse(String activation, Map<String, Double> params, String dtype, double[] x, double[] values,
                            double[] derivatives) {
}
