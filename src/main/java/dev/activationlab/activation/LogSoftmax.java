package dev.activationlab.activation;

import java.util.List;

/**
 * Log-softmax y_i = x_i − ln Σ_j e^(x_j), as {@code torch.nn.functional.log_softmax(x, dim=0)}.
 *
 * <p>Evaluated as (x_i − m) − log1p(Σ_(j≠k) e^(x_j − m)), m = x_k the (first) largest element: the
 * log-sum-exp never overflows, and log1p keeps the small sum of the other terms when one term
 * dominates, so log_softmax([0, −1000]) is [−0.0, −1000] (the first entry is −e^−1000, which
 * underflows keeping its sign). For n ≥ 2 every y_i is negative; for n = 1 it is 0.
 * Jacobian J_ij = δ_ij − s_j, s = softmax(x); on the diagonal 1 − s_i is computed as the sum of
 * the other s_j, which keeps precision when s_i is close to 1.
 */
public final class LogSoftmax extends VectorActivation {

    public LogSoftmax() {
        super(new ActivationDescriptor(
                "log_softmax",
                List.of(),
                "Log-softmax",
                "y_i = x_i − ln Σ_j e^(x_j)",
                "Jacobian J_ij = δ_ij − s_j, s = softmax(x)",
                List.of(),
                "(−∞, 0], with Σ_i e^(y_i) = 1",
                new Traits(true, false, true, Traits.Saturation.POSITIVE),
                "torch.nn.functional.log_softmax (dim=0); torch.nn.LogSoftmax"));
    }

    /**
     * Log-softmax of x.
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length n, entries ≤ 0
     */
    @Override
    public double[] value(double[] x, Parameters parameters) {
        int k = StableKernels.argmax(x);
        double max = x[k];
        double[] e = StableKernels.exponentialsBelowMax(x, max);
        double logSum = Math.log1p(StableKernels.sumOfOthers(e, k));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - max;
            double yi = d - logSum;
            if (Double.isFinite(d)) {
                yi += StableKernels.sumError(x[i], -max, d);
            }
            // For n ≥ 2 the exact result is negative even where it underflows to zero.
            y[i] = yi == 0 && x.length > 1 ? -0.0 : yi;
        }
        return y;
    }

    /**
     * The Jacobian of log-softmax at x.
     *
     * @param x input vector, length n ≥ 1
     * @return n × n matrix, row i = ∂y_i/∂x = e_i − s
     */
    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        double[] s = StableKernels.softmax(x);
        int n = s.length;
        double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            double othersSum = StableKernels.sumOfOthers(s, i);
            for (int k = 0; k < n; k++) {
                j[i][k] = k == i ? othersSum : -s[k];
            }
        }
        return j;
    }
}
