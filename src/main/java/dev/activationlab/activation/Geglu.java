package dev.activationlab.activation;

/**
 * GEGLU a_i·gelu(b_i) with the exact gelu (through erfc). Source: Shazeer (2020), GLU variants improve Transformer, arXiv:2002.05202.
 */
public final class Geglu extends GatedLinearUnit {

    public Geglu() {
        super(SecondWaveKernels.Gate.GELU);
    }

    @Override
    public String name() {
        return "geglu";
    }

    @Override
    public String displayName() {
        return "GEGLU";
    }

    @Override
    public String formula() {
        return "x = [a, b] of even length n: y_i = a_i·gelu(b_i) (exact gelu), n/2 values";
    }

    @Override
    public String derivativeFormula() {
        return "n/2 × n Jacobian: ∂y_i/∂a_i = gelu(b_i), ∂y_i/∂b_i = a_i·(Φ(b_i) + b_i·φ(b_i))";
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
