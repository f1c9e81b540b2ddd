package dev.activationlab.activation;

import java.util.List;

/**
 * The exponential linear unit: x for x &gt; 0, else alpha·(e^x − 1), as
 * {@code torch.nn.functional.elu}.
 *
 * <p>The negative branch is computed with {@code expm1}, so that elu(x) keeps full relative
 * precision near 0 where e^x − 1 would cancel. f'(x) = 1 for x &gt; 0, else alpha·e^x (alpha at
 * x = 0, as PyTorch's autograd); ln |f'(x)| = ln |alpha| + x on the negative side stays finite
 * where alpha·e^x underflows. elu(−0.0) = −0.0 (for alpha &gt; 0).
 *
 * <p>Source: Clevert, Unterthiner &amp; Hochreiter (2015), Fast and accurate deep network learning by
 * exponential linear units (ELUs), arXiv:1511.07289.
 */
public final class Elu extends ScalarActivation {

    public Elu() {
        super(new ActivationDescriptor(
                "elu",
                List.of(),
                "ELU (exponential linear unit)",
                "x if x > 0, else alpha·(e^x − 1)",
                "1 if x > 0, else alpha·e^x (alpha at x = 0)",
                List.of(
                        Parameter.unbounded("alpha", 1.0, "Scale of the negative part: f tends to −alpha as x → −∞.")),
                "(−1, ∞); (−alpha, ∞) for alpha > 0",
                new Traits(true, true, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.elu; Clevert, Unterthiner & Hochreiter (2015), Fast and accurate deep network "
                        + "learning by exponential linear units (ELUs), arXiv:1511.07289"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new EluFunction(parameters.get("alpha"));
    }

    /** elu with alpha fixed. */
    private record EluFunction(double alpha) implements ScalarFunction {

        @Override
        public double value(double x) {
            if (x > 0) {
                return x;
            }
            // With alpha = 0 the negative branch is exactly 0, which is +0.0.
            return alpha == 0 ? 0.0 : alpha * Math.expm1(x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1.0 : alpha * Math.exp(x);
        }

        @Override
        public double logAbsDerivative(double x) {
            return x > 0 ? 0.0 : Math.log(Math.abs(alpha)) + x;
        }

        @Override
        public double maxAbsDerivative() {
            // alpha·e^x on x ≤ 0 peaks in magnitude at x = 0.
            return Math.max(1.0, Math.abs(alpha));
        }
    }
}
