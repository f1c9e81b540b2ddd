package dev.activationlab.activation;

/**
 * Qualitative shape of an activation with its default parameters.
 *
 * @param monotonic    f is non-decreasing everywhere
 * @param zeroCentered f(0) = 0 and f takes both signs
 * @param smooth       f is continuously differentiable everywhere
 * @param saturates    where f' tends to 0: none, negative (x → −∞), positive (x → +∞) or both
 */
public record Traits(boolean monotonic, boolean zeroCentered, boolean smooth, Saturation saturates) {

    /** Where the derivative of an activation tends to zero. */
    public enum Saturation {
        NONE, NEGATIVE, POSITIVE, BOTH;

        /** The lower-case name used in the API ("none", "negative", ...). */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
