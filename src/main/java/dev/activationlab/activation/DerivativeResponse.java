package dev.activationlab.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * @param activation         canonical name
 * @param params             full resolved parameters, defaults included
 * @param dtype              the dtype of every number of the answer (float64 unless asked)
 * @param derivatives        f'(x_i), same length as x; absent for vector-valued functions
 * @param parameterGradients for learnable parameters (prelu): name → ∂y_i/∂p, same length as x
 * @param jacobian           for vector-valued functions: n × n, row i = ∂y_i/∂x (n/2 × n for the gated units glu, reglu, geglu, swiglu)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivativeResponse(String activation, Map<String, Double> params, String dtype, double[] derivatives,
                                 Map<String, double[]> parameterGradients, double[][] jacobian) {
}
