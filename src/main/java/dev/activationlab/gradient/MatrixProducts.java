package dev.activationlab.gradient;

import java.util.Arrays;

/**
 * Dense matrix products on row-major {@code double[]} arrays (element (r, c) of an R × C matrix at
 * index r·C + c), in the i-k-j loop order: the innermost loop runs along rows of the right-hand
 * matrix and of the result, all contiguous, a loop the JIT can compile to SIMD code. The k loop is
 * unrolled by four, so that each pass over a row of the result adds four products and the result
 * is loaded and stored a quarter as often. Each product of an m × k by a k × n matrix costs
 * 2·m·k·n floating-point operations. Single-threaded, in a fixed summation order, so results are
 * reproducible.
 *
 * <p>Each array must hold at least the entries its shape gives (longer arrays are fine: only that
 * prefix is read or written); a shorter one fails with {@link ArrayIndexOutOfBoundsException}, and
 * passing the output array as an input gives wrong results, not an exception.
 */
public final class MatrixProducts {

    private MatrixProducts() {
    }

    /**
     * C = A·B.
     *
     * @param a m × k, length ≥ m·k
     * @param b k × n, length ≥ k·n
     * @param c m × n, length ≥ m·n, overwritten; must not be {@code a} or {@code b}
     * @throws ArrayIndexOutOfBoundsException if an array is shorter than its shape
     */
    public static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        Arrays.fill(c, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                double a0 = a[aRow + p];
                double a1 = a[aRow + p + 1];
                double a2 = a[aRow + p + 2];
                double a3 = a[aRow + p + 3];
                int b0 = p * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                double ap = a[aRow + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += ap * b[bRow + j];
                }
            }
        }
    }

    /**
     * C = Aᵀ·B, without forming Aᵀ: the weight gradient δᵀ·h summed over a batch.
     *
     * @param a k × m, length ≥ k·m
     * @param b k × n, length ≥ k·n
     * @param c m × n, length ≥ m·n, overwritten; must not be {@code a} or {@code b}
     * @throws ArrayIndexOutOfBoundsException if an array is shorter than its shape
     */
    public static void multiplyTransposedLeft(double[] a, double[] b, double[] c, int k, int m, int n) {
        Arrays.fill(c, 0, m * n, 0.0);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            int a0 = p * m;
            int a1 = a0 + m;
            int a2 = a1 + m;
            int a3 = a2 + m;
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int i = 0; i < m; i++) {
                double x0 = a[a0 + i];
                double x1 = a[a1 + i];
                double x2 = a[a2 + i];
                double x3 = a[a3 + i];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
        }
        for (; p < k; p++) {
            int aRow = p * m;
            int bRow = p * n;
            for (int i = 0; i < m; i++) {
                double x = a[aRow + i];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += x * b[bRow + j];
                }
            }
        }
    }

    /**
     * Aᵀ.
     *
     * @param a   rows × cols, length ≥ rows·cols
     * @param out cols × rows, length ≥ rows·cols, overwritten; must not be {@code a}
     * @throws ArrayIndexOutOfBoundsException if an array is shorter than its shape
     */
    public static void transpose(double[] a, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            int aRow = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = a[aRow + c];
            }
        }
    }
}
