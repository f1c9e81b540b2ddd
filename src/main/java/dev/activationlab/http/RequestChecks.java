package dev.activationlab.http;

import java.util.function.IntFunction;

/**
 * Checks shared by the controllers: presence, finiteness, lengths and limits of client input.
 * Each failure names the JSON path at fault.
 */
public final class RequestChecks {

    private RequestChecks() {
    }

    /**
     * Requires a non-empty vector of finite numbers no longer than {@code maxLength}.
     *
     * @throws RequestException 400 if missing, empty or non-finite (naming {@code field[i]}),
     *                          413 if longer than the limit
     */
    public static double[] finiteVector(double[] values, String field, int maxLength) {
        if (values == null) {
            throw RequestException.invalid(field, "'" + field + "' is required: an array of numbers.");
        }
        if (values.length == 0) {
            throw RequestException.invalid(field, "'" + field + "' must not be empty.");
        }
        if (values.length > maxLength) {
            throw RequestException.tooLarge(field, "'" + field + "' has " + values.length
                    + " numbers; the limit is " + maxLength + ".");
        }
        requireFinite(values, field);
        return values;
    }

    /**
     * Requires every entry to be finite.
     *
     * @throws RequestException 400 naming the first non-finite index
     */
    public static void requireFinite(double[] values, String field) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw RequestException.invalid(field + "[" + i + "]", "'" + field + "[" + i
                        + "]' is not a finite number (JSON numbers beyond ±1.8e308 overflow to infinity).");
            }
        }
    }

    /**
     * Requires a finite number.
     *
     * @throws RequestException 400 naming {@code field}
     */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw RequestException.invalid(field, "'" + field + "' is not a finite number.");
        }
        return value;
    }

    /**
     * Requires every result to be finite, since JSON cannot carry infinity or NaN.
     *
     * @throws RequestException 422 naming the first index whose result is not finite
     */
    public static void requireFiniteResult(double[] results, String field, double[] inputs, String inputField) {
        requireFiniteResult(results, i -> RequestException.unprocessable(field + "[" + i + "]", "The result at "
                + inputField + "[" + i + "] = " + inputs[i] + " is " + results[i] + ", which JSON cannot carry."));
    }

    /**
     * Requires every computed number to be finite, since JSON cannot carry infinity or NaN.
     *
     * @param field JSON path of the numbers in the response, e.g. {@code layers[0].outputs[2]}
     * @param what  what each number is, for people, e.g. "weighted sum"
     * @throws RequestException 422 naming {@code field[i]} for the first that is not finite
     */
    public static void requireFiniteResult(double[] results, String field, String what) {
        requireFiniteResult(results, i -> RequestException.unprocessable(field + "[" + i + "]", "The " + what
                + " at '" + field + "[" + i + "]' is " + results[i]
                + ", which JSON cannot carry: the numbers overflow double precision."));
    }

    /**
     * Requires every entry of a matrix to be finite.
     *
     * @throws RequestException 422 naming {@code field[r][i]} for the first that is not
     */
    public static void requireFiniteResult(double[][] results, String field, String what) {
        for (int r = 0; r < results.length; r++) {
            requireFiniteResult(results[r], field + "[" + r + "]", what);
        }
    }

    /**
     * Requires every result to be finite.
     *
     * @param problemAt the problem to throw for the first index whose result is not finite
     * @throws RequestException the one {@code problemAt} builds
     */
    public static void requireFiniteResult(double[] results, IntFunction<RequestException> problemAt) {
        for (int i = 0; i < results.length; i++) {
            if (!Double.isFinite(results[i])) {
                throw problemAt.apply(i);
            }
        }
    }
}
