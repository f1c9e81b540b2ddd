package dev.activationlab.activation;

import java.util.List;

/**
 * The scaled exponential linear unit λ·(x if x &gt; 0, else α(e^x − 1)), as
 * {@code torch.nn.functional.selu}, with the fixed constants of the paper:
 * λ = 1.0507009873554804934193349852946 and α = 1.6732632423543772848170429916717 (the digits
 * PyTorch documents).
 *
 * <p>The negative branch is λα·expm1(x) with the product λα rounded once from the exact
 * decimals, so that selu(x) keeps full relative precision near 0. f'(x) = λ for x &gt; 0, else
 * λα·e^x (λα at x = 0, as PyTorch's autograd); ln f'(x) = ln(λα) + x stays finite where
 * λα·e^x underflows. sup |f'| = λα ≈ 1.7581.
 *
 * <p>Source: Klambauer, Unterthiner, Mayr &amp; Hochreiter (2017), Self-normalizing neural networks,
 * NeurIPS.
 */
public final class Selu extends ScalarActivation implements ScalarFunction {

    /** λ, the double nearest 1.0507009873554804934193349852946. */
    static final double LAMBDA = 1.0507009873554805;
    /** α, the double nearest 1.6732632423543772848170429916717. */
    static final double ALPHA = 1.6732632423543772;
    /** λα, the double nearest the exact product of the two decimals (mpmath, 60 digits). */
    private static final double LAMBDA_ALPHA = 1.7580993408473768;
    /** ln λ (mpmath, 60 digits). */
    private static final double LN_LAMBDA = 0.04945754842422913;
    /** ln(λα) (mpmath, 60 digits). */
    private static final double LN_LAMBDA_ALPHA = 0.564233305543254;

    public Selu() {
        super(new ActivationDescriptor(
                "selu",
                List.of(),
                "SELU (scaled exponential linear unit)",
                "λ·(x if x > 0, else α(e^x − 1)), λ = 1.0507009873554804934193349852946, "
                        + "α = 1.6732632423543772848170429916717",
                "λ if x > 0, else λα·e^x (λα at x = 0)",
                List.of(),
                "(−λα, ∞) ≈ (−1.7581, ∞)",
                new Traits(true, true, false, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.selu; Klambauer, Unterthiner, Mayr & Hochreiter (2017), "
                        + "Self-normalizing neural networks, NeurIPS"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x);
    }

    @Override
    public double logAbsDerivative(double x) {
        return x > 0 ? LN_LAMBDA : LN_LAMBDA_ALPHA + x;
    }

    @Override
    public double maxAbsDerivative() {
        return LAMBDA_ALPHA;
    }
}
