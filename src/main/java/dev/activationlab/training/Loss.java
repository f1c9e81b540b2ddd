package dev.activationlab.training;

import dev.activationlab.activation.LogSoftmax;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.Sigmoid;
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
                out[c] = (SIGMOID.value(y[c]) - t[c]) * scale;
            }
        }

        @Override
        public double classOneProbability(double[] y) {
            return SIGMOID.value(y[0]);
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
            double[] logProbabilities = LOG_SOFTMAX.value(y, Parameters.none());
            double sum = 0.0;
            for (int c = 0; c < y.length; c++) {
                if (t[c] != 0.0) {
                    sum -= t[c] * logProbabilities[c];
                }
            }
            return sum;
        }

        @Override
        void rowGradient(double[] y, double[] t, double scale, double[] out) {
            double[] logProbabilities = LOG_SOFTMAX.value(y, Parameters.none());
            double targetMass = 0.0;
            for (double tc : t) {
                targetMass += tc;
            }
            for (int c = 0; c < y.length; c++) {
                out[c] = (Math.exp(logProbabilities[c]) * targetMass - t[c]) * scale;
            }
        }

        @Override
        public double classOneProbability(double[] y) {
            return Math.exp(LOG_SOFTMAX.value(y, Parameters.none())[1]);
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

    private static final Sigmoid SIGMOID = new Sigmoid();
    private static final LogSoftmax LOG_SOFTMAX = new LogSoftmax();

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

    /**
     * What a row of outputs says of class 1, for drawing a decision boundary: σ(y₁) of a logit, the
     * softmax probability of the second class, or (mse) the first output itself.
     *
     * @param y one row of network outputs (at least 2 for cross_entropy)
     */
    public double classOneProbability(double[] y) {
        return y[0];
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
