package dev.activationlab.network;

import dev.activationlab.activation.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rosenblatt's perceptron learning rule (Rosenblatt 1958; Novikoff 1962 for its convergence on
 * linearly separable data). For each sample x with target t ∈ {0, 1}, in order:
 * y = step(w·x + b), and if y ≠ t, w ← w + η(t − y)x and b ← b + η(t − y).
 * Training stops after the first epoch without a misclassification, or after
 * {@code maxEpochs}.
 */
public final class PerceptronTrainer {

    private final ScalarFunction step;

    /**
     * @param step the threshold unit deciding each output, 0 or 1: the catalogue's {@code step}
     *             (1 if z &gt; 0, else 0)
     */
    public PerceptronTrainer(ScalarFunction step) {
        this.step = step;
    }

    /**
     * Trains from the initial weights of {@code settings}.
     *
     * @param inputs   m ≥ 1 samples of n inputs each
     * @param targets  m targets, each 0 or 1
     * @param settings learning rate, epochs, initial state, order of visit
     * @return the final state and one history record per epoch
     * @throws IllegalArgumentException if the lengths disagree, a target is not 0 or 1, the
     *                                  learning rate is not a positive finite number or
     *                                  maxEpochs &lt; 1
     */
    public TrainingResult train(double[][] inputs, double[] targets, TrainingSettings settings) {
        check(inputs, targets, settings);
        double[] w = settings.initialWeights().clone();
        double b = settings.initialBias();
        double eta = settings.learningRate();
        int[] order = new int[inputs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = settings.shuffle() ? new Random(settings.seed()) : null;

        List<EpochRecord> history = new ArrayList<>();
        boolean converged = false;
        int epoch = 0;
        while (epoch < settings.maxEpochs() && !converged) {
            epoch++;
            if (random != null) {
                shuffle(order, random);
            }
            int updates = 0;
            for (int sample : order) {
                double[] x = inputs[sample];
                double y = step.value(Perceptron.weightedSum(w, b, x));
                double error = targets[sample] - y;
                if (error != 0.0) {
                    double delta = eta * error;
                    for (int i = 0; i < w.length; i++) {
                        w[i] += delta * x[i];
                    }
                    b += delta;
                    updates++;
                }
            }
            history.add(new EpochRecord(epoch, updates, w.clone(), b));
            converged = updates == 0;
        }
        return new TrainingResult(w, b, converged, epoch, List.copyOf(history));
    }

    /** Fisher–Yates: every permutation equally likely, the same ones for the same seed. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static void check(double[][] inputs, double[] targets, TrainingSettings settings) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("No samples to train on");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " samples but " + targets.length + " targets");
        }
        int n = settings.initialWeights().length;
        for (int r = 0; r < inputs.length; r++) {
            if (inputs[r].length != n) {
                throw new IllegalArgumentException("Sample " + r + " has " + inputs[r].length + " inputs, expected " + n);
            }
            if (targets[r] != 0.0 && targets[r] != 1.0) {
                throw new IllegalArgumentException("Target " + r + " is " + targets[r] + ", not 0 or 1");
            }
        }
        if (!(settings.learningRate() > 0.0) || !Double.isFinite(settings.learningRate())) {
            throw new IllegalArgumentException("The learning rate must be a positive finite number");
        }
        if (settings.maxEpochs() < 1) {
            throw new IllegalArgumentException("maxEpochs must be at least 1");
        }
    }
}
