package dev.activationlab.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The losses a network is trained on, each with mean reduction as PyTorch's defaults, over n rows
 * of k outputs y (the last layer's outputs) and targets t of the same shape.
 */
public enum Loss {

    /**
     * Mean over all n·k elements of (y − t)², {@code torch.nn.MSELoss}. ∂L/∂y = 2(y − t)/(n·k).
     * A row is classified right when every |y − t| &lt; 0.5.
     */
    MSE("mse") {
        @Override
        double rowLoss(double[] y, double[] t) {
            double sum = 0.0;
            for (int c = 0; c < y.length; c++) {
                double d = y[c] - t[c];
                sum += d * d;
            }
            return sum;
        }

        @Override
        void rowGradient(double[] y, double[] t, double scale, double[] out) {
            for (int c = 0; c < y.length; c++) {
                out[c] = 2.0 * (y[c] - t[c]) * scale;
            }
        }

        @Override
        boolean rowRight(double[] y, double[] t) {
            for (int c = 0; c < y.length; c++) {
                if (!(Math.abs(y[c] - t[c]) < 0.5)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double elementsPerRow(int k) {
            return k;
        }
    },

    /**
     * The outputs are logits: mean over all elements of max(y, 0) − y·t + ln(1 + e^(−|y|)),
     * {@code torch.nn.BCEWithLogitsLoss}, which never overflows (logits of ±1000 included).
     * ∂L/∂y = (σ(y) − t)/(n·k). A row is classified right when every y &gt; 0 matches t ≥ 0.5.
     */
    BCE_WITH_LOGITS("bce_with_logits") {
        @Override
        double rowLoss(double[] y, double[] t) {
            double sum = 0.0;
            for (int c = 0; c < y.length; c++) {
                sum += Math.max(y[c], 0.0) - y[c] * t[c] + Math.log1p(Math.exp(-Math.abs(y[c])));
            }
            return sum;
        }

        @Override
        void rowGradient(double[] y, double[] t, double scale, double[] out) {
            for (int c = 0; c < y.length; c++) {
                out[c] = (logistic(y[c]) - t[c]) * scale;
            }
        }

        @Override
        boolean rowRight(double[] y, double[] t) {
            for (int c = 0; c < y.length; c++) {
                if ((y[c] > 0) != (t[c] >= 0.5)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double elementsPerRow(int k) {
            return k;
        }
    },

    /**
     * Each output row is a vector of logits and each target row a probability vector: mean over
     * rows of −Σ_c t_c·log_softmax(y)_c, {@code torch.nn.CrossEntropyLoss} with probability
     * targets. ∂L/∂y_c = (softmax(y)_c·Σ_j t_j − t_c)/n. A row is classified right when
     * argmax y = argmax t, the first index on ties.
     */
    CROSS_ENTROPY("cross_entropy") {
        @Override
        double rowLoss(double[] y, double[] t) {
            double logSumExp = logSumExp(y);
            double sum = 0.0;
            for (int c = 0; c < y.length; c++) {
                if (t[c] != 0.0) {
                    sum -= t[c] * (y[c] - logSumExp);
                }
            }
            return sum;
        }

        @Override
        void rowGradient(double[] y, double[] t, double scale, double[] out) {
            double logSumExp = logSumExp(y);
            double targetMass = 0.0;
            for (double tc : t) {
                targetMass += tc;
            }
            for (int c = 0; c < y.length; c++) {
                out[c] = (Math.exp(y[c] - logSumExp) * targetMass - t[c]) * scale;
            }
        }

        @Override
        boolean rowRight(double[] y, double[] t) {
            return argmax(y) == argmax(t);
        }

        @Override
        double elementsPerRow(int k) {
            return 1;
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The name in requests, e.g. {@code bce_with_logits}. */
    public String id() {
        return id;
    }

    /** Every accepted name. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Loss::id).toList();
    }

    /** The loss called {@code name}, case-insensitively, with {@code -} accepted for {@code _}. */
    public static Optional<Loss> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(l -> l.id.equals(key)).findFirst();
    }

    /** The unreduced loss of one row, summed over its outputs. */
    abstract double rowLoss(double[] y, double[] t);

    /** ∂(mean loss)/∂y of one row, the row's unreduced gradient times {@code scale}. */
    abstract void rowGradient(double[] y, double[] t, double scale, double[] out);

    /** Whether one row is classified right, by the accuracy rule of the loss. */
    abstract boolean rowRight(double[] y, double[] t);

    /** How many elements of a row of k outputs the mean divides by: k, or 1 for a row-wise loss. */
    abstract double elementsPerRow(int k);

    /**
     * The mean loss.
     *
     * @param outputs n × k network outputs
     * @param targets n × k targets
     */
    public double loss(double[][] outputs, double[][] targets) {
        double sum = 0.0;
        for (int r = 0; r < outputs.length; r++) {
            sum += rowLoss(outputs[r], targets[r]);
        }
        return sum / (outputs.length * elementsPerRow(outputs[0].length));
    }

    /**
     * ∂(mean loss)/∂outputs, as {@code loss.backward()} seeds the backward pass.
     *
     * @return n × k
     */
    public double[][] gradient(double[][] outputs, double[][] targets) {
        double scale = 1.0 / (outputs.length * elementsPerRow(outputs[0].length));
        double[][] gradient = new double[outputs.length][outputs[0].length];
        for (int r = 0; r < outputs.length; r++) {
            rowGradient(outputs[r], targets[r], scale, gradient[r]);
        }
        return gradient;
    }

    /** The share of rows classified right, in [0, 1]. */
    public double accuracy(double[][] outputs, double[][] targets) {
        int right = 0;
        for (int r = 0; r < outputs.length; r++) {
            if (rowRight(outputs[r], targets[r])) {
                right++;
            }
        }
        return (double) right / outputs.length;
    }

    /** σ(y) without overflow for either sign of y. */
    private static double logistic(double y) {
        if (y >= 0) {
            return 1.0 / (1.0 + Math.exp(-y));
        }
        double e = Math.exp(y);
        return e / (1.0 + e);
    }

    /** ln Σ e^(y_c), shifted by the largest y so that no term overflows. */
    private static double logSumExp(double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v);
        }
        double sum = 0.0;
        for (double v : y) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** The first index of the largest entry. */
    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
