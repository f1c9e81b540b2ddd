package dev.activationlab.activation;

import java.util.List;

/**
 * The randomized leaky ReLU in evaluation mode, as {@code torch.nn.RReLU(lower, upper).eval()}:
 * training draws the negative slope from U(lower, upper), evaluation uses its mean
 * (lower + upper)/2, which is what this service computes. The slope is kept exact as a sum of
 * two doubles, so that slope·x is rounded once. Bounds: 0 ≤ lower ≤ upper (a negative slope would
 * make the unit non-monotonic); PyTorch requires lower ≤ upper.
 */
public final class Rrelu extends ScalarActivation {

    public Rrelu() {
        super(new ActivationDescriptor(
                "rrelu",
                List.of(),
                "RReLU (randomized leaky ReLU, evaluation mode)",
                "x if x > 0, else ((lower + upper)/2)·x",
                "1 if x > 0, else (lower + upper)/2 (also at x = 0)",
                List.of(
                        Parameter.atLeast("lower", 0.125, 0.0, "Lower bound of the slope for x ≤ 0 (≥ 0, ≤ upper); training would draw the slope from U(lower, upper)."),
                        Parameter.atLeast("upper", 1.0 / 3.0, 0.0, "Upper bound of the slope for x ≤ 0 (≥ lower); evaluation uses (lower + upper)/2.")),
                "(−∞, ∞)",
                new Traits(true, true, false, Traits.Saturation.NONE),
                "torch.nn.RReLU (evaluation mode); Xu, Wang, Chen & Li (2015), Empirical evaluation of rectified activations in convolutional network, arXiv:1505.00853"));
    }

    @Override
    public void checkParameters(Parameters parameters) {
        double lower = parameters.get("lower");
        double upper = parameters.get("upper");
        if (!(lower <= upper)) {
            throw new InvalidParameterException("lower", "Parameter 'lower' of rrelu must not exceed 'upper'; got lower = "
                    + lower + ", upper = " + upper + ".");
        }
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        double[] slope = StableKernels.rreluSlope(parameters.get("lower"), parameters.get("upper"));
        return new RreluFunction(slope[0], slope[1]);
    }

    /** rrelu with its slope (lower + upper)/2 fixed, as the sum of two doubles slopeHi + slopeLo. */
    private record RreluFunction(double slopeHi, double slopeLo) implements ScalarFunction {

        @Override
        public double value(double x) {
            return StableKernels.rrelu(x, slopeHi, slopeLo);
        }

        @Override
        public double derivative(double x) {
            return StableKernels.rreluDerivative(x, slopeHi);
        }

        @Override
        public double maxAbsDerivative() {
            return Math.max(1.0, slopeHi);
        }
    }
}
