package dev.activationlab.training;

import static dev.activationlab.gradient.DeepNetworkSimulation.saturatingProduct;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.ClientText;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.dataset.DatasetDraw;
import dev.activationlab.dataset.DatasetSpec;
import dev.activationlab.gradient.WeightInit;
import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.activation.VectorActivation;
import dev.activationlab.network.NetworkLayer;
import dev.activationlab.network.NetworkShapes;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks the bodies of {@code /networks/backward} and {@code /networks/train} before any work
 * starts and turns them into the math's types. Every failure names its JSON path.
 */
public final class TrainingRequests {

    /** Epochs when a request names none. */
    static final int DEFAULT_EPOCHS = 100;

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    public TrainingRequests(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /** Rows, targets and a network, checked against each other. */
    record Data(double[][] inputs, double[][] targets, double[][] testInputs, double[][] testTargets) {
    }

    /** A checked training request, ready to run. */
    record Training(TrainableNetwork network, Optimizer optimizer, Data data, TrainingSettings settings) {
    }

    /** A checked backward request. */
    record Backward(TrainableNetwork network, Data data, Loss loss) {
    }

    Backward backward(BackwardRequest request) {
        Loss loss = loss(request.loss());
        int width = NetworkShapes.inputRows(request.inputs(), "inputs", -1, null, limits);
        TrainableNetwork network = network(request.layers(), width);
        double[][] targets = targets(request.targets(), request.inputs().length, outputWidth(network), loss);
        long work = saturatingProduct(request.inputs().length, network.stepWorkPerRow(), 3);
        if (work > limits.maxTrainingWork()) {
            throw RequestException.tooLarge("inputs", "The backward pass takes " + work
                    + " multiply-adds (rows · Σ out·in · 3, with out² more per softmax-like layer); the limit is "
                    + limits.maxTrainingWork() + ".");
        }
        return new Backward(network, new Data(request.inputs(), targets, null, null), loss);
    }

    Training training(TrainRequest request) {
        Loss loss = loss(request.loss());
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 53);
        Data raw = data(request);
        int width = raw.inputs()[0].length;

        TrainableNetwork network;
        if (request.layers() != null && request.architecture() != null) {
            throw RequestException.invalid("architecture", "Give either 'layers' (the initial network) or "
                    + "'architecture' (to draw one), not both.");
        }
        if (request.architecture() != null) {
            int outputWidth = raw.targets().length > 0 && raw.targets()[0] != null ? raw.targets()[0].length : 1;
            network = architecture(request.architecture(), width, Math.max(outputWidth, 1), seed);
        } else if (request.layers() != null) {
            network = network(request.layers(), width);
        } else {
            throw RequestException.invalid("layers", "'layers' (the initial network) or 'architecture' (to draw "
                    + "one) is required.");
        }
        double[][] targets = targets(raw.targets(), raw.inputs().length, outputWidth(network), loss);
        double[][] testTargets = raw.testTargets();
        Optimizer optimizer = optimizer(request.optimizer());

        int epochs = epochs(request.epochs());
        int rows = raw.inputs().length;
        int batchSize = batchSize(request.batchSize(), rows);
        Double targetLoss = targetLoss(request.targetLoss());
        long work = saturatingProduct(epochs, rows, network.stepWorkPerRow(), 3);
        if (work > limits.maxTrainingWork()) {
            throw RequestException.tooLarge("epochs", "The training takes " + work
                    + " multiply-adds (epochs · rows · Σ out·in · 3, with out² more per softmax-like layer); the "
                    + "limit is " + limits.maxTrainingWork()
                    + ". Train for fewer epochs, on fewer rows or with a smaller network.");
        }
        long historyNumbers = saturatingProduct(epochs + 1, 5 + 4L * network.layers().size());
        if (historyNumbers > limits.maxVectorLength()) {
            throw RequestException.tooLarge("epochs", "The history would hold " + historyNumbers
                    + " numbers; the limit is " + limits.maxVectorLength() + ".");
        }
        TrainingSettings settings = new TrainingSettings(loss, epochs, batchSize,
                Boolean.TRUE.equals(request.shuffle()), seed, targetLoss);
        if (testTargets != null && testTargets.length > 0) {
            targets(testTargets, testTargets.length, outputWidth(network), loss);
        }
        return new Training(network, optimizer, new Data(raw.inputs(), targets, raw.testInputs(), testTargets),
                settings);
    }

    /**
     * The epochs a request asks for, {@link #DEFAULT_EPOCHS} when it names none.
     *
     * @throws RequestException 400 naming {@code epochs} outside 1 … the configured maximum
     */
    public int epochs(Integer requested) {
        int epochs = requested == null ? DEFAULT_EPOCHS : requested;
        if (epochs < 1 || epochs > limits.maxEpochs()) {
            throw RequestException.invalid("epochs", "'epochs' must be from 1 to " + limits.maxEpochs() + ", not "
                    + epochs + ".");
        }
        return epochs;
    }

    /**
     * The minibatch size a request asks for, the whole set when it names none.
     *
     * @throws RequestException 400 naming {@code batchSize} outside 1 … rows
     */
    public static int batchSize(Integer requested, int rows) {
        int batchSize = requested == null ? rows : requested;
        if (batchSize < 1 || batchSize > rows) {
            throw RequestException.invalid("batchSize", "'batchSize' must be from 1 to the number of training rows ("
                    + rows + "), not " + batchSize + ".");
        }
        return batchSize;
    }

    /**
     * The target loss a request names, or null.
     *
     * @throws RequestException 400 naming {@code targetLoss} for a non-finite number
     */
    public static Double targetLoss(Double requested) {
        if (requested != null) {
            RequestChecks.finite(requested, "targetLoss");
        }
        return requested;
    }

    private Data data(TrainRequest request) {
        DatasetSpec spec = request.dataset();
        if (spec != null) {
            if (request.inputs() != null || request.targets() != null) {
                throw RequestException.invalid("dataset", "Give either 'inputs' and 'targets' or 'dataset', not "
                        + "both.");
            }
            DatasetDraw draw = DatasetDraw.of(spec.name(), spec.samples(), spec.noise(), spec.seed(),
                    spec.testFraction(), "dataset.", false);
            return new Data(draw.train().inputs(), draw.train().targets(), draw.test().inputs(),
                    draw.test().targets());
        }
        NetworkShapes.inputRows(request.inputs(), "inputs", -1, null, limits);
        if (request.targets() == null) {
            throw RequestException.invalid("targets", "'targets' is required: one row per input row.");
        }
        return new Data(request.inputs(), request.targets(), null, null);
    }

    /**
     * The loss called {@code name}.
     *
     * @throws RequestException 400 naming {@code loss} for a missing or unknown name
     */
    public Loss loss(String name) {
        if (name == null) {
            throw RequestException.invalid("loss", "'loss' is required: one of " + String.join(", ", Loss.ids()) + ".");
        }
        return Loss.find(name).orElseThrow(() -> RequestException.invalid("loss", "Unknown loss '" + ClientText.shorten(name)
                + "'. Valid losses: " + String.join(", ", Loss.ids()) + ".").with("validNames", Loss.ids()));
    }

    /**
     * The network of a {@code layers} field, fed rows of {@code inputWidth}.
     *
     * @throws RequestException 400 or 413 naming the layer field at fault
     */
    public TrainableNetwork network(List<NetworkLayer> specs, int inputWidth) {
        List<NetworkShapes.ResolvedLayer> resolved = NetworkShapes.resolvedLayers(specs, inputWidth, registry, limits);
        List<TrainableLayer> layers = new ArrayList<>(resolved.size());
        for (int k = 0; k < resolved.size(); k++) {
            NetworkShapes.ResolvedLayer layer = resolved.get(k);
            requireJacobianWidth(layer.activation().activation(), layer.weights().length, "layers[" + k + "].weights");
            layers.add(new TrainableLayer(layer.weights(), layer.biases(), layer.activation().activation(),
                    layer.activation().parameters()));
        }
        return new TrainableNetwork(layers);
    }

    /**
     * Bounds a layer with a vector-valued activation (softmax and its kind) by
     * {@code max-jacobian-length}, as {@code /activations/{name}/derivative} is: the backward pass
     * builds its width × width Jacobian for every row.
     *
     * @throws RequestException 413 naming {@code field}
     */
    private void requireJacobianWidth(Activation activation, int width, String field) {
        if (activation instanceof VectorActivation && width > limits.maxJacobianLength()) {
            throw RequestException.tooLarge(field, "A " + activation.name() + " layer of " + width + " neurons "
                    + "needs a " + width + " × " + width + " Jacobian per row; the limit is "
                    + limits.maxJacobianLength() + " neurons for a vector-valued activation.");
        }
    }

    /**
     * Draws the initial network an architecture describes.
     *
     * @param inputWidth  the width of an input row
     * @param outputWidth the width of a target row
     * @param seed        the seed of the weights when the architecture names none
     * @throws RequestException 400 or 413 naming the architecture field at fault
     */
    public TrainableNetwork architecture(ArchitectureSpec spec, int inputWidth, int outputWidth, long seed) {
        int[] hidden = spec.hidden() == null ? new int[0] : spec.hidden();
        if (hidden.length + 1 > limits.maxNetworkLayers()) {
            throw RequestException.tooLarge("architecture.hidden", "'architecture.hidden' has " + hidden.length
                    + " layers; the limit is " + (limits.maxNetworkLayers() - 1) + ".");
        }
        for (int k = 0; k < hidden.length; k++) {
            if (hidden[k] < 1 || hidden[k] > limits.maxLayerWidth()) {
                throw RequestException.invalid("architecture.hidden[" + k + "]", "'architecture.hidden[" + k
                        + "]' must be from 1 to " + limits.maxLayerWidth() + ", not " + hidden[k] + ".");
            }
        }
        if (outputWidth > limits.maxLayerWidth()) {
            throw RequestException.tooLarge("targets[0]", "A target row of " + outputWidth
                    + " entries needs an output layer wider than the limit of " + limits.maxLayerWidth() + ".");
        }
        var hiddenActivation = ActivationLookup.resolve(registry, spec.activation() == null ? "tanh"
                : spec.activation(), spec.params(), "architecture");
        var outputActivation = ActivationLookup.resolve(registry, spec.outputActivation() == null ? "linear"
                : spec.outputActivation(), null, "architecture.outputActivation", "architecture.outputActivation");
        NetworkShapes.requireOneOutputPerNeuron(hiddenActivation.activation(), "architecture.activation");
        NetworkShapes.requireOneOutputPerNeuron(outputActivation.activation(), "architecture.outputActivation");
        for (int k = 0; k < hidden.length; k++) {
            requireJacobianWidth(hiddenActivation.activation(), hidden[k], "architecture.hidden[" + k + "]");
        }
        requireJacobianWidth(outputActivation.activation(), outputWidth, "targets[0]");
        WeightInit init = null;
        if (spec.init() != null && !spec.init().equalsIgnoreCase("auto")) {
            init = WeightInit.find(spec.init()).orElseThrow(() -> RequestException.invalid("architecture.init",
                    "Unknown init '" + ClientText.shorten(spec.init()) + "'. Valid: auto, " + String.join(", ", WeightInit.ids()) + "."));
        }
        double initStd = spec.initStd() == null ? 1.0 : spec.initStd();
        if (!(initStd > 0) || !Double.isFinite(initStd)) {
            throw RequestException.invalid("architecture.initStd", "'architecture.initStd' must be a positive "
                    + "finite number.");
        }
        long madds = (long) inputWidth * (hidden.length == 0 ? outputWidth : hidden[0]);
        if (madds > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("architecture.hidden", "The first layer alone has " + madds
                    + " weights; the limit is " + limits.maxNetworkWork() + ".");
        }
        long weights = 0;
        int fanIn = inputWidth;
        for (int k = 0; k <= hidden.length; k++) {
            int fanOut = k == hidden.length ? outputWidth : hidden[k];
            weights += (long) fanIn * fanOut;
            fanIn = fanOut;
        }
        if (weights > limits.maxVectorLength()) {
            throw RequestException.tooLarge("architecture.hidden", "The network would have " + weights
                    + " weights; the limit is " + limits.maxVectorLength() + ".");
        }
        long architectureSeed = spec.seed() != null ? spec.seed() : seed;
        return new TrainableNetwork(ArchitectureBuilder.build(inputWidth, hidden, outputWidth,
                hiddenActivation.activation(), hiddenActivation.parameters(), outputActivation.activation(),
                outputActivation.parameters(), init, initStd, architectureSeed));
    }

    /**
     * Checks the optimizer once and makes a fresh one (with its own momentum or moment buffers) for
     * each run.
     *
     * @throws RequestException 400 naming the optimizer field at fault
     */
    public java.util.function.Supplier<Optimizer> optimizerFactory(OptimizerSpec spec) {
        optimizer(spec);
        return () -> optimizer(spec);
    }

    private Optimizer optimizer(OptimizerSpec spec) {
        String name = spec == null || spec.name() == null ? "sgd" : spec.name().toLowerCase(java.util.Locale.ROOT);
        double weightDecay = nonNegative(spec == null ? null : spec.weightDecay(), 0.0, "optimizer.weightDecay");
        switch (name) {
            case "sgd" -> {
                double learningRate = nonNegative(spec == null ? null : spec.learningRate(), 0.01,
                        "optimizer.learningRate");
                double momentum = nonNegative(spec == null ? null : spec.momentum(), 0.0, "optimizer.momentum");
                boolean nesterov = spec != null && Boolean.TRUE.equals(spec.nesterov());
                if (nesterov && momentum == 0.0) {
                    throw RequestException.invalid("optimizer.nesterov", "Nesterov momentum needs "
                            + "'optimizer.momentum' above 0 (as torch.optim.SGD requires).");
                }
                if (spec != null && (spec.betas() != null || spec.epsilon() != null)) {
                    throw RequestException.invalid(spec.betas() != null ? "optimizer.betas" : "optimizer.epsilon",
                            "'betas' and 'epsilon' are settings of adam, not of sgd.");
                }
                return new SgdOptimizer(learningRate, momentum, nesterov, weightDecay);
            }
            case "adam" -> {
                double learningRate = nonNegative(spec.learningRate(), 0.001, "optimizer.learningRate");
                double[] betas = spec.betas() == null ? new double[] {0.9, 0.999} : spec.betas();
                if (betas.length != 2) {
                    throw RequestException.invalid("optimizer.betas", "'optimizer.betas' must hold two numbers, "
                            + "β1 and β2.");
                }
                for (int i = 0; i < 2; i++) {
                    if (!(betas[i] >= 0.0 && betas[i] < 1.0)) {
                        throw RequestException.invalid("optimizer.betas[" + i + "]", "'optimizer.betas[" + i
                                + "]' must be at least 0 and below 1.");
                    }
                }
                double epsilon = nonNegative(spec.epsilon(), 1e-8, "optimizer.epsilon");
                if (spec.momentum() != null || spec.nesterov() != null) {
                    throw RequestException.invalid(spec.momentum() != null ? "optimizer.momentum"
                            : "optimizer.nesterov", "'momentum' and 'nesterov' are settings of sgd, not of adam.");
                }
                return new AdamOptimizer(learningRate, betas[0], betas[1], epsilon, weightDecay);
            }
            default -> throw RequestException.invalid("optimizer.name", "Unknown optimizer '" + ClientText.shorten(spec.name())
                    + "'. Valid optimizers: sgd, adam.").with("validNames", List.of("sgd", "adam"));
        }
    }

    private static double nonNegative(Double value, double fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0.0) || !Double.isFinite(value)) {
            throw RequestException.invalid(field, "'" + field + "' must be a finite number ≥ 0, not " + value + ".");
        }
        return value;
    }

    /**
     * Requires one target row per input row, each as wide as the network's output, with the values
     * the loss takes.
     *
     * @throws RequestException 400 naming the target row or entry at fault
     */
    public double[][] targets(double[][] targets, int rows, int width, Loss loss) {
        if (targets == null) {
            throw RequestException.invalid("targets", "'targets' is required: one row per input row.");
        }
        if (targets.length != rows) {
            throw RequestException.invalid("targets", "'targets' has " + NetworkShapes.count(targets.length, "row",
                    "rows") + " but there are " + NetworkShapes.count(rows, "input row", "input rows") + ".");
        }
        if (loss == Loss.CROSS_ENTROPY && width < 2) {
            throw RequestException.invalid("loss", "cross_entropy needs at least 2 outputs (one logit per class); "
                    + "the last layer has " + width + ". Use bce_with_logits for a single logit.");
        }
        for (int r = 0; r < rows; r++) {
            String at = "targets[" + r + "]";
            double[] row = targets[r];
            if (row == null) {
                throw RequestException.invalid(at, "'" + at + "' must be an array of numbers, not null.");
            }
            if (row.length != width) {
                throw RequestException.invalid(at, "'" + at + "' has " + NetworkShapes.count(row.length, "entry",
                        "entries") + " but the last layer has " + NetworkShapes.count(width, "output", "outputs")
                        + ".");
            }
            RequestChecks.requireFinite(row, at);
            if (loss == Loss.BCE_WITH_LOGITS) {
                for (int c = 0; c < width; c++) {
                    if (row[c] < 0.0 || row[c] > 1.0) {
                        throw RequestException.invalid(at + "[" + c + "]", "'" + at + "[" + c + "]' is " + row[c]
                                + ": bce_with_logits takes targets from 0 to 1.");
                    }
                }
            }
            if (loss == Loss.CROSS_ENTROPY) {
                double sum = 0.0;
                for (int c = 0; c < width; c++) {
                    if (row[c] < 0.0) {
                        throw RequestException.invalid(at + "[" + c + "]", "'" + at + "[" + c + "]' is negative: "
                                + "cross_entropy targets are probabilities.");
                    }
                    sum += row[c];
                }
                if (Math.abs(sum - 1.0) > 1e-9) {
                    throw RequestException.invalid(at, "'" + at + "' sums to " + sum + ": a cross_entropy target row "
                            + "is a probability vector summing to 1 (±1e-9), e.g. one-hot for a class.");
                }
            }
        }
        return targets;
    }

    private static int outputWidth(TrainableNetwork network) {
        return network.layers().get(network.layers().size() - 1).outputCount();
    }
}
