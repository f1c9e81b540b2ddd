package dev.activationlab.network;

import java.util.List;
import java.util.OptionalInt;

/**
 * Collapses a stack of layers whose every activation is linear, f(z) = c·z, into the single
 * affine layer that computes the same function: why depth needs a non-linearity.
 *
 * <p>Layer k computes h_k = c_k(W_k h_{k−1} + b_k), so the stack is W·x + b with
 * W = c_L W_L ⋯ c_1 W_1 and b built layer by layer as b ← c_k(W_k b + b_k) from b = 0. Three
 * 1 × 1 layers of weight 1, bias 0 and slope c give c³.
 *
 * <p>An exact zero is returned as +0.0 even where a negative slope scales it ({@code + 0.0}
 * turns −0.0 into +0.0 and leaves every other double unchanged): the collapsed layer is a
 * mathematical object, and its zero entries have no sign.
 */
public final class LinearCollapse {

    /** Canonical name of the only activation that collapses ({@code identity} is its alias, c = 1). */
    public static final String LINEAR = "linear";

    private LinearCollapse() {
    }

    /**
     * The index of the first layer whose activation is not {@code linear} (nor its alias
     * {@code identity}), if any; a stack without one collapses.
     */
    public static OptionalInt firstNonLinearLayer(List<DenseLayer> layers) {
        for (int k = 0; k < layers.size(); k++) {
            if (!LINEAR.equals(layers.get(k).activation().activation().name())) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Multiply-adds of {@link #collapse}: out_1·in_1 for the first layer, then
     * out_k·(in_k + 1)·(in_1 + 1) for each further one (in_1 being the stack's fan-in), for the
     * limits a caller checks before collapsing. Whether the stack is linear does not matter here.
     *
     * @param layers a chaining stack of at least one layer, layer k of shape out_k × in_k
     * @return the count, exact for any stack whose layers fit in Java arrays
     */
    public static long work(List<DenseLayer> layers) {
        long in = layers.get(0).inputCount();
        long total = layers.get(0).outputCount() * in;
        for (DenseLayer layer : layers.subList(1, layers.size())) {
            total += layer.outputCount() * (layer.inputCount() + 1L) * (in + 1L);
        }
        return total;
    }

    /**
     * The single layer equal to the stack.
     *
     * @param layers a chaining stack (see {@link Network}), from the input side
     * @return W of shape out_L × in_1 and b of length out_L
     * @throws NonLinearLayerException naming the first layer whose activation is not linear
     * @throws IllegalArgumentException if the shapes do not chain
     */
    public static LinearLayer collapse(List<DenseLayer> layers) {
        Network.requireChaining(layers);
        OptionalInt nonLinear = firstNonLinearLayer(layers);
        if (nonLinear.isPresent()) {
            int k = nonLinear.getAsInt();
            throw new NonLinearLayerException(k, layers.get(k).activation().activation().name());
        }
        DenseLayer first = layers.get(0);
        double[][] w = first.weights();
        double[] b = first.biases();
        scale(w, b, slope(first));
        for (DenseLayer layer : layers.subList(1, layers.size())) {
            double c = slope(layer);
            double[][] wk = layer.weights();
            double[] bk = layer.biases();
            int in = w[0].length;
            double[][] nextW = new double[wk.length][in];
            double[] nextB = new double[wk.length];
            for (int j = 0; j < wk.length; j++) {
                double[] row = wk[j];
                for (int col = 0; col < in; col++) {
                    double sum = 0.0;
                    for (int i = 0; i < row.length; i++) {
                        sum += row[i] * w[i][col];
                    }
                    nextW[j][col] = c * sum + 0.0;
                }
                double sum = 0.0;
                for (int i = 0; i < row.length; i++) {
                    sum += row[i] * b[i];
                }
                nextB[j] = c * (sum + bk[j]) + 0.0;
            }
            w = nextW;
            b = nextB;
        }
        return new LinearLayer(w, b);
    }

    private static double slope(DenseLayer layer) {
        return layer.activation().parameters().get("c");
    }

    private static void scale(double[][] w, double[] b, double c) {
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] = w[j][i] * c + 0.0;
            }
            b[j] = b[j] * c + 0.0;
        }
    }
}
