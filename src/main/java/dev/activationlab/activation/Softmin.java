package dev.activationlab.activation;

import java.util.List;

/**
 * Softmin y = softmax(−x), as {@code torch.nn.Softmin(dim=-1)}, with softmax's stable evaluation
 * (softmin([1000, 0]) is [0, 1]). Jacobian J_ij = −s_i(δ_ij − s_j), s = softmin(x), its diagonal
 * −s_i·Σ_(k≠i) s_k so that it keeps precision where s_i is close to 1.
 */
public final class Softmin extends VectorActivation {

    public Softmin() {
        super(new ActivationDescriptor(
                "softmin",
                List.of(),
                "Softmin",
                "y_i = e^(−x_i) / Σ_j e^(−x_j) = softmax(−x)_i",
                "Jacobian J_ij = −s_i(δ_ij − s_j), s = softmin(x)",
                List.of(),
                "(0, 1), summing to 1",
                new Traits(false, false, true, Traits.Saturation.BOTH),
                "torch.nn.Softmin"));
    }

    @Override
    public double[] value(double[] x, Parameters parameters) {
        return StableKernels.softmin(x);
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        return StableKernels.softminJacobian(x);
    }
}
