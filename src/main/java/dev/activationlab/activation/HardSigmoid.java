package dev.activationlab.activation;

import java.util.List;

/**
 * The hard sigmoid relu6(x + 3)/6: 0 for x ≤ −3, 1 for x ≥ 3, else x/6 + 1/2, as
 * {@code torch.nn.functional.hardsigmoid}.
 *
 * <p>The middle piece is evaluated as (x + 3)/6, which is exact up to one rounding near x = −3
 * where x/6 + 1/2 would cancel. f'(x) = 1/6 for −3 &lt; x &lt; 3, else 0 (0 at ±3, as PyTorch's
 * autograd); the double nearest 1/6, not PyTorch's float32 constant.
 *
 * <p>Source: Howard et al. (2019), Searching for MobileNetV3, ICCV (h-sigmoid).
 */
public final class HardSigmoid extends ScalarActivation implements ScalarFunction {

    private static final double SLOPE = 1.0 / 6.0;

    public HardSigmoid() {
        super(new ActivationDescriptor(
                "hard_sigmoid",
                List.of("hardsigmoid"),
                "Hard sigmoid",
                "0 if x ≤ −3, 1 if x ≥ 3, else x/6 + 1/2",
                "1/6 if −3 < x < 3, else 0 (0 at x = ±3)",
                List.of(),
                "[0, 1]",
                new Traits(true, false, false, Traits.Saturation.BOTH),
                "torch.nn.functional.hardsigmoid; Howard et al. (2019), Searching for MobileNetV3, ICCV"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return this;
    }

    @Override
    public double value(double x) {
        // relu6(x + 3)/6 without a branch: x + 3 clamped to [0, 6] (+0.0 at x = −3; NaN stays NaN).
        return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    @Override
    public double derivative(double x) {
        return x > -3 && x < 3 ? SLOPE : 0.0;
    }

    @Override
    public double maxAbsDerivative() {
        return SLOPE;
    }
}
