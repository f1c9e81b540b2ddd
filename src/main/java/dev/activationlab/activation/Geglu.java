package dev.activationlab.activation;

import java.util.List;

/**
 * GEGLU a_i·gelu(b_i) with the exact gelu (through erfc). Source: Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202.
 */
public final class Geglu extends GatedLinearUnit {

    public Geglu() {
        super(StableKernels.Gate.GELU, new ActivationDescriptor(
                "geglu",
                List.of(),
                "GEGLU",
                "x = [a, b] of even length n: y_i = a_i·gelu(b_i) (exact gelu), n/2 values",
                "n/2 × n Jacobian: ∂y_i/∂a_i = gelu(b_i), ∂y_i/∂b_i = a_i·(Φ(b_i) + b_i·φ(b_i))",
                List.of(),
                OUTPUT_RANGE,
                new Traits(false, true, true, Traits.Saturation.NEGATIVE),
                "Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202"));
    }
}
