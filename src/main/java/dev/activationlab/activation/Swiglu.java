package dev.activationlab.activation;

/**
 * SwiGLU a_i·silu(b_i), silu(b) = b·σ(b). Source: Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202.
 */
public final class Swiglu extends GatedLinearUnit {

    public Swiglu() {
        super(SecondWaveKernels.Gate.SILU);
    }

    @Override
    public String name() {
        return "swiglu";
    }

    @Override
    public String displayName() {
        return "SwiGLU";
    }

    @Override
    public String formula() {
        return "x = [a, b] of even length n: y_i = a_i·silu(b_i), n/2 values";
    }

    @Override
    public String derivativeFormula() {
        return "n/2 × n Jacobian: ∂y_i/∂a_i = silu(b_i), ∂y_i/∂b_i = a_i·σ(b_i)(1 + b_i(1 − σ(b_i)))";
    }

    @Override
    public Traits traits() {
        return new Traits(false, true, true, Traits.Saturation.NEGATIVE);
    }

    @Override
    public String reference() {
        return "Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202";
    }
}
