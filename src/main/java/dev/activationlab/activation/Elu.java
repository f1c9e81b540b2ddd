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
            if (alpha == 0) {
                // The negative branch is exactly 0, which is +0.0.
                return x > 0 ? x : 0.0;
            }
            return valueFromExpm1(x, BlockedExp.expm1OfNonPositive(Math.min(x, 0.0)));
        }

        /**
         * x for x &gt; 0, else alpha·(e^x − 1), from m = e^min(x, 0) − 1 without a branch: for x &gt; 0
         * the first term is ±0 and the second −x; for x ≤ 0 the second is +0.0, and subtracting
         * +0.0 keeps elu(−0.0) = −0.0.
         */
        private double valueFromExpm1(double x, double m) {
            return alpha * m - (0.0 - Math.max(x, 0.0));
        }

        @Override
        public double derivative(double x) {
            return derivativeFromExp(x, BlockedExp.exp(Math.min(x, 0.0)));
        }

        /**
         * 1 for x &gt; 0, else alpha·e^x, from e = e^min(x, 0) without a branch: step is 1 or +0.0,
         * and subtracting +0.0 keeps the sign of an alpha·e^x that underflows to −0.0.
         */
        private double derivativeFromExp(double x, double e) {
            double step = StableKernels.positiveStep(x);
            return (1.0 - step) * (alpha * e) - (0.0 - step);
        }

        /** elu over a vector through {@link BlockedExp}: bit for bit {@link #value} of each element. */
        @Override
        public void values(double[] x, double[] out) {
            if (alpha == 0) {
                ScalarFunction.super.values(x, out);
                return;
            }
            BlockedExp.forEachBlock(x, out, BlockedExp::expm1OfNegativePart, this::valuesOfBlock);
        }

        /** elu' over a vector through {@link BlockedExp}: bit for bit {@link #derivative} of each element. */
        @Override
        public void derivatives(double[] x, double[] out) {
            BlockedExp.forEachBlock(x, out, BlockedExp::expOfNegativePart, this::derivativesOfBlock);
        }

        private void valuesOfBlock(BlockedExp block, int n) {
            double[] in = block.input;
            double[] y = block.result;
            for (int j = 0; j < n; j++) {
                y[j] = valueFromExpm1(in[j], block.expm1(j));
            }
        }

        private void derivativesOfBlock(BlockedExp block, int n) {
            double[] in = block.input;
            double[] y = block.result;
            for (int j = 0; j < n; j++) {
                y[j] = derivativeFromExp(in[j], block.exp(j));
            }
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
