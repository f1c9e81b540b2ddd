package dev.activationlab.activation;

import java.util.List;

/**
 * Squareplus (x + √(x² + b))/2, a softplus-like rectifier built from a square root, as
 * {@code jax.nn.squareplus(x, b)}. For x &lt; 0 it is evaluated as b/(2(√(x² + b) − x)), which does
 * not cancel (see {@link StableKernels#squareplus}); within 2 ulps of the exact value. sup f' = 1.
 *
 * <p>Source: Barron (2021), Squareplus: a softplus-like algebraic rectifier, arXiv:2112.11687.
 */
public final class Squareplus extends ScalarActivation {

    public Squareplus() {
        super(new ActivationDescriptor(
                "squareplus",
                List.of(),
                "Squareplus",
                "(x + √(x² + b)) / 2",
                "(1 + x/√(x² + b)) / 2",
                List.of(
                        Parameter.above("b", 4.0, 0.0, "Curvature near 0 (> 0): f(0) = √b/2; as b → 0 squareplus becomes relu.")),
                "(0, ∞)",
                new Traits(true, false, true, Traits.Saturation.NEGATIVE),
                "jax.nn.squareplus, keras.activations.squareplus; Barron (2021), Squareplus: a softplus-like algebraic rectifier, arXiv:2112.11687"));
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new SquareplusFunction(parameters.get("b"));
    }

    /** squareplus with b fixed. */
    private record SquareplusFunction(double b) implements ScalarFunction {

        @Override
        public double value(double x) {
            return StableKernels.squareplus(x, b);
        }

        @Override
        public double derivative(double x) {
            return StableKernels.squareplusDerivative(x, b);
        }

        @Override
        public double logAbsDerivative(double x) {
            double d = derivative(x);
            if (d > Double.MIN_NORMAL) {
                return Math.log(d);
            }
            // f' = b/(4·((r − x)/2)·r), r = √(x² + b), in log space where it underflows.
            double r = StableKernels.squareplusRoot(x, b);
            return Math.log(b) - Math.log(0.5 * r - 0.5 * x) - Math.log(4) - Math.log(r);
        }

        @Override
        public double maxAbsDerivative() {
            return 1.0;
        }
    }
}
