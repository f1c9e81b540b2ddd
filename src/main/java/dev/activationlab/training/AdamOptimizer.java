package dev.activationlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam as {@code torch.optim.Adam} (Kingma &amp; Ba (2015), Adam: a method for stochastic
 * optimization, ICLR): g = ∇ + weightDecay·p; m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; at
 * step t, p ← p − (learningRate/(1 − β1^t))·m / (√v/√(1 − β2^t) + ε), in PyTorch's order of
 * operations.
 */
public final class AdamOptimizer implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private List<double[]> firstMoments;
    private List<double[]> secondMoments;
    private int step;

    /**
     * @param learningRate η ≥ 0
     * @param beta1        β1 in [0, 1)
     * @param beta2        β2 in [0, 1)
     * @param epsilon      ε ≥ 0
     * @param weightDecay  L2 penalty ≥ 0
     */
    public AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<double[]> parameters, List<double[]> gradients) {
        if (firstMoments == null) {
            firstMoments = new ArrayList<>(parameters.size());
            secondMoments = new ArrayList<>(parameters.size());
            for (double[] p : parameters) {
                firstMoments.add(new double[p.length]);
                secondMoments.add(new double[p.length]);
            }
        }
        step++;
        double biasCorrection1 = 1.0 - Math.pow(beta1, step);
        double biasCorrection2Root = Math.sqrt(1.0 - Math.pow(beta2, step));
        double stepSize = learningRate / biasCorrection1;
        for (int a = 0; a < parameters.size(); a++) {
            double[] p = parameters.get(a);
            double[] grad = gradients.get(a);
            double[] m = firstMoments.get(a);
            double[] v = secondMoments.get(a);
            for (int i = 0; i < p.length; i++) {
                double g = weightDecay != 0.0 ? grad[i] + weightDecay * p[i] : grad[i];
                m[i] = m[i] * beta1 + (1.0 - beta1) * g;
                v[i] = v[i] * beta2 + (1.0 - beta2) * g * g;
                double denominator = Math.sqrt(v[i]) / biasCorrection2Root + epsilon;
                p[i] = p[i] + (-stepSize) * (m[i] / denominator);
            }
        }
    }

    @Override
    public String toPyTorch() {
        return PyTorchScript.adam(learningRate, beta1, beta2, epsilon, weightDecay);
    }
}
