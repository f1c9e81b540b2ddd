package dev.activationlab.accuracy;

import dev.activationlab.dtype.Dtype;
import java.math.BigDecimal;

/**
 * Errors in units in the last place of a dtype.
 *
 * <p>The ULP of an exact result e is the spacing of the dtype's values in the binade of e:
 * 2^(E − p + 1) with E the binary exponent of |e|, clamped below at the dtype's smallest normal
 * exponent (every subnormal, and 0, has the spacing of the smallest subnormal) and above at its
 * largest. The error of got is |got − e| / ulp(e), measured against e itself, not its rounding,
 * so that a correctly rounded result is off by at most 0.5, and a result one value away across a
 * power of two counts in the units of the binade the exact result lies in.
 */
public final class UlpError {

    private UlpError() {
    }

    /**
     * |got − exact| / ulp(exact) in the dtype.
     *
     * @param got   a value of the dtype, or NaN or an infinity
     * @param exact the exact result (to double precision, far finer than the dtype), or non-finite
     * @return the error in ULPs; 0 when got is the same non-finite value as exact;
     *         {@link Double#POSITIVE_INFINITY} when either is non-finite otherwise
     */
    public static double of(Dtype dtype, double got, double exact) {
        if (!Double.isFinite(got) || !Double.isFinite(exact)) {
            boolean same = Double.isNaN(got) ? Double.isNaN(exact) : got == exact;
            return same ? 0.0 : Double.POSITIVE_INFINITY;
        }
        double ulp = dtype.quantum(exact);
        return new BigDecimal(got).subtract(new BigDecimal(exact)).abs()
                .divide(new BigDecimal(ulp)).doubleValue();
    }
}
