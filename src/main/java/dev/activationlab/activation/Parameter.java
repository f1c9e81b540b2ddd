package dev.activationlab.activation;

/**
 * A numeric parameter of an activation, with its default and valid range.
 *
 * @param name             name as accepted in requests, e.g. {@code alpha}
 * @param defaultValue     value used when the request omits it
 * @param minimum          lower bound, or {@code null} where open
 * @param minimumExclusive whether {@code minimum} itself is excluded
 * @param maximum          upper bound, or {@code null} where open
 * @param maximumExclusive whether {@code maximum} itself is excluded
 * @param description      meaning, for people
 */
public record Parameter(String name, double defaultValue, Double minimum, boolean minimumExclusive,
                        Double maximum, boolean maximumExclusive, String description) {

    /** A parameter that takes any finite value. */
    public static Parameter unbounded(String name, double defaultValue, String description) {
        return new Parameter(name, defaultValue, null, false, null, false, description);
    }

    /** A parameter that must be ≥ minimum. */
    public static Parameter atLeast(String name, double defaultValue, double minimum, String description) {
        return new Parameter(name, defaultValue, minimum, false, null, false, description);
    }

    /** A parameter that must be &gt; minimum. */
    public static Parameter above(String name, double defaultValue, double minimum, String description) {
        return new Parameter(name, defaultValue, minimum, true, null, false, description);
    }

    /** Whether {@code value} is finite and within the bounds. */
    public boolean accepts(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (minimum != null && (minimumExclusive ? value <= minimum : value < minimum)) {
            return false;
        }
        return maximum == null || (maximumExclusive ? value < maximum : value <= maximum);
    }

    /** The valid range in interval notation, e.g. "(0, ∞)". */
    public String range() {
        String lower = minimum == null ? "(-∞" : (minimumExclusive ? "(" : "[") + format(minimum);
        String upper = maximum == null ? "∞)" : format(maximum) + (maximumExclusive ? ")" : "]");
        return lower + ", " + upper;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
