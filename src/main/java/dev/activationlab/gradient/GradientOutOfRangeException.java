package dev.activationlab.gradient;

/**
 * log10 |g| of a chain's gradient leaves the double range (beyond ±1.8e308) at some layer, as
 * when every f'(z) is e^(−1e308): neither the gradient nor its logarithm can be given.
 */
public class GradientOutOfRangeException extends NonFiniteDerivativeException {

    /** @param layer the layer, 1-based, down to which the product was taken */
    public GradientOutOfRangeException(int layer) {
        super(layer, "log10 |gradient| down to layer " + layer + " is beyond ±1.8e308, outside the range of a "
                + "double: the pre-activations saturate f' too far for the product to be given.");
    }
}
