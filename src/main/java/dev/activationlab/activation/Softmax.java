package dev.activationlab.activation;

/**
 * Softmax y_i = e^(x_i) / Σ_j e^(x_j), as {@code torch.softmax(x, dim=0)}.
 *
 * <p>The maximum is subtracted before exponentiating, so softmax([1000, 0]) is [1, 0] without
 * overflow. Jacobian J_ij = s_i(δ_ij − s_j); on the diagonal 1 − s_i is computed as the sum of
 * the other s_j, which keeps precision when s_i is close to 1.
 */
public final class Softmax implements VectorActivation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String displayName() {
        return "Softmax";
    }

    @Override
    public String formula() {
        return "y_i = e^(x_i) / Σ_j e^(x_j)";
    }

    @Override
    public String derivativeFormula() {
        return "Jacobian J_ij = s_i(δ_ij − s_j)";
    }

    @Override
    public String outputRange() {
        return "(0, 1), summing to 1";
    }

    @Override
    public Traits traits() {
        return new Traits(true, false, true, Traits.Saturation.BOTH);
    }

    @Override
    public String reference() {
        return "torch.nn.Softmax; Bridle (1990), Probabilistic interpretation of feedforward classification network outputs";
    }

    @Override
    public double[] value(double[] x, Parameters parameters) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] y = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i] - max);
            sum += y[i];
        }
        for (int i = 0; i < x.length; i++) {
            y[i] /= sum;
        }
        return y;
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        double[] s = value(x, parameters);
        int n = s.length;
        double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            double othersSum = 0;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    othersSum += s[k];
                }
            }
            for (int k = 0; k < n; k++) {
                j[i][k] = k == i ? s[i] * othersSum : -s[i] * s[k];
            }
        }
        return j;
    }
}
