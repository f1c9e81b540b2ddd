package dev.activationlab.activation;

/**
 * An input that the activation cannot take, e.g. an odd length for a gated linear unit, or (as
 * {@link InvalidParameterException}) a parameter out of range.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field   the JSON path of the input at fault, e.g. {@code x}; a parameter's name for an
     *                {@link InvalidParameterException}
     * @param message what is wrong, for people
     */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON path of the input at fault. */
    public String field() {
        return field;
    }
}
