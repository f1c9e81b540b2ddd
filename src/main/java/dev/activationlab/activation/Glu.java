package dev.activationlab.activation;

import java.util.List;

/**
 * GLU a_i·σ(b_i), as {@code torch.nn.functional.glu(x, dim=-1)}; σ and σ' evaluated stably. Source: Dauphin et al. (2017), Language modeling with gated convolutional networks.
 */
public final class Glu extends GatedLinearUnit {

    public Glu() {
        super(StableKernels.Gate.SIGMOID, new ActivationDescriptor(
                "glu",
                List.of(),
                "GLU (gated linear unit)",
                "x = [a, b] of even length n: y_i = a_i·σ(b_i), n/2 values",
                "n/2 × n Jacobian: ∂y_i/∂a_i = σ(b_i), ∂y_i/∂b_i = a_i·σ(b_i)(1 − σ(b_i))",
                List.of(),
                OUTPUT_RANGE,
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.glu (dim=-1), keras.activations.glu; Dauphin, Fan, Auli & Grangier (2017), Language modeling with gated convolutional networks, ICML"));
    }
}
