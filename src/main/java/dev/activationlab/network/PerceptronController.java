package dev.activationlab.network;

import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.http.LimitsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Single perceptrons: run one, the logic gates, and Rosenblatt's training rule. */
@Tag(name = "Perceptrons", description = "A weighted sum plus bias through an activation; logic gates; training")
@RestController
@RequestMapping(path = "/api/v1/perceptron", produces = MediaType.APPLICATION_JSON_VALUE)
class PerceptronController {

    /** Rosenblatt's threshold unit, the default activation of a perceptron and the one training uses. */
    private static final String STEP = "step";
    /** scikit-learn's Perceptron defaults (eta0 = 1, max_iter = 1000). */
    private static final double DEFAULT_LEARNING_RATE = 1.0;
    private static final int DEFAULT_MAX_EPOCHS = 1000;

    private static final String RUN_EXAMPLE = """
            {"weights": [0.5, 0.5], "bias": -0.7, "inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], \
            "activation": "step", "params": {}}""";
    private static final String RUN_RESPONSE = """
            {"activation": "step", "params": {}, \
            "weightedSums": [-0.7, -0.19999999999999996, -0.19999999999999996, 0.30000000000000004], \
            "outputs": [0.0, 0.0, 0.0, 1.0]}""";
    private static final String GATES_RESPONSE = """
            {"gates": [{"name": "AND", "kind": "perceptron", "weights": [0.5, 0.5], "bias": -0.7, \
            "activation": "step", "params": {}, "truthTable": [{"inputs": [0.0, 0.0], "output": 0.0}, \
            {"inputs": [0.0, 1.0], "output": 0.0}, {"inputs": [1.0, 0.0], "output": 0.0}, {"inputs": [1.0, \
            1.0], "output": 1.0}]}, {"name": "NAND", "kind": "perceptron", "weights": [-0.5, -0.5], \
            "bias": 0.7, "activation": "step", "params": {}, "truthTable": [{"inputs": [0.0, 0.0], \
            "output": 1.0}, {"inputs": [0.0, 1.0], "output": 1.0}, {"inputs": [1.0, 0.0], "output": 1.0}, \
            {"inputs": [1.0, 1.0], "output": 0.0}]}, {"name": "OR", "kind": "perceptron", "weights": [0.5, \
            0.5], "bias": -0.2, "activation": "step", "params": {}, "truthTable": [{"inputs": [0.0, 0.0], \
            "output": 0.0}, {"inputs": [0.0, 1.0], "output": 1.0}, {"inputs": [1.0, 0.0], "output": 1.0}, \
            {"inputs": [1.0, 1.0], "output": 1.0}]}, {"name": "XOR", "kind": "network", \
            "layers": [{"weights": [[-0.5, -0.5], [0.5, 0.5]], "biases": [0.7, -0.2], "activation": "step", \
            "params": {}}, {"weights": [[0.5, 0.5]], "biases": [-0.7], "activation": "step", "params": {}}], \
            "truthTable": [{"inputs": [0.0, 0.0], "output": 0.0}, {"inputs": [0.0, 1.0], "output": 1.0}, \
            {"inputs": [1.0, 0.0], "output": 1.0}, {"inputs": [1.0, 1.0], "output": 0.0}]}]}""";
    private static final String TRAIN_EXAMPLE = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [0, 1, 1, 1], "learningRate": 0.1, \
            "maxEpochs": 100, "initialWeights": [0, 0], "initialBias": 0, "shuffle": false, "seed": 42}""";
    private static final String TRAIN_XOR_EXAMPLE = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [0, 1, 1, 0], "learningRate": 0.1, \
            "maxEpochs": 20}""";
    private static final String TRAIN_RESPONSE = """
            {"weights": [0.1, 0.1], "bias": 0.0, "converged": true, "epochs": 4, "history": [\
            {"epoch": 1, "misclassified": 1, "weights": [0.0, 0.1], "bias": 0.1}, \
            {"epoch": 2, "misclassified": 2, "weights": [0.1, 0.1], "bias": 0.1}, \
            {"epoch": 3, "misclassified": 1, "weights": [0.1, 0.1], "bias": 0.0}, \
            {"epoch": 4, "misclassified": 0, "weights": [0.1, 0.1], "bias": 0.0}], \
            "message": "Converged in 4 epochs: the last one classified every sample correctly."}""";

    private static final String RUN_PROBLEM = """
            {"type": "urn:activation-lab:problem:invalid-request", "title": "Invalid request", "status": 400, \
            "detail": "'inputs[1]' has 1 entry but 'weights' has 2: every row must have 2.", \
            "instance": "/api/v1/perceptron/run", "field": "inputs[1]"}""";
    private static final String TRAIN_PROBLEM = """
            {"type": "urn:activation-lab:problem:invalid-request", "title": "Invalid request", "status": 400, \
            "detail": "'targets[1]' must be 0 or 1; got 2.0.", "instance": "/api/v1/perceptron/train", \
            "field": "targets[1]"}""";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;

    PerceptronController(ActivationRegistry registry, LimitsProperties limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @Operation(summary = "Run a perceptron",
            description = "For each input row x: the weighted sum z = Σ w_i·x_i + b (summed in index order, the "
                    + "bias added last) and the output f(z), f any scalar activation of the catalogue with its "
                    + "parameters (step, 1 if z > 0 else 0, by default). Every row needs as many entries as "
                    + "weights. softmax and log_softmax answer 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "AND", summary = "The AND gate", value = RUN_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Weighted sums and outputs, one per input row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PerceptronRunResponse.class),
                    examples = @ExampleObject(name = "AND", value = RUN_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "A missing, non-finite or wrongly shaped field (a row whose "
            + "length differs from weights), or an unknown activation or parameter",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "row-length", value = RUN_PROBLEM)))
    @ApiResponse(responseCode = "413", description = "More rows or inputs than the configured limits",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A vector-valued activation, or a weighted sum or output "
            + "beyond double precision", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/run", consumes = MediaType.APPLICATION_JSON_VALUE)
    PerceptronRunResponse run(@RequestBody PerceptronRunRequest request) {
        double[] weights = RequestChecks.finiteVector(request.weights(), "weights", limits.maxInputWidth());
        if (request.bias() == null) {
            throw RequestException.invalid("bias", "'bias' is required: a number added to the weighted sum.");
        }
        double bias = RequestChecks.finite(request.bias(), "bias");
        double[][] inputs = request.inputs();
        NetworkShapes.inputRows(inputs, "inputs", weights.length, "'weights' has " + weights.length, limits);
        long work = (long) inputs.length * weights.length;
        if (work > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("inputs", inputs.length + " rows of " + weights.length + " inputs are "
                    + work + " multiply-adds; the limit is " + limits.maxNetworkWork() + ".");
        }
        String name = request.activation() == null ? STEP : request.activation();
        BoundActivation activation = ActivationLookup.scalar(registry, name, request.params(), "");

        Perceptron.Run run = new Perceptron(weights, bias, activation).run(inputs);
        RequestChecks.requireFiniteResult(run.weightedSums(), "weightedSums", "weighted sum");
        RequestChecks.requireFiniteResult(run.outputs(), "outputs", "output");
        return new PerceptronRunResponse(activation.activation().name(), activation.parameters().asMap(),
                run.weightedSums(), run.outputs());
    }

    @Operation(summary = "The logic gates AND, NAND, OR and XOR",
            description = "AND (0.5, 0.5, bias −0.7), NAND (−0.5, −0.5, bias 0.7) and OR (0.5, 0.5, bias −0.2) "
                    + "as single step perceptrons, and XOR, which no single perceptron computes (it is not "
                    + "linearly separable), as a two-layer network: NAND and OR, then AND of the two. The XOR "
                    + "layers are in the form POST /networks/forward takes. Each truth table is computed on "
                    + "every request by running the gate.")
    @ApiResponse(responseCode = "200", description = "The four gates with their truth tables",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = GatesResponse.class),
                    examples = @ExampleObject(name = "gates", value = GATES_RESPONSE)))
    @GetMapping("/gates")
    GatesResponse gates() {
        BoundActivation step = registry.bindScalar(STEP, Map.of());
        List<GatesResponse.Gate> gates = new ArrayList<>();
        for (LogicGates.Gate gate : LogicGates.all(step)) {
            List<GatesResponse.TruthTableRow> table = gate.truthTable().stream()
                    .map(row -> new GatesResponse.TruthTableRow(row.inputs(), row.output())).toList();
            if (gate instanceof LogicGates.PerceptronGate single) {
                Perceptron p = single.perceptron();
                gates.add(new GatesResponse.Gate(gate.name(), "perceptron", p.weights(), p.bias(),
                        p.activation().activation().name(), p.activation().parameters().asMap(), null, table));
            } else if (gate instanceof LogicGates.NetworkGate network) {
                List<NetworkLayer> layers = network.network().layers().stream().map(PerceptronController::layer)
                        .toList();
                gates.add(new GatesResponse.Gate(gate.name(), "network", null, null, null, null, layers, table));
            }
        }
        return new GatesResponse(gates);
    }

    private static NetworkLayer layer(DenseLayer layer) {
        return new NetworkLayer(layer.weights(), layer.biases(), layer.activation().activation().name(),
                layer.activation().parameters().asMap());
    }

    @Operation(summary = "Train a perceptron with Rosenblatt's rule",
            description = "Step perceptron, Rosenblatt (1958): for each sample x with target t in turn, "
                    + "y = step(w·x + b) and, if y ≠ t, w ← w + η(t − y)x and b ← b + η(t − y). Epochs are "
                    + "numbered from 1; history holds the state at the end of each, with misclassified = the "
                    + "updates made in it. Training stops after the first epoch without a misclassification "
                    + "(epochs counts it) or after maxEpochs; on data that are not linearly separable, such as "
                    + "XOR, converged is false. Samples are visited in the order given unless shuffle is true: "
                    + "then each epoch is a Fisher–Yates permutation from java.util.Random(seed), so a seed "
                    + "always gives the same training (seed is ignored otherwise, chosen and echoed when "
                    + "absent). Defaults, as scikit-learn's Perceptron: learningRate 1, maxEpochs 1000; "
                    + "initial weights and bias 0. maxEpochs · samples · (inputs + 1) is bounded by the network "
                    + "work limit, and maxEpochs · (inputs + 1) (the history) by the vector length limit (413).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = {
                            @ExampleObject(name = "OR", summary = "OR from zero weights, η = 0.1",
                                    value = TRAIN_EXAMPLE),
                            @ExampleObject(name = "XOR", summary = "XOR: never converges", value = TRAIN_XOR_EXAMPLE)
                    })))
    @ApiResponse(responseCode = "200", description = "Final weights and bias, and the history of every epoch",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PerceptronTrainResponse.class),
                    examples = @ExampleObject(name = "OR", value = TRAIN_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "A missing, non-finite or wrongly shaped field, a target "
            + "other than 0 or 1, a learning rate ≤ 0, or maxEpochs outside 1 … ${activation-lab.limits.max-epochs}",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(name = "target", value = TRAIN_PROBLEM)))
    @ApiResponse(responseCode = "413", description = "More samples, inputs or training work than the configured "
            + "limits", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Weights that grow beyond double precision",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/train", consumes = MediaType.APPLICATION_JSON_VALUE)
    PerceptronTrainResponse train(@RequestBody PerceptronTrainRequest request) {
        double[][] inputs = request.inputs();
        int n = NetworkShapes.inputRows(inputs, "inputs", -1, null, limits);
        double[] targets = targets(request.targets(), inputs.length);
        double learningRate = request.learningRate() == null ? DEFAULT_LEARNING_RATE
                : RequestChecks.finite(request.learningRate(), "learningRate");
        if (!(learningRate > 0)) {
            throw RequestException.invalid("learningRate", "'learningRate' must be greater than 0; got "
                    + learningRate + ".");
        }
        int maxEpochs = request.maxEpochs() == null ? Math.min(DEFAULT_MAX_EPOCHS, limits.maxEpochs())
                : request.maxEpochs();
        if (maxEpochs < 1 || maxEpochs > limits.maxEpochs()) {
            throw RequestException.invalid("maxEpochs", "'maxEpochs' must be between 1 and " + limits.maxEpochs()
                    + "; got " + maxEpochs + ".");
        }
        double[] initialWeights = request.initialWeights() == null ? new double[n] : request.initialWeights();
        if (initialWeights.length != n) {
            throw RequestException.invalid("initialWeights", "'initialWeights' has "
                    + NetworkShapes.count(initialWeights.length, "entry", "entries") + " but each sample has "
                    + NetworkShapes.count(n, "input", "inputs") + ".");
        }
        RequestChecks.requireFinite(initialWeights, "initialWeights");
        double initialBias = request.initialBias() == null ? 0.0
                : RequestChecks.finite(request.initialBias(), "initialBias");
        boolean shuffle = Boolean.TRUE.equals(request.shuffle());
        Long seed = !shuffle ? null
                : request.seed() != null ? request.seed() : Long.valueOf(ThreadLocalRandom.current().nextLong());
        checkTrainingSize(maxEpochs, inputs.length, n);

        TrainingSettings settings = new TrainingSettings(learningRate, maxEpochs, initialWeights, initialBias,
                shuffle, seed == null ? 0L : seed);
        TrainingResult result = new PerceptronTrainer(registry.bindScalar(STEP, Map.of()).function())
                .train(inputs, targets, settings);
        List<PerceptronTrainResponse.Epoch> history = new ArrayList<>(result.history().size());
        for (EpochRecord record : result.history()) {
            String at = "history[" + (record.epoch() - 1) + "]";
            RequestChecks.requireFiniteResult(record.weights(), at + ".weights", "weight");
            RequestChecks.requireFiniteResult(new double[] {record.bias()}, at + ".bias", "bias");
            history.add(new PerceptronTrainResponse.Epoch(record.epoch(), record.misclassified(), record.weights(),
                    record.bias()));
        }
        return new PerceptronTrainResponse(result.weights(), result.bias(), result.converged(), result.epochs(),
                history, result.message(), seed);
    }

    private static double[] targets(double[] targets, int samples) {
        if (targets == null) {
            throw RequestException.invalid("targets", "'targets' is required: one 0 or 1 per sample.");
        }
        if (targets.length != samples) {
            throw RequestException.invalid("targets", "'targets' has "
                    + NetworkShapes.count(targets.length, "entry", "entries") + " but 'inputs' has "
                    + NetworkShapes.count(samples, "sample", "samples") + ".");
        }
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != 0.0 && targets[i] != 1.0) {
                throw RequestException.invalid("targets[" + i + "]", "'targets[" + i + "]' must be 0 or 1; got "
                        + targets[i] + ".");
            }
        }
        return targets;
    }

    /** Bounds the time (every epoch may visit every sample) and the history's size up front. */
    private void checkTrainingSize(int maxEpochs, int samples, int inputsPerSample) {
        long work = (long) maxEpochs * samples * (inputsPerSample + 1L);
        if (work > limits.maxNetworkWork()) {
            throw RequestException.tooLarge("maxEpochs", "Training may take maxEpochs · samples · (inputs + 1) = "
                    + maxEpochs + " · " + samples + " · " + (inputsPerSample + 1) + " = " + work
                    + " multiply-adds; the limit is " + limits.maxNetworkWork() + ". Lower maxEpochs or send fewer samples.");
        }
        long historyNumbers = (long) maxEpochs * (inputsPerSample + 1L);
        if (historyNumbers > limits.maxVectorLength()) {
            throw RequestException.tooLarge("maxEpochs", "The history may hold maxEpochs · (inputs + 1) = "
                    + historyNumbers + " numbers; the limit is " + limits.maxVectorLength() + ". Lower maxEpochs.");
        }
    }
}
