package dev.activationlab.activation;

import java.util.List;

/**
 * Snake x + sin²(alpha·x)/alpha, a monotonic activation with a periodic part. alpha·x is kept
 * exact and f' = 1 + sin(2·alpha·x) keeps its relative precision next to its zeros (see
 * {@link StableKernels#snakeDerivative}); where alpha·x overflows a double, f' is not
 * computable (NaN, a 422 over HTTP). alpha is a fixed setting here. sup f' = 2.
 *
 * <p>Source: Liu Ziyin, Hartwig &amp; Ueda (2020), Neural networks fail to learn periodic functions
 * and how to fix it, arXiv:2006.08195.
 */
public final class Snake extends ScalarActivation {

    public Snake() {
        super(new ActivationDescriptor(
                "snake",
                List.of(),
                "Snake",
                "x + sin²(alpha·x)/alpha",
                "1 + sin(2·alpha·x)",
                List.of(
                        Parameter.above("alpha", 1.0, 0.0, "Frequency of the periodic part (> 0).")),
                "(−∞, ∞)",
                new Traits(true, true, true, Traits.Saturation.NONE),
                "Liu Ziyin, Hartwig & Ueda (2020), Neural networks fail to learn periodic functions and how to fix it, NeurIPS, arXiv:2006.08195"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new SnakeFunction(parameters.get("alpha"));
    }

    /** snake with alpha fixed. */
    private record SnakeFunction(double alpha) implements ScalarFunction {

        @Override
        public double value(double x) {
            return StableKernels.snake(x, alpha);
        }

        @Override
        public double derivative(double x) {
            return StableKernels.snakeDerivative(x, alpha);
        }

        @Override
        public double maxAbsDerivative() {
            return 2.0;
        }
    }
}
