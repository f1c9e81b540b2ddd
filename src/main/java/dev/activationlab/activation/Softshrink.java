package dev.activationlab.activation;

import java.util.List;

/**
 * Soft shrinkage (soft thresholding): x − lambda for x &gt; lambda, x + lambda for x &lt; −lambda,
 * else 0, as {@code torch.nn.functional.softshrink(x, lambd)}; lambda ≥ 0.
 *
 * <p>f'(x) = 1 for |x| &gt; lambda, else 0 (0 at ±lambda, as PyTorch's autograd). x ∓ lambda is exact
 * near ±lambda (Sterbenz). With lambda = 0 the function is the identity, and softshrink(−0.0) is −0.0.
 *
 * <p>Source: Donoho (1995), De-noising by soft-thresholding, IEEE Transactions on Information Theory 41(3).
 */
public final class Softshrink extends ScalarActivation {

    public Softshrink() {
        super(new ActivationDescriptor(
                "softshrink",
                List.of("soft_shrink"), // Keras's name (keras.activations.soft_shrink)
                "Soft shrinkage",
                "x − lambda if x > lambda, x + lambda if x < −lambda, else 0",
                "1 if |x| > lambda, else 0 (0 at x = ±lambda)",
                List.of(
                        Parameter.atLeast("lambda", 0.5, 0.0, "Half-width (≥ 0) of the dead zone around 0 (PyTorch's lambd).")),
                "(−∞, ∞)",
                new Traits(true, true, false, Traits.Saturation.NONE),
                "torch.nn.functional.softshrink; Donoho (1995), De-noising by soft-thresholding, "
                        + "IEEE Transactions on Information Theory"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        double lambda = parameters.get("lambda");
        return new Shrinkage(lambda, lambda);
    }
}
