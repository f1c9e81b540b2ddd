package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatrixProductsTest {

    /** Small integers, so that every product and sum is exact in double whatever the order. */
    private static double[] integers(int n, int seed) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((i * 7 + seed * 13) % 11) - 5;
        }
        return a;
    }

    private static double[] naive(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void multiplyAgreesWithTheDefinitionForSizesNotMultiplesOfFour() {
        for (int[] size : new int[][] {{1, 1, 1}, {3, 5, 2}, {4, 8, 4}, {6, 7, 9}, {2, 13, 3}}) {
            int m = size[0];
            int k = size[1];
            int n = size[2];
            double[] a = integers(m * k, 1);
            double[] b = integers(k * n, 2);
            double[] c = new double[m * n];
            java.util.Arrays.fill(c, 99.0);   // overwritten, not accumulated into

            MatrixProducts.multiply(a, b, c, m, k, n);

            assertThat(c).containsExactly(naive(a, b, m, k, n));
        }
    }

    @Test
    void multiplyTransposedLeftIsTheProductWithTheTranspose() {
        int k = 7;
        int m = 5;
        int n = 6;
        double[] a = integers(k * m, 3);
        double[] b = integers(k * n, 4);
        double[] at = new double[m * k];
        MatrixProducts.transpose(a, k, m, at);
        double[] c = new double[m * n];

        MatrixProducts.multiplyTransposedLeft(a, b, c, k, m, n);

        assertThat(c).containsExactly(naive(at, b, m, k, n));
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[] a = {1, 2, 3, 4, 5, 6};   // 2 × 3
        double[] t = new double[6];
        MatrixProducts.transpose(a, 2, 3, t);
        assertThat(t).containsExactly(1, 4, 2, 5, 3, 6);
    }
}
