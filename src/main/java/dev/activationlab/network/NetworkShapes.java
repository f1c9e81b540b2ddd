package dev.activationlab.network;

import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.VectorActivation;
import dev.activationlab.http.LimitsProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the input matrices and layer stacks of the perceptron and network endpoints before any
 * work starts: presence, rectangular shape, dimensions that chain, finiteness and size limits.
 * Each failure names the JSON path at fault, e.g. {@code inputs[2]} or {@code layers[1].weights[0]}.
 */
public final class NetworkShapes {

    /** The activation of a layer that names none: a bare affine layer, as PyTorch's nn.Linear. */
    static final String DEFAULT_LAYER_ACTIVATION = "linear";

    private NetworkShapes() {
    }

    /**
     * Requires m ≥ 1 rows of finite numbers, each of {@code width} entries.
     *
     * @param width     required row length, or -1 to take the first row's length (then at most
     *                  {@code maxInputWidth})
     * @param widthFrom what fixes the width, for messages (e.g. "'weights' has 2 entries")
     * @return the row length
     * @throws RequestException 400 naming the field, row or entry at fault; 413 beyond the
     *                          configured number of rows or width
     */
    public static int inputRows(double[][] rows, String field, int width, String widthFrom, LimitsProperties limits) {
        if (rows == null) {
            throw RequestException.invalid(field, "'" + field + "' is required: an array of rows of numbers.");
        }
        if (rows.length == 0) {
            throw RequestException.invalid(field, "'" + field + "' must have at least one row.");
        }
        if (rows.length > limits.maxPerceptronInputs()) {
            throw RequestException.tooLarge(field, "'" + field + "' has " + rows.length + " rows; the limit is "
                    + limits.maxPerceptronInputs() + ".");
        }
        return rowsOfOneWidth(rows, field, width, widthFrom, "every row must have", limits);
    }

    /**
     * Requires a stack of layers whose shapes chain, and binds each layer's activation.
     *
     * @param inputWidth the width of the inputs the stack is fed, or -1 when there are none
     *                   (collapse), the first layer's then fixing it
     * @return the layers, from the input side
     * @throws RequestException 400 naming the layer and field at fault (a missing or empty
     *                          matrix, a ragged or non-chaining row, a bias count other than the
     *                          neuron count, a non-finite number, an unknown activation or
     *                          parameter, a gated unit, which halves the layer's width); 413
     *                          beyond the configured layer count or width
     */
    static List<DenseLayer> layers(List<NetworkLayer> specs, int inputWidth, ActivationRegistry registry,
            LimitsProperties limits) {
        List<ResolvedLayer> resolved = resolvedLayers(specs, inputWidth, registry, limits);
        List<DenseLayer> layers = new ArrayList<>(resolved.size());
        for (ResolvedLayer layer : resolved) {
            layers.add(new DenseLayer(layer.weights(), layer.biases(), layer.activation()));
        }
        return layers;
    }

    /**
     * A layer whose shapes are checked and whose activation is resolved.
     *
     * @param weights    W, out × in
     * @param biases     b, length out
     * @param activation the catalogue entry with its resolved parameters
     */
    public record ResolvedLayer(double[][] weights, double[] biases, ActivationLookup.Resolved activation) {
    }

    /**
     * Requires a stack of layers whose shapes chain, and resolves each layer's activation.
     *
     * @param inputWidth the width of the inputs, or -1 when there are none
     * @throws RequestException as {@link #layers}
     */
    public static List<ResolvedLayer> resolvedLayers(List<NetworkLayer> specs, int inputWidth,
            ActivationRegistry registry, LimitsProperties limits) {
        if (specs == null) {
            throw RequestException.invalid("layers", "'layers' is required: an array of layers.");
        }
        if (specs.isEmpty()) {
            throw RequestException.invalid("layers", "'layers' must have at least one layer.");
        }
        if (specs.size() > limits.maxNetworkLayers()) {
            throw RequestException.tooLarge("layers", "'layers' has " + specs.size() + " layers; the limit is "
                    + limits.maxNetworkLayers() + ".");
        }
        List<ResolvedLayer> layers = new ArrayList<>(specs.size());
        int in = inputWidth;
        String inFrom = "the inputs have " + inputWidth;
        for (int k = 0; k < specs.size(); k++) {
            String at = "layers[" + k + "]";
            NetworkLayer spec = specs.get(k);
            if (spec == null) {
                throw RequestException.invalid(at, "'" + at + "' must be a layer object, not null.");
            }
            double[][] weights = spec.weights();
            if (weights == null) {
                throw RequestException.invalid(at + ".weights", "'" + at + ".weights' is required: an out × in "
                        + "array of rows, row j holding the weights into neuron j.");
            }
            if (weights.length == 0) {
                throw RequestException.invalid(at + ".weights", "'" + at + ".weights' must have at least one row.");
            }
            if (weights.length > limits.maxLayerWidth()) {
                throw RequestException.tooLarge(at + ".weights", "'" + at + ".weights' has " + weights.length
                        + " rows (neurons); the limit is " + limits.maxLayerWidth() + ".");
            }
            String why = k == 0 ? inFrom : "layer " + (k - 1) + " has " + count(in, "neuron", "neurons");
            in = rowsOfOneWidth(weights, at + ".weights", in, why, "weights are out × in, so every row needs",
                    limits);
            double[] biases = spec.biases();
            if (biases == null) {
                throw RequestException.invalid(at + ".biases", "'" + at + ".biases' is required: one number per "
                        + "neuron (" + weights.length + ").");
            }
            if (biases.length != weights.length) {
                throw RequestException.invalid(at + ".biases", "'" + at + ".biases' has "
                        + count(biases.length, "entry", "entries") + " but the layer has "
                        + count(weights.length, "neuron", "neurons") + " (rows of weights).");
            }
            RequestChecks.requireFinite(biases, at + ".biases");
            String name = spec.activation() == null ? DEFAULT_LAYER_ACTIVATION : spec.activation();
            ActivationLookup.Resolved activation = ActivationLookup.resolve(registry, name, spec.params(), at);
            requireOneOutputPerNeuron(activation.activation(), at + ".activation");
            layers.add(new ResolvedLayer(weights, biases, activation));
            in = weights.length;
        }
        return layers;
    }

    /**
     * Requires an activation that gives one output per neuron, as a layer's must.
     *
     * @param field the JSON path naming the activation
     * @throws RequestException 400 for a gated unit (glu, reglu, geglu, swiglu), which halves its input
     */
    public static void requireOneOutputPerNeuron(Activation activation, String field) {
        if (activation instanceof VectorActivation vector && vector.outputLength(2) != 2) {
            throw RequestException.invalid(field, "'" + field + "' is " + vector.name() + ", which halves its input "
                    + "(n values give n/2); a layer's activation must give one output per neuron, so gated units "
                    + "are not layers.");
        }
    }

    /**
     * Requires every row to be an array of finite numbers of one width: {@code width}, or the first
     * row's (then at most {@code maxInputWidth}) if {@code width} is -1.
     *
     * @param widthFrom what fixes the width, for messages (e.g. "'weights' has 2")
     * @param rule      the start of the sentence that says the rule, before the width (e.g. "every
     *                  row must have")
     * @return the width
     * @throws RequestException 400 naming the row or entry at fault; 413 for a first row beyond the
     *                          input width limit
     */
    private static int rowsOfOneWidth(double[][] rows, String field, int width, String widthFrom, String rule,
            LimitsProperties limits) {
        int expected = width;
        String expectedFrom = widthFrom;
        for (int r = 0; r < rows.length; r++) {
            String at = field + "[" + r + "]";
            double[] row = rows[r];
            if (row == null) {
                throw RequestException.invalid(at, "'" + at + "' must be an array of numbers, not null.");
            }
            if (expected < 0) {
                if (row.length == 0) {
                    throw RequestException.invalid(at, "'" + at + "' must not be empty.");
                }
                if (row.length > limits.maxInputWidth()) {
                    throw RequestException.tooLarge(at, "'" + at + "' has " + row.length
                            + " entries; the input width limit is " + limits.maxInputWidth() + ".");
                }
                expected = row.length;
                expectedFrom = "'" + at + "' has " + expected;
            } else if (row.length != expected) {
                throw RequestException.invalid(at, "'" + at + "' has " + count(row.length, "entry", "entries")
                        + " but " + expectedFrom + ": " + rule + " " + expected + ".");
            }
            RequestChecks.requireFinite(row, at);
        }
        return expected;
    }

    /** "1 entry", "2 entries": a count with its noun in the right number. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
