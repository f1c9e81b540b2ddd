package dev.activationlab.activation;

/** A parameter that is unknown to the activation, non-finite or outside its valid range. */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    /**
     * @param parameter the parameter's name as given in the request
     * @param message   what is wrong, for people
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as given in the request. */
    public String parameter() {
        return parameter;
    }
}
