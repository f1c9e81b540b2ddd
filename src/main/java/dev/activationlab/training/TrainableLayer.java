package dev.activationlab.training;

import dev.activationlab.activation.Activation;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.Prelu;
import dev.activationlab.activation.ScalarActivation;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.VectorActivation;
import dev.activationlab.gradient.DeepNetworkSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fully connected layer whose weights, biases and (for {@code prelu}) slope are trained in
 * place: y = f(W·x + b), W out × in with row j holding the weights into neuron j, as
 * {@code torch.nn.Linear.weight}, followed by a catalogue activation with its derivative
 * conventions at kinks. A {@code prelu} layer has one learnable alpha shared by its units, as
 * {@code torch.nn.PReLU()}; a vector-valued activation (softmax, log_softmax) acts on each row
 * of the layer's weighted sums with its Jacobian in the backward pass.
 */
public final class TrainableLayer {

    private final double[][] weights;
    private final double[] biases;
    private final Activation activation;
    private Parameters parameters;
    private ScalarFunction function;
    /** The learnable alpha of a prelu layer, as a one-element array the optimizer updates; else null. */
    private final double[] slope;

    /**
     * @param weights    W, out × in, rows of one length (copied)
     * @param biases     b, length out (copied)
     * @param activation a catalogue entry, scalar or vector-valued
     * @param parameters its resolved parameters; for prelu, alpha is the initial learnable value
     * @throws IllegalArgumentException if the shapes disagree
     */
    public TrainableLayer(double[][] weights, double[] biases, Activation activation, Parameters parameters) {
        if (weights.length == 0 || biases.length != weights.length) {
            throw new IllegalArgumentException(weights.length + " weight rows but " + biases.length + " biases");
        }
        this.weights = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j].length != weights[0].length) {
                throw new IllegalArgumentException("Weight row " + j + " is not " + weights[0].length + " long");
            }
            this.weights[j] = weights[j].clone();
        }
        this.biases = biases.clone();
        this.activation = activation;
        this.slope = activation instanceof Prelu ? new double[] {parameters.get("alpha")} : null;
        bind(parameters);
    }

    private void bind(Parameters resolved) {
        this.parameters = resolved;
        this.function = activation instanceof ScalarActivation scalar ? scalar.bind(resolved) : null;
    }

    /** Rebinds a prelu's function to its current learnable alpha, after an optimizer step. */
    void refreshSlope() {
        if (slope != null && slope[0] != parameters.get("alpha")) {
            bind(Parameters.resolve(activation, Map.of("alpha", slope[0])));
        }
    }

    /** Fan-in: the number of inputs. */
    public int inputCount() {
        return weights[0].length;
    }

    /** The number of neurons. */
    public int outputCount() {
        return weights.length;
    }

    public Activation activation() {
        return activation;
    }

    /** The parameters of the activation, a prelu's alpha at its current learned value. */
    public Parameters parameters() {
        return parameters;
    }

    /** Whether the layer has a learnable activation parameter (prelu's alpha). */
    public boolean hasLearnableSlope() {
        return slope != null;
    }

    /** A copy of W, out × in. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int j = 0; j < weights.length; j++) {
            copy[j] = weights[j].clone();
        }
        return copy;
    }

    /** A copy of b. */
    public double[] biases() {
        return biases.clone();
    }

    /**
     * The arrays an optimizer updates in place, in a fixed order: the rows of W, then b, then
     * prelu's alpha. {@link TrainableNetwork#backward} gives gradients in the same order.
     */
    List<double[]> trainable() {
        List<double[]> arrays = new ArrayList<>(weights.length + 2);
        for (double[] row : weights) {
            arrays.add(row);
        }
        arrays.add(biases);
        if (slope != null) {
            arrays.add(slope);
        }
        return arrays;
    }

    /** z = W·x + b, each z_j summed over i in index order with the bias added last. */
    double[] weightedSums(double[] x) {
        double[] z = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            double[] w = weights[j];
            double sum = 0.0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * x[i];
            }
            z[j] = sum + biases[j];
        }
        return z;
    }

    /** f(z) for one row of weighted sums. */
    double[] activate(double[] z) {
        if (activation instanceof VectorActivation vector) {
            return vector.value(z, parameters);
        }
        double[] y = new double[z.length];
        function.values(z, y);
        return y;
    }

    /**
     * ∂L/∂z for one row from ∂L/∂y: f'(z_j)·g_j element by element, or Jᵀg for a vector-valued
     * activation. step passes 0, as its derivative is 0 everywhere.
     */
    double[] backward(double[] z, double[] upstream) {
        double[] delta = new double[z.length];
        if (activation instanceof VectorActivation vector) {
            double[][] jacobian = vector.jacobian(z, parameters);
            for (int i = 0; i < z.length; i++) {
                double sum = 0.0;
                for (int k = 0; k < z.length; k++) {
                    sum += jacobian[k][i] * upstream[k];
                }
                delta[i] = sum;
            }
            return delta;
        }
        for (int j = 0; j < z.length; j++) {
            delta[j] = function.derivative(z[j]) * upstream[j];
        }
        return delta;
    }

    /** ∂L/∂alpha of a prelu layer for one row: Σ_j g_j·(z_j if z_j ≤ 0, else 0). */
    double slopeGradient(double[] z, double[] upstream) {
        double[] perUnit = ((Prelu) activation).parameterGradients(z, parameters).get("alpha");
        double sum = 0.0;
        for (int j = 0; j < z.length; j++) {
            sum += perUnit[j] * upstream[j];
        }
        return sum;
    }

    /**
     * f'(z_j) of each unit for one row: the derivative of a scalar activation, or the diagonal
     * ∂y_j/∂z_j of a vector-valued one's Jacobian.
     */
    double[] unitDerivatives(double[] z) {
        if (activation instanceof VectorActivation vector) {
            double[][] jacobian = vector.jacobian(z, parameters);
            double[] diagonal = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                diagonal[j] = jacobian[j][j];
            }
            return diagonal;
        }
        double[] d = new double[z.length];
        function.derivatives(z, d);
        return d;
    }

    /**
     * Below this |f'(z)| a unit counts as saturated: 1 % of sup |f'|, as in
     * {@code /gradients/simulate}; 1 % of 1 for a vector-valued activation.
     */
    double saturationLimit() {
        double scale = function == null ? DeepNetworkSimulation.UNBOUNDED_SCALE
                : DeepNetworkSimulation.saturationScale(function);
        return DeepNetworkSimulation.SATURATION_SHARE * scale;
    }
}
