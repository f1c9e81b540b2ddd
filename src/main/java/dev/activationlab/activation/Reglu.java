package dev.activationlab.activation;

import java.util.List;

/**
 * ReGLU a_i·relu(b_i), relu'(0) = 0 as PyTorch. Source: Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202.
 */
public final class Reglu extends GatedLinearUnit {

    public Reglu() {
        super(StableKernels.Gate.RELU, new ActivationDescriptor(
                "reglu",
                List.of(),
                "ReGLU",
                "x = [a, b] of even length n: y_i = a_i·relu(b_i), n/2 values",
                "n/2 × n Jacobian: ∂y_i/∂a_i = relu(b_i), ∂y_i/∂b_i = a_i if b_i > 0, else 0 (0 at b_i = 0)",
                List.of(),
                OUTPUT_RANGE,
                new Traits(false, true, false, Traits.Saturation.NEGATIVE),
                "Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202"));
    }
}
