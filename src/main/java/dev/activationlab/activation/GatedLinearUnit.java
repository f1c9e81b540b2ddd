package dev.activationlab.activation;

/**
 * A gated linear unit: x of even length n split into halves a = x[0, n/2) and b = x[n/2, n),
 * y_i = a_i·g(b_i), the gate on the second half as {@code torch.nn.functional.glu(x, dim=-1)}.
 * n/2 values; an n/2 × n Jacobian with ∂y_i/∂a_i = g(b_i) in column i and
 * ∂y_i/∂b_i = a_i·g'(b_i) in column n/2 + i. An odd length is an {@link InvalidInputException}
 * naming {@code x}.
 */
abstract class GatedLinearUnit extends VectorActivation {

    /** The output range of every gated unit. */
    static final String OUTPUT_RANGE = "(−∞, ∞), n/2 values";

    private final StableKernels.Gate gate;

    GatedLinearUnit(StableKernels.Gate gate, ActivationDescriptor descriptor) {
        super(descriptor);
        this.gate = gate;
    }

    @Override
    public int outputLength(int n) {
        if (n % 2 != 0) {
            throw new InvalidInputException("x", name() + " splits x into two halves a and b (y_i = a_i·g(b_i)), "
                    + "so x needs an even length; got " + n + ".");
        }
        return n / 2;
    }

    @Override
    public double[] value(double[] x, Parameters parameters) {
        outputLength(x.length);
        return StableKernels.gated(x, gate);
    }

    @Override
    public double[][] jacobian(double[] x, Parameters parameters) {
        outputLength(x.length);
        return StableKernels.gatedJacobian(x, gate);
    }
}
