package dev.activationlab.activation;

import dev.activationlab.dtype.Dtype;
import java.util.Map;

/**
 * Evaluates and differentiates an activation over a batch: rows of one length n held row after
 * row in one array (C order, as a PyTorch tensor of shape rows × n). Scalar activations apply
 * element by element; vector-valued ones act on each row (PyTorch's {@code dim=-1}). A single
 * vector is a batch of one row.
 *
 * <p>Every path of the service that answers evaluate or derivative (JSON vectors and matrices,
 * raw bytes, .npy files) computes here, so that they give the same bits for the same numbers.
 */
public final class BatchEvaluation {

    private BatchEvaluation() {
    }

    /**
     * The derivative of an activation over a batch. Exactly one of {@code derivatives} and
     * {@code jacobian} is set.
     *
     * @param derivatives        f'(x), rows × n, for scalar activations
     * @param parameterGradients name → ∂y/∂p (rows × n) for learnable parameters (prelu), else null
     * @param jacobian           for vector-valued activations: rows × m × n, row after row of each
     *                           row's m × n Jacobian (m = n, or n/2 for the gated units)
     */
    public record Derivative(double[] derivatives, Map<String, double[]> parameterGradients, double[] jacobian) {
    }

    /**
     * The length of f of one row of length n: n, or n/2 for the gated units.
     *
     * @throws InvalidInputException naming {@code x} if the activation cannot take that length
     */
    public static int outputLength(Activation activation, int n) {
        return activation instanceof VectorActivation vector ? vector.outputLength(n) : n;
    }

    /**
     * f(x) over a batch, each result rounded to the dtype as {@link DtypeEvaluation} rounds it.
     *
     * @param x     rows × n inputs, each a value of the dtype
     * @param n     the length of a row, ≥ 1, dividing x.length
     * @return a new array of rows × {@link #outputLength(Activation, int) m}
     * @throws DtypeEvaluation.TooMuchExactWork see {@link DtypeEvaluation#scalar}
     */
    public static double[] values(Activation activation, Parameters parameters, double[] x, int n, Dtype dtype) {
        return activation.match(scalar -> DtypeEvaluation.scalar(scalar, parameters, x, dtype, false),
                vector -> rowValues(vector, parameters, x, n, dtype));
    }

    private static double[] rowValues(VectorActivation vector, Parameters parameters, double[] x, int n, Dtype dtype) {
        int m = vector.outputLength(n);
        int rows = x.length / n;
        double[] out = new double[rows * m];
        for (int r = 0; r < rows; r++) {
            double[] y = vector.value(row(x, r, n), parameters);
            System.arraycopy(y, 0, out, r * m, m);
        }
        return DtypeEvaluation.roundAll(out, dtype);
    }

    /**
     * f'(x) over a batch (with ∂y/∂p for a learnable activation), or each row's Jacobian, each
     * result rounded to the dtype.
     *
     * @param x     rows × n inputs, each a value of the dtype
     * @param n     the length of a row, ≥ 1, dividing x.length
     * @throws DtypeEvaluation.TooMuchExactWork see {@link DtypeEvaluation#scalar}
     */
    public static Derivative derivative(Activation activation, Parameters parameters, double[] x, int n, Dtype dtype) {
        return activation.match(scalar -> scalarDerivative(scalar, parameters, x, dtype),
                vector -> rowJacobians(vector, parameters, x, n, dtype));
    }

    private static Derivative scalarDerivative(ScalarActivation scalar, Parameters parameters, double[] x, Dtype dtype) {
        double[] derivatives = DtypeEvaluation.scalar(scalar, parameters, x, dtype, true);
        Map<String, double[]> gradients = null;
        if (scalar instanceof ParameterGradients learnable) {
            gradients = learnable.parameterGradients(x, parameters);
            gradients.values().forEach(g -> DtypeEvaluation.roundAll(g, dtype));
        }
        return new Derivative(derivatives, gradients, null);
    }

    private static Derivative rowJacobians(VectorActivation vector, Parameters parameters, double[] x, int n,
                                           Dtype dtype) {
        int m = vector.outputLength(n);
        int rows = x.length / n;
        double[] jacobian = new double[rows * m * n];
        for (int r = 0; r < rows; r++) {
            double[][] j = vector.jacobian(row(x, r, n), parameters);
            for (int i = 0; i < m; i++) {
                System.arraycopy(j[i], 0, jacobian, (r * m + i) * n, n);
            }
        }
        return new Derivative(null, null, DtypeEvaluation.roundAll(jacobian, dtype));
    }

    private static double[] row(double[] x, int r, int n) {
        if (r == 0 && x.length == n) {
            return x;
        }
        double[] row = new double[n];
        System.arraycopy(x, r * n, row, 0, n);
        return row;
    }
}
