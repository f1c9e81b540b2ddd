package dev.activationlab.activation;

import java.util.List;

/**
 * Softmax y_i = e^(x_i) / Σ_j e^(x_j), as {@code torch.softmax(x, dim=0)}.
 *
 * <p>The maximum is subtracted before exponentiating, so softmax([1000, 0]) is [1, 0] without
 * overflow, and the rounding error of each x_j − max is corrected. Jacobian J_ij = s_i(δ_ij − s_j); on the diagonal 1 − s_i is computed as the sum of
 * the other s_j, which keeps precision when s_i is close to 1.
 */
public final class Softmax extends VectorActivation {

    public Softmax() {
        super(new ActivationDescriptor(
                "softmax",
                List.of(),
                "Softmax",
                "y_i = e^(x_i) / Σ_j e^(x_j)",
                "Jacobian J_ij = s_i(δ_ij − s_j)",
                List.of(),
                "(0, 1), summing to 1",
                new Traits(true, false, true, Traits.Saturation.BOTH),
                "torch.nn.Softmax; Bridle (1990), Probabilistic interpretation of feedforward classification network outputs"));
    }

    /** Index of the first largest element; x has length ≥ 1. */
    static int argmax(double[] x) {
        int k = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[k]) {
                k = i;
            }
        }
        return k;
    }

    /**
     * e^(x_j − max) for every j, with the rounding error of each difference x_j − max recovered
     * exactly (two-sum) and corrected to first order, so that e.g. e^(−700) keeps full precision.
     *
     * @param max the largest element of x
     * @return a new array of length n, with exactly 1 at the position of max
     */
    static double[] exponentialsBelowMax(double[] x, double max) {
        double[] e = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - max;
            double v = Math.exp(d);
            if (v != 0) {
                v += v * differenceError(x[j], max, d);
            }
            e[j] = v;
        }
        return e;
    }

    /** (a − b) − d exactly, for d the rounded difference a − b (Knuth's two-sum). */
    static double differenceError(double a, double b, double d) {
        double bb = d - a;
        return (a - (d - bb)) + (-b - bb);
    }

    /**
     * Softmax of x.
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length n, entries in [0, 1] summing to 1 up to rounding
     */
    @Override
    public double[] value(double[] x, Parameters parameters) {
        int k = argmax(x);
        double[] y = exponentialsBelowMax(x, x[k]);
        // e^(x_k − max) = 1 exactly; the others are summed apart so that 1 + others rounds once.
        double others = 0;
        for (int j = 0; j < y.length; j++) {
            if (j != k) {
                others += y[j];
            }
        }
        double sum = 1.0 + others;
        for (int j = 0; j < y.length; j++) {
            y[j] /= sum;
        }
        return y;
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        double[] s = value(x, parameters);
        int n = s.length;
        double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            double othersSum = sumOfOthers(s, i);
            for (int k = 0; k < n; k++) {
                j[i][k] = k == i ? s[i] * othersSum : -s[i] * s[k];
            }
        }
        return j;
    }

    /**
     * Σ_{k ≠ i} s_k in index order: 1 − s_i without the cancellation of computing 1 − s_i when s_i is
     * close to 1, for the diagonal of the softmax and log_softmax Jacobians.
     */
    static double sumOfOthers(double[] s, int i) {
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            if (k != i) {
                sum += s[k];
            }
        }
        return sum;
    }
}
