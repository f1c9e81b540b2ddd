package dev.activationlab.activation;

/**
 * A parameter that is unknown to the activation, non-finite or outside its valid range: an
 * {@link InvalidInputException} whose field is the parameter's name.
 */
public class InvalidParameterException extends InvalidInputException {

    /**
     * @param parameter the parameter's name as given in the request
     * @param message   what is wrong, for people
     */
    public InvalidParameterException(String parameter, String message) {
        super(parameter, message);
    }

    /** The parameter's name as given in the request. */
    public String parameter() {
        return field();
    }
}
