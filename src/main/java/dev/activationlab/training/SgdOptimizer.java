package dev.activationlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD} with dampening 0: g = ∇ + weightDecay·p;
 * with momentum μ ≠ 0, b = g at the first step and b = μ·b + g after, then g = g + μ·b if
 * Nesterov, else g = b; p ← p − learningRate·g.
 */
public final class SgdOptimizer implements Optimizer {

    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private List<double[]> buffers;

    /**
     * @param learningRate η ≥ 0
     * @param momentum     μ ≥ 0
     * @param nesterov     Nesterov momentum (needs μ &gt; 0, as PyTorch)
     * @param weightDecay  L2 penalty ≥ 0
     */
    public SgdOptimizer(double learningRate, double momentum, boolean nesterov, double weightDecay) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<double[]> parameters, List<double[]> gradients) {
        boolean first = buffers == null;
        if (first && momentum != 0.0) {
            buffers = new ArrayList<>(parameters.size());
            for (double[] p : parameters) {
                buffers.add(new double[p.length]);
            }
        }
        for (int a = 0; a < parameters.size(); a++) {
            double[] p = parameters.get(a);
            double[] grad = gradients.get(a);
            for (int i = 0; i < p.length; i++) {
                double g = weightDecay != 0.0 ? grad[i] + weightDecay * p[i] : grad[i];
                if (momentum != 0.0) {
                    double[] b = buffers.get(a);
                    b[i] = first ? g : momentum * b[i] + g;
                    g = nesterov ? g + momentum * b[i] : b[i];
                }
                p[i] = p[i] - learningRate * g;
            }
        }
    }

    @Override
    public String toPyTorch() {
        return PyTorchScript.sgd(learningRate, momentum, nesterov, weightDecay);
    }
}
