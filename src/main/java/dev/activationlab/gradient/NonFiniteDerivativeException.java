package dev.activationlab.gradient;

/** f'(z) is not a finite number at some layer of a chain, so the gradient through it is undefined. */
public class NonFiniteDerivativeException extends ArithmeticException {

    private final int layer;

    public NonFiniteDerivativeException(int layer, double preActivation, double derivative) {
        this(layer, "f'(" + preActivation + ") = " + derivative + " at layer " + layer
                + " is not a finite number, so no gradient passes through it.");
    }

    /** @param layer the layer, 1-based */
    protected NonFiniteDerivativeException(int layer, String message) {
        super(message);
        this.layer = layer;
    }

    /** The layer, 1-based. */
    public int layer() {
        return layer;
    }
}
