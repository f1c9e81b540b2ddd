package dev.activationlab.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The answer of derivative for a batch {@code x} of rows × n.
 *
 * @param activation         canonical name
 * @param params             full resolved parameters, defaults included
 * @param dtype              the dtype of every number of the answer (float64 unless asked)
 * @param derivatives        f'(x), rows × n; absent for vector-valued functions
 * @param parameterGradients for learnable parameters (prelu): name → ∂y/∂p, rows × n
 * @param jacobian           for vector-valued functions: one n × n (n/2 × n for the gated units)
 *                           Jacobian per row
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivativeBatchResponse(String activation, Map<String, Double> params, String dtype,
                                      double[][] derivatives, Map<String, double[][]> parameterGradients,
                                      double[][][] jacobian) {
}
