package dev.activationlab.activation;

/**
 * hardshrink and softshrink with lambda fixed: both are 0 on the dead zone |x| ≤ lambda and move
 * x towards 0 by {@code offset} outside it (0 for hardshrink, lambda for softshrink), so that
 * f'(x) = 1 for |x| &gt; lambda, else 0 (0 at ±lambda, as PyTorch's autograd).
 *
 * @param lambda half-width of the dead zone, ≥ 0
 * @param offset how far x moves towards 0 outside it: 0 (hardshrink) or lambda (softshrink)
 */
record Shrinkage(double lambda, double offset) implements ScalarFunction {

    @Override
    public double value(double x) {
        if (Math.abs(x) > lambda) {
            // x − lambda for x > lambda, x + lambda for x < −lambda; x itself for offset 0.
            return x - Math.copySign(offset, x);
        }
        // The dead zone; with lambda = 0 only ±0.0 lands here, and keeps its sign.
        return lambda == 0 ? x : 0.0;
    }

    @Override
    public double derivative(double x) {
        return Math.abs(x) > lambda ? 1.0 : 0.0;
    }

    @Override
    public double maxAbsDerivative() {
        return 1.0;
    }
}
