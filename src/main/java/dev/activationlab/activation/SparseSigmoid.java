package dev.activationlab.activation;

/**
 * Sparse sigmoid, the derivative of sparse_plus: a clamp of (x + 1)/2 to [0, 1], as
 * {@code jax.nn.sparse_sigmoid}. At the corners ±1 the derivative is the flat side's 0.
 */
public final class SparseSigmoid implements ScalarActivation {

    @Override
    public String name() {
        return "sparse_sigmoid";
    }

    @Override
    public String displayName() {
        return "Sparse sigmoid";
    }

    @Override
    public String formula() {
        return "0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1";
    }

    @Override
    public String derivativeFormula() {
        return "1/2 if −1 < x < 1, else 0 (0 at x = ±1, the flat side)";
    }

    @Override
    public String outputRange() {
        return "[0, 1]";
    }

    @Override
    public Traits traits() {
        return new Traits(true, false, false, Traits.Saturation.BOTH);
    }

    @Override
    public String reference() {
        return "jax.nn.sparse_sigmoid, keras.activations.sparse_sigmoid";
    }

    @Override
    public ScalarFunction bind(Parameters parameters) {
        return new ScalarFunction() {
            @Override
            public double value(double x) {
                return SecondWaveKernels.sparseSigmoid(x);
            }

            @Override
            public double derivative(double x) {
                return SecondWaveKernels.sparseSigmoidDerivative(x);
            }

            @Override
            public double maxAbsDerivative() {
                return 0.5;
            }
        };
    }
}
