package dev.activationlab.experiment;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.dataset.DatasetDraw;
import dev.activationlab.gradient.DeepNetworkSimulation;
import dev.activationlab.plot.ChartRenderer;
import dev.activationlab.plot.ChartText;
import dev.activationlab.plot.Charts;
import dev.activationlab.plot.Line;
import dev.activationlab.training.ArchitectureSpec;
import dev.activationlab.training.Loss;
import dev.activationlab.training.TrainableNetwork;
import dev.activationlab.training.TrainingDivergedException;
import dev.activationlab.training.TrainingRequests;
import dev.activationlab.activation.ActivationLookup;
import dev.activationlab.network.NetworkShapes;
import dev.activationlab.plot.PlotImage;
import dev.activationlab.http.ProgressStreams;
import dev.activationlab.http.RequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Experiments that test the claims about activations by training many networks. */
@Tag(name = "Experiments", description = "Convergence races between activations, over several seeds")
@RestController
class ExperimentController {

    private static final long[] DEFAULT_SEEDS = {1, 2, 3, 4, 5};

    static final String EXAMPLE = """
            {"activations": ["sigmoid", "tanh", "relu", {"name": "leaky_relu", "params": {"alpha": 0.1}}, "prelu"], \
            "dataset": {"name": "xor", "samples": 100, "noise": 0.05, "seed": 1}, "hidden": [8, 8], "init": "auto", \
            "loss": "bce_with_logits", "optimizer": {"name": "adam", "learningRate": 0.01}, "epochs": 60, \
            "batchSize": 10, "shuffle": true, "seeds": [1, 2, 3], "targetLoss": 0.1}""";

    static final String RESULT_EXAMPLE = """
            {"results": [{"activation": "relu", "params": {}, "runs": [{"seed": 1, "epochsToTarget": 12, \
            "finalLoss": 0.09, "finalAccuracy": 1.0, "finalDeadFraction": 0.0, "diverged": false}], \
            "reachedFraction": 1.0, "medianEpochsToTarget": 12.0, "medianFinalLoss": 0.09, \
            "lossCurve": [0.7, 0.5, 0.09], "deadFractionCurve": [0.0, 0.0, 0.0]}], "ranking": ["relu"]}""";

    private final TrainingRequests requests;
    private final ActivationRegistry registry;
    private final LimitsProperties limits;
    private final ProgressStreams streams;
    private final ChartRenderer renderer;

    ExperimentController(ActivationRegistry registry, LimitsProperties limits, ProgressStreams streams,
            ChartRenderer renderer) {
        this.requests = new TrainingRequests(registry, limits);
        this.registry = registry;
        this.limits = limits;
        this.streams = streams;
        this.renderer = renderer;
    }

    @Operation(operationId = "convergenceExperiment",
            summary = "Race activations: the same network trained with each, over several seeds",
            description = """
                    Each run is /networks/train with an architecture of these `hidden` widths and `init` (default \
                    auto), the activation on every hidden layer, a linear output layer, and the run's seed for \
                    both the weights and the shuffle, so that every activation starts from the same draws. Per \
                    activation: the runs (seed, epochsToTarget, finalLoss, finalAccuracy, finalDeadFraction = \
                    dead hidden units at the end, diverged), reachedFraction, medianEpochsToTarget (a run that \
                    never reached counts as never, so the median is null unless more than half reached), \
                    medianFinalLoss, and per epoch from 0 the median lossCurve and deadFractionCurve (a run \
                    that stopped at targetLoss keeps its last value). With an even number of seeds a median is the \
                    mean of the two middle values. `ranking` lists the activations by reachedFraction (higher \
                    first), then medianEpochsToTarget (fewer first), then medianFinalLoss. A run whose weights \
                    overflow is reported as diverged (finalLoss null) instead of failing the experiment. Up to \
                    ${activation-lab.limits.max-experiment-activations} activations and \
                    ${activation-lab.limits.max-experiment-seeds} seeds (default [1, 2, 3, 4, 5]; more of either is \
                    a 413 naming the field); the summed work of every run, epochs · \
                    rows · Σ out·in · 3 (with out² more per softmax-like layer), is bounded by activation-lab.limits.max-training-work before anything \
                    starts (413). Accept: text/event-stream streams progress events (run, runs, activation, seed, \
                    epoch, epochs, loss) and then the result, as /networks/train does.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "xor-race", summary = "Five activations on noisy XOR",
                            value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "Per activation its runs, medians and curves; the ranking. "
            + "With Accept: text/event-stream, progress events and then the same answer as a result event",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = ConvergenceResult.class),
                        examples = @ExampleObject(name = "shape", value = RESULT_EXAMPLE)),
                @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
                        examples = @ExampleObject(name = "events", value = """
                                event:progress
                                data:{"run":0,"runs":15,"activation":"sigmoid","seed":1,"epoch":0,"epochs":60,\
                                "loss":0.69}
                                """))})
    @PostMapping(path = "/api/v1/experiments/convergence", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ConvergenceResult convergence(@RequestBody ConvergenceRequest request) {
        return plan(request).run((run, runs, activation, seed, record) -> { });
    }

    // Documented with the JSON operation of the same path: one operation, two response media types.
    @Operation(hidden = true)
    @PostMapping(path = "/api/v1/experiments/convergence", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter convergenceStreaming(@RequestBody ConvergenceRequest request) {
        Plan plan = plan(request);
        return streams.stream(sink -> plan.run((run, runs, activation, seed, record) -> sink.progress(
                new Progress(run, runs, activation, seed, record.epoch(), plan.epochs(), record.loss()))));
    }

    /**
     * One progress event of an experiment's stream.
     *
     * @param run        0-based index of the run
     * @param runs       runs in all (activations × seeds)
     * @param activation the run's activation
     * @param seed       the run's seed
     * @param epoch      the epoch just measured
     * @param epochs     epochs per run
     * @param loss       the run's training loss after it
     */
    record Progress(int run, int runs, String activation, long seed, int epoch, int epochs, double loss) {
    }

    @Operation(operationId = "plotConvergenceExperiment",
            summary = "Plot an experiment's median loss curves",
            description = "Runs the experiment of the body (as POST /experiments/convergence) and draws the median "
                    + "training loss of each activation per epoch on a logarithmic axis, one line each, labelled "
                    + "with its name and parameters. `format` (svg or png) or the Accept header chooses the image "
                    + "type, as the other plots; width and height in pixels (default 800 × 500).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "xor-race", value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The picture", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @PostMapping(path = "/api/v1/experiments/convergence/plot", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> plot(@RequestBody ConvergenceRequest request,
            @Parameter(description = "svg or png; overrides Accept", example = "svg")
            @RequestParam(required = false) String format,
            @Parameter(description = "Width in pixels", example = "800") @RequestParam(defaultValue = "800") int width,
            @Parameter(description = "Height in pixels", example = "500") @RequestParam(defaultValue = "500")
            int height,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        PlotImage image = PlotImage.of(format, accept, width, height, limits.maxPlotPixels());
        Plan plan = plan(request);
        ConvergenceResult result = plan.run((run, runs, activation, seed, record) -> { });
        List<Line> lines = new ArrayList<>();
        double[] epochs = new double[plan.epochs() + 1];
        for (int e = 0; e < epochs.length; e++) {
            epochs[e] = e;
        }
        for (int i = 0; i < result.results().size(); i++) {
            ConvergenceResult.ActivationResult r = result.results().get(i);
            double[] log10 = new double[r.lossCurve().length];
            for (int e = 0; e < log10.length; e++) {
                log10[e] = r.lossCurve()[e] > 0 ? Math.log10(r.lossCurve()[e]) : Double.NaN;
            }
            String label = r.params().isEmpty() ? r.activation() : r.activation() + " " + r.params();
            lines.add(new Line(label + " #" + (i + 1), epochs, log10, i, false));
        }
        ChartText text = new ChartText("Median training loss per epoch", List.of(plan.summary()), "epoch",
                "median loss (log scale)");
        return image.respond(renderer, Charts.log10Chart(text, lines), "convergence");
    }

    /** A checked experiment, ready to run. */
    private record Plan(List<ConvergenceExperiment.Contender> contenders, java.util.function.Supplier<
            dev.activationlab.training.Optimizer> optimizers, DatasetDraw data, ConvergenceExperiment.Schedule schedule,
            long[] seeds, String summary) {

        int epochs() {
            return schedule.epochs();
        }

        ConvergenceResult run(ConvergenceExperiment.Progress progress) {
            try {
                return ConvergenceExperiment.run(contenders, optimizers, data.train().inputs(), data.train().targets(),
                        data.test().inputs().length == 0 ? null : data.test().inputs(), data.test().targets(), schedule,
                        seeds, progress);
            } catch (TrainingDivergedException e) {
                // Only a run whose initial network overflows on the data, before any step, ends the
                // experiment (later overflows are reported as diverged runs).
                throw RequestException.unprocessable("activations", e.getMessage()).with("epoch", e.epoch());
            }
        }
    }

    private Plan plan(ConvergenceRequest request) {
        Loss loss = requests.loss(request.loss());
        List<ActivationChoice> choices = request.activations();
        int maxActivations = limits.maxExperimentActivations();
        if (choices == null || choices.isEmpty()) {
            throw RequestException.invalid("activations", "'activations' is required: 1 to " + maxActivations
                    + " activation names (or {\"name\", \"params\"} objects).");
        }
        if (choices.size() > maxActivations) {
            throw RequestException.tooLarge("activations", "'activations' has " + choices.size()
                    + " entries; the limit is " + maxActivations + ".");
        }
        if (request.dataset() == null) {
            throw RequestException.invalid("dataset", "'dataset' is required: the toy dataset every run trains on.");
        }
        var spec = request.dataset();
        DatasetDraw data = DatasetDraw.of(spec.name(), spec.samples(), spec.noise(), spec.seed(), spec.testFraction(),
                "dataset.", false);
        long[] seeds = request.seeds() == null ? DEFAULT_SEEDS : request.seeds();
        int maxSeeds = limits.maxExperimentSeeds();
        if (seeds.length == 0) {
            throw RequestException.invalid("seeds", "'seeds' must hold 1 to " + maxSeeds + " seeds, not none.");
        }
        if (seeds.length > maxSeeds) {
            // A limit on the work, as API.md's "Limits" has it: 413, like too many activations.
            throw RequestException.tooLarge("seeds", "'seeds' has " + seeds.length + " seeds; the limit is "
                    + maxSeeds + ".");
        }
        if (request.hidden() == null) {
            throw RequestException.invalid("hidden", "'hidden' is required: the hidden layer widths, e.g. [8, 8].");
        }
        var optimizers = requests.optimizerFactory(request.optimizer());
        int rows = data.train().inputs().length;
        int inputWidth = data.train().inputs()[0].length;
        int outputWidth = data.train().targets()[0].length;
        requests.targets(data.train().targets(), rows, outputWidth, loss);

        List<ConvergenceExperiment.Contender> contenders = new ArrayList<>(choices.size());
        long stepWork = 0;   // summed over the contenders: a softmax network costs more than a relu one
        for (int i = 0; i < choices.size(); i++) {
            ActivationChoice choice = choices.get(i);
            String at = "activations[" + i + "]";
            if (choice == null || choice.name() == null) {
                throw RequestException.invalid(at, "'" + at + "' must be an activation name or {\"name\", "
                        + "\"params\"}.");
            }
            // The entry itself is named for an unknown name: it may be a bare name or {name, params}.
            var resolved = ActivationLookup.resolve(registry, choice.name(), choice.params(), at, at + ".params");
            NetworkShapes.requireOneOutputPerNeuron(resolved.activation(), at);
            Map<String, Double> params = resolved.parameters().asMap();
            ArchitectureSpec architecture = new ArchitectureSpec(request.hidden(), resolved.activation().name(),
                    params, null, request.init(), null, null);
            TrainableNetwork first = requests.architecture(architecture, inputWidth, outputWidth, seeds[0]);
            stepWork = Math.addExact(stepWork, first.stepWorkPerRow());
            contenders.add(new ConvergenceExperiment.Contender(resolved.activation().name(), params,
                    seed -> requests.architecture(architecture, inputWidth, outputWidth, seed)));
        }
        int epochs = requests.epochs(request.epochs());
        int batchSize = TrainingRequests.batchSize(request.batchSize(), rows);
        Double targetLoss = TrainingRequests.targetLoss(request.targetLoss());
        long work = DeepNetworkSimulation.saturatingProduct(seeds.length, epochs, rows, stepWork, 3);
        if (work > limits.maxTrainingWork()) {
            throw RequestException.tooLarge("epochs", "The experiment takes " + work
                    + " multiply-adds (seeds · epochs · rows · 3 · the sum over the activations of Σ out·in, with "
                    + "out² more per softmax-like layer); the limit is "
                    + limits.maxTrainingWork() + ". Use fewer seeds, activations, epochs or rows.");
        }
        long curveNumbers = 2L * choices.size() * (epochs + 1);
        if (curveNumbers > limits.maxVectorLength()) {
            throw RequestException.tooLarge("epochs", "The curves would hold " + curveNumbers
                    + " numbers; the limit is " + limits.maxVectorLength() + ".");
        }
        String summary = data.dataset().id() + ", " + rows + " rows, hidden " + java.util.Arrays.toString(
                request.hidden()) + ", " + loss.id() + ", " + seeds.length + " seeds";
        return new Plan(List.copyOf(contenders), optimizers, data,
                new ConvergenceExperiment.Schedule(loss, epochs, batchSize, Boolean.TRUE.equals(request.shuffle()),
                        targetLoss), seeds.clone(), summary);
    }
}
