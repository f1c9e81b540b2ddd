package dev.activationlab.training;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.network.NetworkLayer;
import dev.activationlab.http.ProgressStreams;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Backpropagation and minibatch training of networks, with PyTorch's float64 numbers. */
@Tag(name = "Training", description = "Backpropagation and minibatch gradient descent, as PyTorch computes them")
@RestController
@RequestMapping(path = "/api/v1/networks", produces = MediaType.APPLICATION_JSON_VALUE)
class TrainingController {

    static final String BACKWARD_EXAMPLE = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]], "layers": [\
            {"weights": [[0.5, -0.4], [0.3, 0.8]], "biases": [0.1, -0.2], "activation": "tanh"}, \
            {"weights": [[1.0, -1.5]], "biases": [0.25], "activation": "linear"}], "loss": "mse"}""";
    static final String TRAIN_XOR_EXAMPLE = """
            {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [[0], [1], [1], [0]], \
            "architecture": {"hidden": [4], "activation": "tanh", "seed": 3}, "loss": "bce_with_logits", \
            "optimizer": {"name": "adam", "learningRate": 0.1}, "epochs": 200, "targetLoss": 0.01, "seed": 3}""";
    static final String TRAIN_DATASET_EXAMPLE = """
            {"dataset": {"name": "circle", "samples": 200, "noise": 0.05, "seed": 1, "testFraction": 0.25}, \
            "architecture": {"hidden": [8, 8], "activation": "relu"}, "loss": "bce_with_logits", \
            "optimizer": {"name": "adam", "learningRate": 0.03}, "epochs": 50, "batchSize": 10, "shuffle": true, \
            "seed": 42}""";

    static final String BACKWARD_RESPONSE = """
            {"loss":1.0881375884180862,"accuracy":0.25,"outputs":[[0.6457309749623118],[-0.846886962948644],[0.6375475750606017],\
            [-0.6270714850736328]],"layers":[{"weightGradients":[[-0.43027786806542356,-1.1463985873290945],[0.4981379405488763,\
            1.2146517642074488]],"biasGradients":[-0.955696894487321,1.0183592934052073]},{"weightGradients":[[0.1419784121898296,\
            -0.802308038634828]],"biasGradients":[-1.0953399489996816]}],"inputGradients":[[0.02019969278299452,\
            -0.5002084276760868],[-0.12684280013704397,1.1265531205299109],[0.016263412397219706,0.26689377389758423],\
            [-0.08196096426526858,0.30372772576768625]]}""";
    static final String TRAIN_PRELU_EXAMPLE = """
            {"dataset": {"name": "and"}, "layers": [{"weights": [[0.5, 0.5]], "biases": [-0.2], \
            "activation": "prelu"}], "loss": "bce_with_logits", "optimizer": {"name": "sgd", "learningRate": 0.5}, \
            "epochs": 2, "seed": 5}""";
    static final String TRAIN_PRELU_RESPONSE = """
            {"epochs":2,"converged":null,"epochsToTarget":null,"loss":0.6319715343863507,"accuracy":0.5,"seed":5,\
            "history":[{"epoch":0,"loss":0.6870677007245295,"accuracy":0.5,"layers":[{"deadUnits":0,"saturatedFraction":0.0,\
            "weightGradientRms":0.06610424948481788,"alpha":0.25}]},{"epoch":1,"loss":0.6558052134021769,"accuracy":0.5,\
            "layers":[{"deadUnits":0,"saturatedFraction":0.0,"weightGradientRms":0.04636404433882349,"alpha":0.26218756508789476}]},\
            {"epoch":2,"loss":0.6319715343863507,"accuracy":0.5,"layers":[{"deadUnits":0,"saturatedFraction":0.0,\
            "weightGradientRms":0.029448075609108865,"alpha":0.2813543187909482}]}],"layers":[{"weights":[[0.44376585308817934,\
            0.44376585308817934]],"biases":[-0.42605444259958497],"activation":"prelu","params":{"alpha":0.2813543187909482}}]}""";

    static final String STREAM_EXAMPLE = """
            event:progress
            data:{"epoch":0,"epochs":200,"loss":0.7119484940018742}

            event:result
            data:{"epochs":50,"converged":true,"epochsToTarget":50,"loss":0.009976432801240328, … }
            """;

    private final TrainingRequests requests;
    private final ProgressStreams streams;

    TrainingController(ActivationRegistry registry, LimitsProperties limits, ProgressStreams streams) {
        this.requests = new TrainingRequests(registry, limits);
        this.streams = streams;
    }

    @Operation(operationId = "backpropagate",
            summary = "Gradients of a loss over a batch (backpropagation)",
            description = """
                    One forward and one backward pass: the mean loss, the accuracy, the outputs, and the gradient of \
                    the mean loss with respect to every weight (out × in), bias, learnable PReLU alpha (one per \
                    prelu layer, summed over its units and rows, as nn.PReLU()) and input, as loss.backward() \
                    leaves them in PyTorch (float64). Losses: mse (nn.MSELoss), bce_with_logits \
                    (nn.BCEWithLogitsLoss, targets in [0, 1]), cross_entropy (nn.CrossEntropyLoss with probability \
                    targets, each row summing to 1 ± 1e-9, at least 2 outputs), all with mean reduction and in \
                    forms that stay finite for logits of ±1000. Every catalogue activation can be a layer, with its \
                    derivative at kinks as in the catalogue (relu'(0) = 0, leaky_relu'(0) = alpha); softmax and \
                    log_softmax act on each row with their Jacobian; step passes a zero gradient. Accuracy: \
                    bce_with_logits, every y > 0 matches t ≥ 0.5; cross_entropy, argmax y = argmax t (first index \
                    on ties); mse, every |y − t| < 0.5. Work (rows · Σ out·in · 3, with out² more per softmax-like \
                    layer for its Jacobian) is bounded by activation-lab.limits.max-training-work (413); a \
                    softmax-like layer has at most activation-lab.limits.max-jacobian-length neurons (413).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "xor-tanh-mse", summary = "A 2-2-1 tanh network on XOR",
                            value = BACKWARD_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The loss, the outputs and every gradient",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BackwardResponse.class),
                    examples = @ExampleObject(name = "xor-tanh-mse", value = BACKWARD_RESPONSE)))
    @PostMapping(path = "/backward", consumes = MediaType.APPLICATION_JSON_VALUE)
    BackwardResponse backward(@RequestBody BackwardRequest request) {
        TrainingRequests.Backward backward = requests.backward(request);
        TrainableNetwork network = backward.network();
        TrainableNetwork.Pass pass = network.forward(backward.data().inputs());
        double[][] outputs = pass.networkOutputs();
        double[][] targets = backward.data().targets();
        RequestChecks.requireFiniteResult(outputs, "outputs", "output");
        double loss = backward.loss().loss(outputs, targets);
        if (!Double.isFinite(loss)) {
            throw RequestException.unprocessable("loss", "The loss is " + loss + ", which JSON cannot carry.");
        }
        Gradients gradients = network.backward(pass, backward.loss().gradient(outputs, targets));
        List<BackwardResponse.Layer> layers = new ArrayList<>();
        for (int k = 0; k < gradients.layers().size(); k++) {
            Gradients.Layer layer = gradients.layers().get(k);
            RequestChecks.requireFiniteResult(layer.weightGradients(), "layers[" + k + "].weightGradients",
                    "weight gradient");
            RequestChecks.requireFiniteResult(layer.biasGradients(), "layers[" + k + "].biasGradients",
                    "bias gradient");
            if (layer.slopeGradient() != null && !Double.isFinite(layer.slopeGradient())) {
                throw RequestException.unprocessable("layers[" + k + "].parameterGradients.alpha", "The gradient of "
                        + "layer " + k + "'s alpha is " + layer.slopeGradient() + ", which JSON cannot carry: the "
                        + "numbers overflow double precision.");
            }
            Map<String, Double> parameterGradients = layer.slopeGradient() == null ? null
                    : Map.of("alpha", layer.slopeGradient());
            layers.add(new BackwardResponse.Layer(layer.weightGradients(), layer.biasGradients(), parameterGradients));
        }
        RequestChecks.requireFiniteResult(gradients.inputGradients(), "inputGradients", "input gradient");
        return new BackwardResponse(loss, backward.loss().accuracy(outputs, targets), outputs, layers,
                gradients.inputGradients());
    }

    @Operation(operationId = "trainNetwork",
            summary = "Train a network by minibatch gradient descent",
            description = """
                    Each epoch visits the training rows in order or, with shuffle, in the order of a Fisher–Yates \
                    shuffle drawn afresh each epoch (from 0 … n−1) from one SplitMix64 generator seeded once by \
                    `seed`: for i = n−1 down to 1, j = ⌊u·(i + 1)⌋, swap. Consecutive runs of batchSize rows are \
                    the minibatches (the last one shorter; absent batchSize: the whole set). Per minibatch: forward, \
                    mean loss, backward, one optimizer step — sgd (torch.optim.SGD, dampening 0: momentum, \
                    nesterov, weightDecay; default learning rate 0.01) or adam (torch.optim.Adam: betas, epsilon, \
                    weightDecay; default learning rate 0.001). Every weight, bias and prelu alpha is trained. \
                    history[0] is the initial network, entry e the state after epoch e on the whole training set: \
                    loss, accuracy, test loss and accuracy (with a dataset's testFraction), and per layer deadUnits \
                    (f'(z) exactly 0 on every training row), saturatedFraction (units × rows with |f'(z)| below 1 % \
                    of sup |f'|, as /gradients/simulate; for softmax layers the Jacobian's diagonal against 1), \
                    weightGradientRms and a prelu's alpha. With targetLoss, training stops after the first epoch \
                    whose loss is at most it. Initial weights: `layers`, or `architecture` (hidden widths, \
                    activation (default tanh), output activation (default linear), init `auto` = Xavier-uniform \
                    times PyTorch's calculate_gain of the hidden activation, or any init of /gradients/simulate; \
                    weights drawn layer by layer, row by row from a generator seeded by architecture.seed, default \
                    `seed`). Data: inputs and targets, or a `dataset` of /datasets. Defaults: epochs 100, shuffle \
                    false, seed chosen below 2^53 and echoed. The same request gives the same bytes. Bounded before \
                    any work: epochs · rows · Σ out·in · 3 (with out² more per softmax-like layer, which has at most \
                    activation-lab.limits.max-jacobian-length neurons) ≤ activation-lab.limits.max-training-work (413 \
                    naming epochs); a weight or loss that overflows while training is a 422. \
                    Progress: with Accept: text/event-stream the answer is Server-Sent Events, `progress` events \
                    {"epoch", "epochs", "loss"} at most ten a second, then one `result` event whose data is exactly \
                    the JSON answer, or one `problem` event (a problem document) if training fails after it \
                    started; a request invalid before training starts gets its 4xx problem, not a stream; a client \
                    that closes the stream stops the training; 503 with Retry-After when every stream slot is busy.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = {
                            @ExampleObject(name = "xor", summary = "XOR with a 2-4-1 tanh network and Adam",
                                    value = TRAIN_XOR_EXAMPLE),
                            @ExampleObject(name = "circle", summary = "The circle dataset, ReLU, shuffled minibatches",
                                    value = TRAIN_DATASET_EXAMPLE),
                            @ExampleObject(name = "prelu-and", summary = "Two epochs of one PReLU unit on AND",
                                    value = TRAIN_PRELU_EXAMPLE)})))
    @ApiResponse(responseCode = "200", description = "The trained network and its history; with Accept: "
            + "text/event-stream, progress events and then the same answer as a result event", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = TrainResponse.class),
                        examples = @ExampleObject(name = "prelu-and", value = TRAIN_PRELU_RESPONSE)),
                @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
                        examples = @ExampleObject(name = "events", value = STREAM_EXAMPLE))})
    @PostMapping(path = "/train", consumes = MediaType.APPLICATION_JSON_VALUE)
    TrainResponse train(@RequestBody TrainRequest request) {
        return run(requests.training(request), record -> { });
    }

    // Documented with the JSON operation of the same path: one operation, two response media types.
    @Operation(hidden = true)
    @PostMapping(path = "/train", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter trainStreaming(@RequestBody TrainRequest request) {
        TrainingRequests.Training training = requests.training(request);
        int epochs = training.settings().epochs();
        return streams.stream(sink -> run(training,
                record -> sink.progress(new Progress(record.epoch(), epochs, record.loss()))));
    }

    @Operation(operationId = "trainingScript",
            summary = "The training as a PyTorch script",
            description = """
                    Takes the body of /networks/train and answers a self-contained Python script (text/x-python) \
                    that rebuilds the same initial network (the given layers, or the weights the architecture \
                    draws), the same training rows (a dataset's training part) and the same minibatch order (the \
                    SplitMix64 generator and Fisher–Yates shuffle written out in Python), trains it in PyTorch \
                    float64 with torch.optim, and prints {"epochs", "loss", "layers"} as JSON: to check the \
                    service against PyTorch, or to carry on in PyTorch. `python3 train.py` with PyTorch installed \
                    runs it. The request is checked as /networks/train checks it.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "xor", summary = "XOR with a 2-4-1 tanh network and Adam",
                            value = TRAIN_XOR_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The Python script", content = @Content(
            mediaType = "text/x-python", schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "head", value = "#!/usr/bin/env python3\n# Replays an Activation Lab "
                    + "training run (POST /api/v1/networks/train) in PyTorch, in float64: …")))
    @PostMapping(path = "/train/script", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "text/x-python")
    ResponseEntity<String> script(@RequestBody TrainRequest request) {
        TrainingRequests.Training training = requests.training(request);
        for (int k = 0; k < training.network().layers().size(); k++) {
            String name = training.network().layers().get(k).activation().name();
            if (!PyTorchScript.supports(name)) {
                throw RequestException.unprocessable("layers[" + k + "].activation", "'" + name + "' has no "
                        + "counterpart in torch.nn.functional that the script could use.");
            }
        }
        String script = PyTorchScript.of(training.network(), training.data().inputs(), training.data().targets(),
                training.settings(), training.optimizer().toPyTorch());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "x-python", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("train.py").build().toString())
                .body(script);
    }

    /**
     * One progress event of a training stream.
     *
     * @param epoch  the epoch just measured (0: before training)
     * @param epochs the epochs asked for
     * @param loss   the training loss after it
     */
    record Progress(int epoch, int epochs, double loss) {
    }

    private TrainResponse run(TrainingRequests.Training training, Trainer.EpochListener listener) {
        TrainingRun run;
        try {
            run = Trainer.train(training.network(), training.optimizer(), training.data().inputs(),
                    training.data().targets(), training.data().testInputs(), training.data().testTargets(),
                    training.settings(), listener);
        } catch (TrainingDivergedException e) {
            // At epoch 0 no step has been taken: the initial network and the data overflow together,
            // and no one field is at fault.
            String field = e.epoch() == 0 ? null : "optimizer.learningRate";
            throw RequestException.unprocessable(field, e.getMessage()).with("epoch", e.epoch());
        }
        List<TrainResponse.HistoryEntry> history = new ArrayList<>(run.history().size());
        for (EpochRecord record : run.history()) {
            List<TrainResponse.LayerEntry> layers = record.layers().stream()
                    .map(l -> new TrainResponse.LayerEntry(l.deadUnits(), l.saturatedFraction(), l.weightGradientRms(),
                            l.alpha()))
                    .toList();
            history.add(new TrainResponse.HistoryEntry(record.epoch(), record.loss(), record.accuracy(),
                    record.testLoss(), record.testAccuracy(), layers));
        }
        List<NetworkLayer> layers = training.network().layers().stream()
                .map(l -> new NetworkLayer(l.weights(), l.biases(), l.activation().name(), l.parameters().asMap()))
                .toList();
        EpochRecord last = run.last();
        return new TrainResponse(run.epochs(), run.converged(), run.epochsToTarget(), last.loss(), last.accuracy(),
                training.settings().seed(), history, layers);
    }
}
