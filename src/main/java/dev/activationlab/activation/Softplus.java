package dev.activationlab.activation;

import java.util.List;

/**
 * Softplus (1/beta)·ln(1 + e^(beta·x)), reverting to x where beta·x &gt; threshold, as
 * {@code torch.nn.functional.softplus(x, beta, threshold)}.
 *
 * <p>The comparison uses the double product beta·x, as PyTorch does. Below the threshold,
 * ln(1 + e^p) is evaluated as max(p, 0) + log1p(e^(−|p|)), which neither overflows (for a large
 * threshold) nor loses the tiny values for very negative p; the rounding error of the product
 * beta·x is recovered exactly (fma) and corrected to first order. f'(x) = σ(beta·x), and 1 above
 * the threshold; ln f'(x) = −softplus(−beta·x) stays finite where σ underflows. sup f' = 1.
 *
 * <p>Sources: Dugas, Bengio, Bélisle, Nadeau &amp; Garcia (2001), Incorporating second-order functional
 * knowledge for better option pricing, NIPS; Glorot, Bordes &amp; Bengio (2011), Deep sparse
 * rectifier neural networks, AISTATS.
 */
public final class Softplus extends ScalarActivation {

    public Softplus() {
        super(new ActivationDescriptor(
                "softplus",
                List.of(),
                "Softplus",
                "(1/beta)·ln(1 + e^(beta·x)); x where beta·x > threshold",
                "σ(beta·x); 1 where beta·x > threshold",
                List.of(
                        Parameter.above("beta", 1.0, 0.0, "Sharpness (> 0): larger beta approaches relu."),
                        Parameter.unbounded("threshold", 20.0,
                        "Where the double product beta·x exceeds it, the function is x (PyTorch's linear region).")),
                "(0, ∞)",
                new Traits(true, false, true, Traits.Saturation.NEGATIVE),
                "torch.nn.functional.softplus; Dugas et al. (2001), Incorporating second-order functional "
                        + "knowledge for better option pricing; Glorot, Bordes & Bengio (2011), Deep sparse rectifier "
                        + "neural networks"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new SoftplusFunction(parameters.get("beta"), parameters.get("threshold"));
    }

    /** softplus with beta and threshold fixed. */
    private record SoftplusFunction(double beta, double threshold) implements ScalarFunction {

        @Override
        public double value(double x) {
            double p = beta * x;
            if (p > threshold) {
                return x;
            }
            double sp = StableKernels.softplus(p);
            double error = productError(x, p);
            // The correction is exactly 0 when beta·x is exact (always for beta = 1): skip its exponential.
            return (error == 0 ? sp : sp + error * StableKernels.sigmoid(p)) / beta;
        }

        @Override
        public double derivative(double x) {
            double p = beta * x;
            if (p > threshold) {
                return 1.0;
            }
            double error = productError(x, p);
            return error == 0 ? StableKernels.sigmoid(p) : StableKernels.sigmoidOfSum(p, error);
        }

        /**
         * f over a vector. With beta = 1 (the default) and a finite threshold, through
         * {@link BlockedExp}, bit for bit {@link #value}: x where x &gt; threshold, else
         * softplus(x), chosen without a branch by step = [x &gt; threshold] as
         * step·max(x, threshold) − (step − 1)·softplus(min(x, threshold)), both terms finite, and
         * subtracting +0.0 where step is 1 keeps softplus(−0.0) = −0.0 above a negative threshold.
         */
        @Override
        public void values(double[] x, double[] out) {
            if (vectorised()) {
                BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0),
                        (block, n) -> unitBetaValuesOfBlock(block, n, threshold));
            } else {
                ScalarFunction.super.values(x, out);
            }
        }

        /** Whether the vector forms apply: beta·x exact (beta = 1) and a threshold to subtract. */
        private boolean vectorised() {
            return beta == 1.0 && Double.isFinite(threshold);
        }

        /**
         * Three loops, each of which C2 vectorises on its own (fused, they stayed scalar): the
         * exponentials into the result, their log1p, then the threshold's choice.
         */
        private static void unitBetaValuesOfBlock(BlockedExp block, int n, double threshold) {
            double[] y = block.result;
            for (int j = 0; j < n; j++) {
                y[j] = block.exp(j);
            }
            for (int j = 0; j < n; j++) {
                y[j] = StableKernels.log1pOfUnitInterval(y[j]);
            }
            choose(block.input, y, n, threshold);
        }

        private static void choose(double[] in, double[] y, int n, double threshold) {
            for (int j = 0; j < n; j++) {
                double step = StableKernels.positiveStep(in[j] - threshold);
                double below = StableKernels.softplusFromLog1p(Math.min(in[j], threshold), y[j]);
                y[j] = step * Math.max(in[j], threshold) - (step - 1.0) * below;
            }
        }

        /**
         * f' over a vector. With beta = 1 (the default) and a finite threshold, through
         * {@link BlockedExp}: σ(x), or 1 where x &gt; threshold, chosen without a branch as
         * max(σ(x), step(x − threshold)) (σ ≤ 1, and σ ≥ +0.0), bit for bit {@link #derivative}.
         * Other betas take the scalar path, whose product beta·x needs its rounding error corrected.
         */
        @Override
        public void derivatives(double[] x, double[] out) {
            if (vectorised()) {
                BlockedExp.forEachBlock(x, out, (block, n) -> block.expOfScaledAbs(n, -1.0),
                        (block, n) -> unitBetaDerivativesOfBlock(block, n, threshold));
            } else {
                ScalarFunction.super.derivatives(x, out);
            }
        }

        private static void unitBetaDerivativesOfBlock(BlockedExp block, int n, double threshold) {
            double[] in = block.input;
            double[] y = block.result;
            for (int j = 0; j < n; j++) {
                double sigmoid = StableKernels.sigmoidFromExp(in[j], block.exp(j));
                y[j] = Math.max(sigmoid, StableKernels.positiveStep(in[j] - threshold));
            }
        }

        @Override
        public double logAbsDerivative(double x) {
            double p = beta * x;
            return p > threshold ? 0.0 : -StableKernels.softplus(-p);
        }

        @Override
        public double maxAbsDerivative() {
            return 1.0;
        }

        /** beta·x − p exactly, for p the rounded product; 0 where the product is not finite. */
        private double productError(double x, double p) {
            return Double.isFinite(p) ? Math.fma(beta, x, -p) : 0.0;
        }
    }
}
