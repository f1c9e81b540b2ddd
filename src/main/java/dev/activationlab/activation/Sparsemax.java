package dev.activationlab.activation;

import java.util.List;

/**
 * Sparsemax, the Euclidean projection of x onto the probability simplex: p_i = max(x_i − τ, 0)
 * with τ such that Σ p_i = 1, as {@code keras.activations.sparsemax} (last axis). Unlike softmax
 * it gives exact zeros. Jacobian J_ij = δ_ij·s_i − s_i·s_j/|S|, s_i = 1 where p_i &gt; 0 exactly;
 * see {@link StableKernels#sparsemax} for the exact decision of the support.
 *
 * <p>Source: Martins &amp; Astudillo (2016), From softmax to sparsemax: a sparse model of attention
 * and multi-label classification, ICML, arXiv:1602.02068.
 */
public final class Sparsemax extends VectorActivation {

    public Sparsemax() {
        super(new ActivationDescriptor(
                "sparsemax",
                List.of(),
                "Sparsemax",
                "p_i = max(x_i − τ, 0), τ such that Σ_i p_i = 1 (the projection of x onto the probability simplex)",
                "Jacobian J_ij = δ_ij·s_i − s_i·s_j/|S|, s_i = 1 where p_i > 0, |S| = Σ_i s_i",
                List.of(),
                "[0, 1], summing to 1",
                new Traits(true, false, false, Traits.Saturation.BOTH),
                "keras.activations.sparsemax; Martins & Astudillo (2016), From softmax to sparsemax: a sparse model "
                        + "of attention and multi-label classification, arXiv:1602.02068"));
    }

    @Override
    public double[] value(double[] x, Parameters parameters) {
        return StableKernels.sparsemax(x);
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        return StableKernels.sparsemaxJacobian(x);
    }
}
