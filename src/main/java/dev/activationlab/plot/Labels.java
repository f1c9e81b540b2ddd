package dev.activationlab.plot;

import java.util.Map;
import java.util.StringJoiner;

/** Text for titles, legends and tick labels. */
public final class Labels {

    private static final char[] SUPERSCRIPT_DIGITS = {
        '\u2070', '\u00B9', '\u00B2', '\u00B3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'};
    private static final char SUPERSCRIPT_MINUS = '\u207B';

    private Labels() {
    }

    /**
     * A function with its parameters, e.g. {@code leaky_relu (alpha = 0.2)}; just the name
     * when it takes none.
     *
     * @param parameters name → value, in the order to show them
     */
    public static String function(String name, Map<String, Double> parameters) {
        if (parameters.isEmpty()) {
            return name;
        }
        StringJoiner joined = new StringJoiner(", ", name + " (", ")");
        parameters.forEach((key, value) -> joined.add(key + " = " + number(value)));
        return joined.toString();
    }

    /** A number as people write it: {@code 1} rather than {@code 1.0}, {@code 1e-05} rather than {@code 1.0E-5}. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + text.substring(exponent + 1);
    }

    /** 10 raised to a whole power, with a superscript exponent: {@code 10⁻¹²}. */
    public static String powerOfTen(long exponent) {
        StringBuilder text = new StringBuilder("10");
        for (char c : Long.toString(exponent).toCharArray()) {
            text.append(c == '-' ? SUPERSCRIPT_MINUS : SUPERSCRIPT_DIGITS[c - '0']);
        }
        return text.toString();
    }
}
