package dev.activationlab.gradient;

/**
 * A running product of doubles kept as sign · mantissa · 2^exponent, with the mantissa in
 * [1, 2) and a {@code long} exponent, so that it neither underflows nor overflows however many
 * factors it takes. Each multiplication rounds the mantissa once, exactly as a plain double
 * product would while that stays in the normal range; converting back to a double rounds once
 * more (to a subnormal, zero or infinity where the true value lies outside the normal range).
 */
final class ScaledProduct {

    private static final int SUBNORMAL_SHIFT = 54;

    /** The largest |exponent| kept: products beyond it are 0 or infinite in any case. */
    private static final long EXPONENT_BOUND = 1L << 61;

    private double mantissa = 1.0;   // signed; |mantissa| in [1, 2) unless zero
    private long exponent;
    private boolean zero;

    /** Multiplies by a finite double; a factor of ±0 makes the product an exact (signed) zero. */
    void multiply(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite: " + factor);
        }
        if (factor == 0.0) {
            mantissa = Math.copySign(1.0, mantissa) * Math.copySign(1.0, factor);
            zero = true;
            return;
        }
        if (zero) {
            mantissa = mantissa * Math.copySign(1.0, factor);
            return;
        }
        int e = Math.getExponent(factor);
        double scaled = factor;
        if (e < Double.MIN_EXPONENT) {               // subnormal: bring it into the normal range first
            scaled = factor * 0x1p54;
            e = Math.getExponent(scaled);
            exponent -= SUBNORMAL_SHIFT;
        }
        multiplyNormalized(Math.scalb(scaled, -e), e);
    }

    /**
     * Multiplies by a factor known only through its natural logarithm (a derivative that
     * underflows in double): sign · e^logAbs. Its mantissa carries a relative error of about
     * |logAbs| · 2^−53.
     *
     * @param sign   +1 or −1
     * @param logAbs ln |factor|, finite
     */
    void multiplyByLog(double sign, double logAbs) {
        if (!Double.isFinite(logAbs)) {
            throw new IllegalArgumentException("logAbs must be finite: " + logAbs);
        }
        double log2 = logAbs / Math.log(2.0);
        double whole = Math.floor(log2);
        double fraction = Math.pow(2.0, log2 - whole);   // in [1, 2], 2 only through rounding
        if (zero) {
            mantissa = mantissa * Math.copySign(1.0, sign);
            return;
        }
        multiplyNormalized(Math.copySign(fraction, sign), (long) whole);
    }

    private void multiplyNormalized(double factorMantissa, long factorExponent) {
        double m = mantissa * factorMantissa;        // in [1, 4) in magnitude: one rounding
        // Saturating: far beyond any double's exponent either way, and never wrapping around.
        exponent = Math.max(-EXPONENT_BOUND, Math.min(EXPONENT_BOUND,
                exponent + Math.max(-EXPONENT_BOUND, Math.min(EXPONENT_BOUND, factorExponent))));
        if (Math.abs(m) >= 2.0) {
            m *= 0.5;                                 // exact
            exponent++;
        }
        mantissa = m;
    }

    /**
     * The nearest double: ±0 where the product underflows (keeping its sign), ±infinity where
     * it overflows.
     */
    double toDouble() {
        if (zero) {
            return Math.copySign(0.0, mantissa);
        }
        int e = (int) Math.max(-4000, Math.min(4000, exponent));
        return Math.scalb(mantissa, e);
    }

    /** Whether |product| &lt; limit, exactly, for a finite limit &gt; 0. */
    boolean absBelow(double limit) {
        return zero || compareAbs(limit) < 0;
    }

    /** Whether |product| &gt; limit, exactly, for a finite limit &gt; 0. */
    boolean absAbove(double limit) {
        return !zero && compareAbs(limit) > 0;
    }

    private int compareAbs(double limit) {
        long limitExponent = Math.getExponent(limit);
        double scaled = limit;
        if (limitExponent < Double.MIN_EXPONENT) {
            scaled = limit * 0x1p54;
            limitExponent = Math.getExponent(scaled) - SUBNORMAL_SHIFT;
            scaled = Math.scalb(scaled, -(int) (limitExponent + SUBNORMAL_SHIFT));
        } else {
            scaled = Math.scalb(limit, -(int) limitExponent);
        }
        if (exponent != limitExponent) {
            return Long.compare(exponent, limitExponent);
        }
        return Double.compare(Math.abs(mantissa), scaled);
    }
}
