package dev.activationlab.dtype;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A binary floating-point format a tensor may be stored in: IEEE 754 binary64, binary32 and
 * binary16, and Google's bfloat16 (binary32's exponent range with an 8-bit significand).
 *
 * <p>Every value of these formats is a double, so a value is carried as the double that holds it
 * exactly. Rounding is to nearest, ties to even, with gradual underflow (subnormals), the sign of
 * zero kept, and overflow to the format's infinity: as {@code torch.tensor(x, dtype=...)} rounds.
 */
public enum Dtype {
    /** IEEE 754 binary64 (torch.float64): 53-bit significand, exponents −1022 … 1023. */
    FLOAT64("float64", 53, -1022, 1023),
    /** IEEE 754 binary32 (torch.float32): 24-bit significand, exponents −126 … 127. */
    FLOAT32("float32", 24, -126, 127),
    /** IEEE 754 binary16 (torch.float16): 11-bit significand, exponents −14 … 15; largest 65504. */
    FLOAT16("float16", 11, -14, 15),
    /** bfloat16 (torch.bfloat16): 8-bit significand, exponents −126 … 127; largest ≈ 3.39e38. */
    BFLOAT16("bfloat16", 8, -126, 127);

    private final String label;
    private final int precision;
    private final int minExponent;
    private final int maxExponent;
    private final double maxValue;
    private final double minSubnormal;

    Dtype(String label, int precision, int minExponent, int maxExponent) {
        this.label = label;
        this.precision = precision;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.maxValue = (2.0 - Math.scalb(1.0, 1 - precision)) * Math.scalb(1.0, maxExponent);
        this.minSubnormal = Math.scalb(1.0, minExponent - precision + 1);
    }

    /** The name used in requests and answers, e.g. {@code bfloat16}. */
    public String label() {
        return label;
    }

    /** Significand bits, the implicit leading bit included (24 for float32). */
    public int precision() {
        return precision;
    }

    /** The largest finite value (3.4028234663852886e38 for float32, 65504 for float16). */
    public double maxValue() {
        return maxValue;
    }

    /** The smallest positive (subnormal) value (2^-149 for float32, 2^-24 for float16). */
    public double minSubnormal() {
        return minSubnormal;
    }

    /**
     * The dtype named {@code text} (float64, float32, float16, bfloat16; case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Dtype parse(String text) {
        for (Dtype d : values()) {
            if (d.label.equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + text + "'");
    }

    /**
     * The spacing of this format's values at x: 2^(e − p + 1) with e the binary exponent of |x|,
     * clamped below at the smallest normal exponent (so that every subnormal has the spacing of
     * the smallest subnormal) and above at the largest (beyond the largest finite value, the
     * spacing of the top binade). This is the quantum by which a value of the format at x is a
     * whole multiple. x = 0 gives the smallest subnormal.
     *
     * @param x any finite double (need not be a value of the format)
     */
    public double quantum(double x) {
        int e = Math.getExponent(x);
        e = Math.max(e, minExponent);
        e = Math.min(e, maxExponent);
        return Math.scalb(1.0, e - precision + 1);
    }

    /**
     * x rounded to nearest, ties to even. NaN stays NaN, infinities stay, a zero keeps its sign,
     * a result below half the smallest subnormal becomes a zero of x's sign, and a magnitude of at
     * least maxValue + quantum/2 becomes an infinity of x's sign.
     */
    public double round(double x) {
        if (this == FLOAT64 || !Double.isFinite(x) || x == 0) {
            return x;
        }
        double q = quantum(x);
        // x / q and the product back are exact (q is a power of two, no over- or underflow);
        // rint rounds half to even.
        double r = Math.rint(x / q) * q;
        if (Math.abs(r) > maxValue) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    /**
     * The exact number v rounded to nearest, ties to even, as {@link #round(double)} would round
     * it if it could see every digit.
     *
     * @param v        the exact value
     * @param zeroSign the sign (±1) of a result that rounds to zero when v is exactly 0
     */
    public double round(BigDecimal v, double zeroSign) {
        if (v.signum() == 0) {
            return Math.copySign(0.0, zeroSign);
        }
        double d = v.doubleValue();
        if (this == FLOAT64) {
            return d;
        }
        double r = round(d);
        double negative = v.signum() < 0 ? -1.0 : 1.0;
        if (Double.isInfinite(r) || Double.isInfinite(d)) {
            // Overflow threshold: maxValue + half the top quantum, a tie that goes to infinity.
            BigDecimal threshold = new BigDecimal(maxValue).add(new BigDecimal(quantum(maxValue) / 2));
            return v.abs().compareTo(threshold) >= 0 ? Math.copySign(Double.POSITIVE_INFINITY, negative)
                    : Math.copySign(maxValue, negative);
        }
        // d is within half a double ulp of v, so the nearest value of the format to v is r or a
        // neighbour of r; choose among the three exactly.
        double best = r;
        BigDecimal bestDistance = new BigDecimal(r).subtract(v).abs();
        for (double c : new double[] {next(r), previous(r)}) {
            if (!Double.isFinite(c)) {
                continue;
            }
            BigDecimal distance = new BigDecimal(c).subtract(v).abs();
            int cmp = distance.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && isEven(c) && !isEven(best))) {
                best = c;
                bestDistance = distance;
            }
        }
        return best == 0 ? Math.copySign(0.0, negative) : best;
    }

    /** True if x is a value of this format (NaN and the infinities included). */
    public boolean holds(double x) {
        return !Double.isFinite(x) || round(x) == x;
    }

    /** True if the value x of this format has an even last significand bit (0 counts as even). */
    public boolean isEven(double x) {
        return Math.rint(x / quantum(x)) % 2 == 0;
    }

    /** The next value of this format above the value x (the infinity above maxValue). */
    public double next(double x) {
        if (this == FLOAT64) {
            return Math.nextUp(x);
        }
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return -maxValue;
        }
        if (x == 0) {
            return minSubnormal;
        }
        if (x > 0) {
            double up = x + quantum(x);
            return up > maxValue ? Double.POSITIVE_INFINITY : up;
        }
        // Toward zero the spacing is that just below |x| (half as wide when |x| is a power of two).
        double up = x + quantum(Math.nextDown(-x));
        return up == 0 ? -0.0 : up;
    }

    /** The next value of this format below the value x (the infinity below −maxValue). */
    public double previous(double x) {
        double n = -next(-x);
        return n == 0 && x > 0 ? 0.0 : n;
    }

    /**
     * The midpoint between the value x of this format and its neighbour toward +∞: the boundary
     * at which rounding turns from one to the other.
     */
    public double midpointAbove(double x) {
        return x + (next(x) - x) / 2;
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
