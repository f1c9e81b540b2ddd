package dev.activationlab.activation;

import java.util.List;

/**
 * SwiGLU a_i·silu(b_i), silu(b) = b·σ(b). Source: Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202.
 */
public final class Swiglu extends GatedLinearUnit {

    public Swiglu() {
        super(StableKernels.Gate.SILU, new ActivationDescriptor(
                "swiglu",
                List.of(),
                "SwiGLU",
                "x = [a, b] of even length n: y_i = a_i·silu(b_i), n/2 values",
                "n/2 × n Jacobian: ∂y_i/∂a_i = silu(b_i), ∂y_i/∂b_i = a_i·σ(b_i)(1 + b_i(1 − σ(b_i)))",
                List.of(),
                OUTPUT_RANGE,
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202"));
    }
}
