package dev.activationlab.activation;

/** A vector-valued activation (softmax) asked for where only element-wise ones make sense. */
public class VectorValuedException extends IllegalArgumentException {

    /** @param activation the canonical name of the vector-valued activation (softmax, log_softmax) */
    public VectorValuedException(String activation) {
        super(activation + " is vector-valued: each output depends on the whole input vector, "
                + "so it has no scalar curve or per-element derivative.");
    }
}
