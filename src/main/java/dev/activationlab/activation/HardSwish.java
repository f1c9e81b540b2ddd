package dev.activationlab.activation;

import java.util.List;

/**
 * The hard swish x·relu6(x + 3)/6, as {@code torch.nn.functional.hardswish}: 0 for x ≤ −3, x for
 * x ≥ 3, else x(x + 3)/6.
 *
 * <p>f'(x) = 0 for x &lt; −3, 1 for x &gt; 3, else x/3 + 1/2, evaluated as (2x + 3)/6 (exact up to
 * one rounding near its zero at −1.5). At the kinks this gives f'(−3) = −0.5 and f'(3) = 1.5,
 * the values of PyTorch's scalar autograd kernel (its vectorised kernel gives 1.0 at 3);
 * sup |f'| = 1.5. hard_swish(−3) = +0.0 and hard_swish(−0.0) = −0.0.
 *
 * <p>Source: Howard et al. (2019), Searching for MobileNetV3, ICCV.
 */
public final class HardSwish extends ScalarActivation implements ScalarFunction {

    public HardSwish() {
        super(new ActivationDescriptor(
                "hard_swish",
                List.of("hardswish", "hard_silu"), // PyTorch's spelling; jax.nn.hard_silu, keras.activations.hard_silu
                "Hard swish",
                "x·relu6(x + 3)/6: 0 if x ≤ −3, x if x ≥ 3, else x(x + 3)/6",
                "0 if x < −3, x/3 + 1/2 if −3 ≤ x ≤ 3, 1 if x > 3 (−0.5 at x = −3, 1.5 at x = 3)",
                List.of(),
                "[−0.375, ∞) (minimum at x = −1.5)",
                new Traits(false, true, false, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.hardswish; Howard et al. (2019), Searching for MobileNetV3, ICCV"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        if (x <= -3) {
            return 0.0;
        }
        if (x >= 3) {
            return x;
        }
        return x * (x + 3.0) / 6.0;
    }

    @Override
    public double derivative(double x) {
        if (x < -3) {
            return 0.0;
        }
        if (x > 3) {
            return 1.0;
        }
        return (2.0 * x + 3.0) / 6.0;
    }

    @Override
    public double maxAbsDerivative() {
        return 1.5;
    }
}
