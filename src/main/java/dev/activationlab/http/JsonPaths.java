package dev.activationlab.http;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** JSON paths ({@code layers[1].weights[0][2]}) for problems found while reading a body. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The path Jackson was at when it failed, or {@code null} at the top level. */
    static String of(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ClientText.shorten(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /**
     * Whether the body is not JSON at all (as opposed to JSON of the wrong shape). A number too
     * large for its field ({@code "layers": 99999999999}) is valid JSON with a wrong value, though
     * the parser reports it (as an InputCoercionException).
     */
    static boolean isSyntaxError(JacksonException e) {
        return e instanceof StreamReadException && !(e instanceof MismatchedInputException)
                && !(e instanceof InputCoercionException);
    }

    /** A sentence for people: what was wrong, where; no class names. */
    static String describe(JacksonException e, String field) {
        String where = field == null ? "" : " at '" + field + "'";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + field + "'. Known fields here: " + unknown.getKnownPropertyIds() + ".";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            List<JacksonException.Reference> path = e.getPath();
            boolean atElement = path != null && !path.isEmpty() && path.get(path.size() - 1).getPropertyName() == null;
            if (atElement && target != null && target.isArray()) {
                target = target.getComponentType();   // Jackson names the array; the element is at fault
            }
            return "Wrong type or value" + where + ": expected " + expected(target) + ".";
        }
        if (e instanceof InputCoercionException coercion) {
            return "Number out of range" + where + ": expected " + range(coercion.getTargetType()) + ".";
        }
        if (e instanceof StreamConstraintsException) {
            return "The request body exceeds a limit of the JSON reader" + where + ": " + firstSentence(e) + ".";
        }
        if (isSyntaxError(e)) {
            var location = e.getLocation();
            String at = location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return "The request body is not valid JSON" + at + ": " + firstSentence(e) + ".";
        }
        return "The request body could not be read" + where + ".";
    }

    private static String range(Class<?> target) {
        if (target == int.class || target == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (target == long.class || target == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return singular(target == null ? Object.class : target) + " within its range";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "a value of another type";
        }
        if (target.isArray()) {
            Class<?> component = target.getComponentType();
            return component.isArray() ? "an array of arrays of numbers" : "an array of " + plural(component);
        }
        if (List.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return "an object";
        }
        return singular(target);
    }

    private static String singular(Class<?> t) {
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return "an object";
    }

    private static String plural(Class<?> t) {
        String one = singular(t);
        return switch (one) {
            case "a number" -> "numbers";
            case "a whole number" -> "whole numbers";
            case "a string" -> "strings";
            default -> "values";
        };
    }

    /**
     * The first line of Jackson's message, without what would mean nothing to a client or tell
     * about the implementation: Java types, parser feature names, hints to enable them, limits'
     * method names.
     */
    static String firstSentence(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        int cut = message.indexOf('\n');
        String first = cut >= 0 ? message.substring(0, cut) : message;
        if (first.startsWith("Non-standard token")) {
            // NaN, Infinity, +INF: named by Jackson in quotes
            int quote = first.indexOf('\'');
            int end = quote < 0 ? -1 : first.indexOf('\'', quote + 1);
            String token = end > quote ? first.substring(quote, end + 1) : "this token";
            return token + " is not a JSON number (JSON has no NaN or Infinity)";
        }
        if (first.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        return stripImplementationDetails(first);
    }

    /** Removes Java type names, parser feature names and hints to enable them. */
    static String stripImplementationDetails(String message) {
        String s = message
                .replaceAll(",?\\s*from `[^`]*`", "")                  // (1000, from `StreamReadConstraints...`)
                .replaceAll(":?\\s*(?:enable|disable) `[^`]*` to allow", "")
                .replaceAll("\\s*\\([^()]*(?:Feature|feature|`)[^()]*\\)", "")
                .replaceAll("\\s*\\(start marker[^)]*\\)", "")
                .replaceAll("\\(for [^)]*\\)", "")
                .replaceAll("`[^`]*`", "value")
                .replaceAll("\\b(?:[a-z_$][a-zA-Z0-9_$]*\\.)+[A-Z][a-zA-Z0-9_$]*\\b", "value")
                .replace("VALUE_STRING", "a string")
                .replace("VALUE_NUMBER_INT", "a number")
                .replace("VALUE_NUMBER_FLOAT", "a number")
                .replace("PROPERTY_NAME", "a property name")
                .replace("START_OBJECT", "'{'")
                .replace("END_OBJECT", "'}'")
                .replace("START_ARRAY", "'['")
                .replace("END_ARRAY", "']'")
                .replaceAll("\\s+", " ")
                .trim();
        int feature = s.indexOf("Feature");
        if (feature >= 0) {
            s = s.substring(0, feature).trim();
        }
        while (s.endsWith(":") || s.endsWith(",") || s.endsWith(";") || s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s.isEmpty() ? "unreadable input" : s;
    }
}
