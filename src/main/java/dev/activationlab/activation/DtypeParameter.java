package dev.activationlab.activation;

import dev.activationlab.http.ClientText;
import dev.activationlab.http.RequestException;
import dev.activationlab.dtype.Dtype;

/** Reads the {@code dtype} of a request and rounds its inputs to it. */
final class DtypeParameter {

    static final String DESCRIPTION = "float64 (default), float32, float16 or bfloat16. Inputs are rounded to "
            + "the dtype (ties to even, as torch.tensor(x, dtype=...)); every result is the exact value at that "
            + "input rounded once to the dtype (correctly rounded), written as the double that holds it "
            + "(float32 0.1 is 0.10000000149011612). A result beyond the dtype's range is a 422; an input "
            + "beyond it a 400. Vector-valued activations are computed in double and rounded once. At most 2,000 "
            + "distinct inputs per request may have results near a rounding midpoint (each is then recomputed "
            + "to 60 digits); beyond, a 413.";

    private DtypeParameter() {
    }

    /**
     * The dtype named by {@code text}; null or blank gives float64.
     *
     * @throws RequestException 400 naming {@code field} for any other name
     */
    static Dtype parse(String text, String field) {
        if (text == null) {
            return Dtype.FLOAT64;
        }
        try {
            return Dtype.parse(text);
        } catch (IllegalArgumentException e) {
            throw RequestException.invalid(field, "'" + field + "' must be one of float64, float32, float16, "
                    + "bfloat16; got '" + ClientText.shorten(text) + "'.");
        }
    }

    /**
     * x rounded to the dtype, in place.
     *
     * @throws RequestException 400 naming {@code field[i]} for an input beyond the dtype's range
     */
    static double[] roundInputs(double[] x, Dtype dtype, String field) {
        if (dtype == Dtype.FLOAT64) {
            return x;
        }
        for (int i = 0; i < x.length; i++) {
            double r = dtype.round(x[i]);
            if (Double.isInfinite(r)) {
                throw RequestException.invalid(field + "[" + i + "]", "'" + field + "[" + i + "]' = " + x[i]
                        + " is beyond the range of " + dtype.label() + " (largest " + dtype.maxValue() + ").");
            }
            x[i] = r;
        }
        return x;
    }
}
