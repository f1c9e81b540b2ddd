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

    /**
     * Softmax of x ({@link StableKernels#softmax}).
     *
     * @param x input vector, length n ≥ 1
     * @return output vector, length n, entries in [0, 1] summing to 1 up to rounding
     */
    @Override
    public double[] value(double[] x, Parameters parameters) {
        return StableKernels.softmax(x);
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        return StableKernels.softmaxJacobian(StableKernels.softmax(x));
    }
}
