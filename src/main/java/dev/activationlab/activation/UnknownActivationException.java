package dev.activationlab.activation;

import dev.activationlab.http.ClientText;
import java.util.List;

/** A name that is neither a canonical activation name nor an alias. */
public class UnknownActivationException extends IllegalArgumentException {

    private final List<String> validNames;

    /**
     * @param requestedName the name as the client gave it (repeated in the message, shortened to
     *                      {@value ClientText#MAX_ECHOED} characters)
     * @param validNames    the canonical names of the catalogue, sorted
     */
    public UnknownActivationException(String requestedName, List<String> validNames) {
        super("Unknown activation '" + ClientText.shorten(requestedName) + "'. Valid names: " + String.join(", ", validNames));
        this.validNames = List.copyOf(validNames);
    }

    /** Canonical names of the catalogue, sorted. */
    public List<String> validNames() {
        return validNames;
    }
}
