package dev.activationlab.http;

/**
 * Text a client sent (a name, a query value, a field name), made fit to be repeated in an
 * error message: a problem document should say what was wrong, not echo a megabyte back.
 */
public final class ClientText {

    /** The most characters (code points) of a client's text an error message repeats. */
    public static final int MAX_ECHOED = 64;

    private ClientText() {
    }

    /**
     * {@code text} itself when it has at most {@value #MAX_ECHOED} code points, else its first
     * {@value #MAX_ECHOED} followed by an ellipsis (…); {@code null} stays {@code null}.
     */
    public static String shorten(String text) {
        if (text == null || text.length() <= MAX_ECHOED || text.codePointCount(0, text.length()) <= MAX_ECHOED) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_ECHOED)) + "…";
    }
}
