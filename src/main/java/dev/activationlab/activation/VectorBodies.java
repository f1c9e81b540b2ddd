package dev.activationlab.activation;

import dev.activationlab.dtype.Dtype;
import dev.activationlab.http.ProblemType;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.dtype.NpyFormat;
import dev.activationlab.dtype.RawFloats;
import java.util.Map;

/**
 * The input of evaluate and derivative in its three forms (a JSON vector or batch, raw
 * little-endian bytes, a NumPy {@code .npy} file), checked and rounded to its dtype; the answer's
 * checks and shapes. {@link VectorAnswers} writes the answer in the form the client accepts.
 *
 * <p>Every check names the place at fault as the JSON path of the same numbers sent as JSON:
 * {@code x[5]} in a vector, {@code x[1][3]} in a batch.
 */
final class VectorBodies {

    /** The three forms of a body: JSON, raw little-endian numbers, a NumPy .npy file. */
    enum Format {
        JSON, RAW, NPY
    }

    /**
     * Checked input: rows × n finite values of the dtype, row after row.
     *
     * @param batch true if sent as rows (a JSON matrix, a 2-D .npy), false for one vector
     * @param body  the raw or .npy body x was read from, which nothing reads again: an answer of
     *              its size is written into it rather than into a new array; null for JSON
     */
    record Input(double[] x, int rows, int n, boolean batch, Dtype dtype, byte[] body) {

        /** The JSON path of element k of x: {@code x[k]}, or {@code x[r][c]} in a batch. */
        String path(String field, int k) {
            return batch ? field + "[" + (k / n) + "][" + (k % n) + "]" : field + "[" + k + "]";
        }

        /** The shape of x, or of an answer with m numbers a row (and, for a Jacobian, n columns). */
        long[] shape(int m, boolean jacobian) {
            if (jacobian) {
                return batch ? new long[] {rows, m, n} : new long[] {m, n};
            }
            return batch ? new long[] {rows, m} : new long[] {m};
        }
    }

    private VectorBodies() {
    }

    // ---- reading ----

    /**
     * A JSON {@code x}: a vector checked exactly as before batches existed, or a batch of rows.
     *
     * @param maxRowLength the limit on a vector, or on one row (413 beyond)
     * @param maxElements  the limit on all rows together (413 beyond)
     * @throws RequestException 400 for a missing or empty x, a ragged or missing row (naming the
     *                          first), a non-finite number or one beyond the dtype's range (naming
     *                          it); 413 beyond a limit
     */
    static Input fromJson(PreActivations x, Dtype dtype, int maxRowLength, int maxElements) {
        if (x == null || !x.isBatch()) {
            double[] vector = RequestChecks.finiteVector(x == null ? null : x.vector(), "x", maxRowLength);
            DtypeParameter.roundInputs(vector, dtype, "x");
            return new Input(vector, 1, vector.length, false, dtype, null);
        }
        double[][] rows = x.rows();
        int n = rows[0] == null ? -1 : rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw RequestException.invalid("x[" + r + "]", "'x[" + r + "]' must be an array of numbers, a row "
                        + "of the batch.");
            }
            if (rows[r].length != n) {
                throw RequestException.invalid("x[" + r + "]", "'x[" + r + "]' has " + rows[r].length
                        + " numbers but x[0] has " + n + ": the rows of a batch must all have one length.");
            }
        }
        if (n == 0) {
            throw RequestException.invalid("x[0]", "'x[0]' must not be empty.");
        }
        checkSize(rows.length, n, true, maxRowLength, maxElements);
        double[] flat = new double[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * n, n);
        }
        Input input = new Input(flat, rows.length, n, true, dtype, null);
        requireFinite(input, "' is not a finite number (JSON numbers beyond ±1.8e308 overflow to infinity).");
        roundInputs(input);
        return input;
    }

    /**
     * Raw little-endian numbers of the dtype: one vector.
     *
     * @throws RequestException 400 for an empty body, one that is not whole elements, or a non-finite
     *                          element (naming x[i]); 413 beyond the limit
     */
    static Input fromRaw(byte[] body, Dtype dtype, int maxLength) {
        int size = RawFloats.bytesPerElement(dtype);
        if (body == null || body.length == 0) {
            throw RequestException.invalid("x", "'x' must not be empty: the body holds no numbers.");
        }
        if (body.length % size != 0) {
            throw RequestException.invalid("x", "The body has " + body.length + " bytes, not a whole number of "
                    + dtype.label() + " elements (" + size + " bytes each; choose the dtype with ?dtype=).");
        }
        int count = body.length / size;
        checkSize(1, count, false, maxLength, maxLength);
        Input input = new Input(RawFloats.read(body, 0, count, dtype), 1, count, false, dtype, body);
        requireFinite(input, "' is NaN or infinite: every input must be a finite number.");
        return input;
    }

    /**
     * A {@code .npy} file of shape (n) or (rows, n).
     *
     * @param requested the dtype given as a query parameter, or null; it must be the file's
     * @throws RequestException 400 for a malformed header, an unsupported, big-endian or Fortran-order
     *                          array, data that do not match the shape, an empty array, a query dtype
     *                          other than the file's, or a non-finite element (naming it); 413 beyond a
     *                          limit
     */
    static Input fromNpy(byte[] body, Dtype requested, int maxRowLength, int maxElements) {
        if (body == null || body.length == 0) {
            throw RequestException.invalid("x", "'x' must not be empty: the body holds no .npy file.");
        }
        NpyFormat.Header header;
        try {
            header = NpyFormat.readHeader(body);
        } catch (NpyFormat.FormatException e) {
            throw RequestException.invalid(null, e.getMessage());
        }
        Dtype dtype = header.dtype();
        if (requested != null && requested != dtype) {
            throw RequestException.invalid("dtype", "'dtype' is " + requested.label() + " but the .npy file holds "
                    + dtype.label() + " (" + NpyFormat.descriptor(dtype) + "); leave dtype out or make them agree.");
        }
        long[] shape = header.shape();
        boolean batch = shape.length == 2;
        long rows = batch ? shape[0] : 1;
        long n = batch ? shape[1] : shape[0];
        if (rows * n == 0) {
            throw RequestException.invalid("x", "'x' must not be empty: the .npy array has shape "
                    + shapeText(shape) + ".");
        }
        if (n > Integer.MAX_VALUE || rows * n > Integer.MAX_VALUE) {
            throw RequestException.tooLarge("x", "'x' has " + rows * n + " numbers; the limit is " + maxElements + ".");
        }
        checkSize((int) rows, (int) n, batch, maxRowLength, maxElements);
        int size = RawFloats.bytesPerElement(dtype);
        long expected = rows * n * size;
        long data = body.length - (long) header.dataOffset();
        if (data != expected) {
            throw RequestException.invalid("x", "The .npy data hold " + data + " bytes; shape " + shapeText(shape)
                    + " of " + NpyFormat.descriptor(dtype) + " needs " + expected + ".");
        }
        Input input = new Input(RawFloats.read(body, header.dataOffset(), (int) (rows * n), dtype), (int) rows,
                (int) n, batch, dtype, body);
        requireFinite(input, "' is NaN or infinite: every input must be a finite number.");
        return input;
    }

    /**
     * The size limits: n numbers a row at most {@code maxRowLength}, all rows together at most
     * {@code maxElements}; the messages of a vector are those of {@link RequestChecks#finiteVector}.
     */
    private static void checkSize(int rows, int n, boolean batch, int maxRowLength, int maxElements) {
        if (!batch) {
            if (n > maxRowLength) {
                throw RequestException.tooLarge("x", "'x' has " + n + " numbers; the limit is " + maxRowLength + ".");
            }
            return;
        }
        if (n > maxRowLength) {
            throw RequestException.tooLarge("x", "The rows of 'x' have " + n + " numbers each; the limit for one row is "
                    + maxRowLength + ".");
        }
        long total = (long) rows * n;
        if (total > maxElements) {
            throw RequestException.tooLarge("x", "'x' has " + total + " numbers in " + rows + " rows; the limit is "
                    + maxElements + ".");
        }
    }

    private static void requireFinite(Input input, String why) {
        double[] x = input.x();
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                String path = input.path("x", k);
                throw RequestException.invalid(path, "'" + path + why);
            }
        }
    }

    /** Rounds a batch to its dtype in place (a no-op for float64 and for numbers read as the dtype). */
    private static void roundInputs(Input input) {
        Dtype dtype = input.dtype();
        double[] x = input.x();
        if (dtype == Dtype.FLOAT64) {
            return;
        }
        for (int k = 0; k < x.length; k++) {
            double r = dtype.round(x[k]);
            if (Double.isInfinite(r)) {
                String path = input.path("x", k);
                throw RequestException.invalid(path, "'" + path + "' = " + x[k] + " is beyond the range of "
                        + dtype.label() + " (largest " + dtype.maxValue() + ").");
            }
            x[k] = r;
        }
    }

    /**
     * Requires every result to be finite, naming the first that is not as the JSON answer would
     * hold it: {@code values[i]}, {@code values[r][i]}, {@code jacobian[r][i][j]}.
     *
     * @param m        results a row of the input (n, or n/2 for the gated units)
     * @param jacobian true if each row has an m × n Jacobian
     * @throws RequestException 422
     */
    static void requireFiniteResult(double[] results, String field, Input input, int m, boolean jacobian) {
        int n = input.n();
        int perRow = jacobian ? m * n : m;
        for (int k = 0; k < results.length; k++) {
            if (!Double.isFinite(results[k])) {
                int r = k / perRow;
                int rest = k % perRow;
                String at = jacobian ? "[" + rest / n + "][" + rest % n + "]" : "[" + rest + "]";
                String path = (input.batch() ? field + "[" + r + "]" : field) + at;
                int inputIndex = r * n + (jacobian ? rest % n : rest);
                throw RequestException.unprocessable(path, "The result at " + input.path("x", inputIndex) + " = "
                        + input.x()[inputIndex] + " is " + results[k] + ", which JSON cannot carry.");
            }
        }
    }

    /** The numbers of one row after another as rows of a matrix. */
    static double[][] rows(double[] flat, int rows, int m) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * m, (r + 1) * m);
        }
        return out;
    }

    /** Flat rows × m × n numbers as rows of m × n matrices. */
    static double[][][] matrices(double[] flat, int rows, int m, int n) {
        double[][][] out = new double[rows][][];
        for (int r = 0; r < rows; r++) {
            out[r] = new double[m][];
            for (int i = 0; i < m; i++) {
                int from = (r * m + i) * n;
                out[r][i] = java.util.Arrays.copyOfRange(flat, from, from + n);
            }
        }
        return out;
    }

    /** Each array of a map reshaped to rows. */
    static Map<String, double[][]> rows(Map<String, double[]> flat, int rows, int m) {
        Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        flat.forEach((k, v) -> out.put(k, rows(v, rows, m)));
        return out;
    }

    /** A shape as the X-Shape header gives it: {@code 3,4}. */
    static String shapeHeader(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (long d : shape) {
            sb.append(sb.isEmpty() ? "" : ",").append(d);
        }
        return sb.toString();
    }

    private static String shapeText(long[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shapeHeader(shape).replace(",", ", ") + ")";
    }
}
