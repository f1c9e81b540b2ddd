package dev.activationlab.activation;

import java.util.List;

/**
 * Hard shrinkage (hard thresholding): x for |x| &gt; lambda, else 0, as
 * {@code torch.nn.functional.hardshrink(x, lambd)}; lambda ≥ 0.
 *
 * <p>f'(x) = 1 for |x| &gt; lambda, else 0 (0 at ±lambda, as PyTorch's autograd). With lambda = 0 the
 * function is the identity, and hardshrink(−0.0) is −0.0.
 *
 * <p>Source: Donoho &amp; Johnstone (1994), Ideal spatial adaptation by wavelet shrinkage, Biometrika 81(3).
 */
public final class Hardshrink extends ScalarActivation {

    public Hardshrink() {
        super(new ActivationDescriptor(
                "hardshrink",
                List.of("hard_shrink"), // Keras's name (keras.activations.hard_shrink)
                "Hard shrinkage",
                "x if |x| > lambda, else 0",
                "1 if |x| > lambda, else 0 (0 at x = ±lambda)",
                List.of(
                        Parameter.atLeast("lambda", 0.5, 0.0, "Half-width (≥ 0) of the zone around 0 set to 0 (PyTorch's lambd).")),
                "(−∞, −0.5) ∪ {0} ∪ (0.5, ∞); (−∞, −lambda) ∪ {0} ∪ (lambda, ∞) in general",
                new Traits(true, true, false, Traits.Saturation.NONE),
                "torch.nn.functional.hardshrink; Donoho & Johnstone (1994), Ideal spatial adaptation by wavelet "
                        + "shrinkage, Biometrika"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        double lambda = parameters.get("lambda");
        return new Shrinkage(lambda, 0.0);
    }
}
