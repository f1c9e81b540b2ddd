package dev.activationlab.activation;

import java.util.Map;

/**
 * Implemented by activations with learnable parameters (PReLU): the gradient of each output
 * with respect to each parameter.
 */
public interface ParameterGradients {

    /**
     * ∂y_i/∂p for every parameter p, element by element.
     *
     * @param x          pre-activations, length n
     * @param parameters resolved parameters
     * @return parameter name → array of length n, in the order of {@link Activation#parameters()}
     */
    Map<String, double[]> parameterGradients(double[] x, Parameters parameters);
}
