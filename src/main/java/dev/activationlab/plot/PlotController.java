package dev.activationlab.plot;

import dev.activationlab.activation.QueryParameters;
import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.http.LimitsProperties;
import dev.activationlab.gradient.ChainLayer;
import dev.activationlab.gradient.ChainResult;
import dev.activationlab.gradient.GradientChain;
import dev.activationlab.gradient.NonFiniteDerivativeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charts as SVG or PNG: activations, drawn from the same f and f′ as the curve endpoint, and the
 * gradient decay of a chain, from the same {@link GradientChain} as {@code POST /gradients/chain}.
 *
 * <p>No {@code produces} condition on purpose: the format is chosen here (query parameter first,
 * then {@code Accept}), and a problem document must still be returned as
 * {@code application/problem+json} to a client that accepts only images.
 */
@Tag(name = "Pictures", description = "Charts of activations and of gradient decay, as SVG or PNG")
@RestController
class PlotController {

    private static final Set<String> IMAGE_QUERY = Set.of("format", "width", "height");
    private static final Set<String> SINGLE_PLOT_QUERY = union(IMAGE_QUERY, Set.of("from", "to", "points", "derivative"));
    private static final Set<String> MULTI_PLOT_QUERY = union(SINGLE_PLOT_QUERY, Set.of("names"));
    private static final Set<String> CHAIN_PLOT_QUERY =
            union(IMAGE_QUERY, Set.of("activations", "layers", "preActivation", "weight"));
    private static final String DERIVATIVE_NOTE = "solid: f(x)    dashed: f′(x)";

    private final ActivationRegistry registry;
    private final LimitsProperties limits;
    private final ChartRenderer renderer;

    PlotController(ActivationRegistry registry, LimitsProperties limits, ChartRenderer renderer) {
        this.registry = registry;
        this.limits = limits;
        this.renderer = renderer;
    }

    @Operation(operationId = "plotActivation",
            summary = "Plot an activation and its derivative",
            description = "The curve of f, and of f′ (dashed) when derivative is true, over points evenly spaced "
                    + "x from 'from' to 'to', with axes, grid, labelled ticks, a legend and a title naming the "
                    + "function and its parameters. Any other query parameter is an activation parameter, e.g. "
                    + "alpha=0.1. The format is the 'format' parameter (svg or png), else the Accept header "
                    + "(image/svg+xml or image/png, by quality; the wildcards for any image or any type allow both), else SVG. Without 'format', an "
                    + "Accept header that allows neither image type, not even through a wildcard (Accept: "
                    + "application/json), answers 406 with no body, the client accepting nothing this endpoint "
                    + "sends. Other errors are application/problem+json whatever the Accept header says; "
                    + "vector-valued activations answer 422.")
    @ApiResponse(responseCode = "200", description = "The chart", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "A bad range, size, format or parameter",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Unknown activation (the problem lists the valid names)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A vector-valued activation, or a non-finite value",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "406", description = "No 'format' and an Accept header that allows neither "
            + "image/svg+xml nor image/png, not even through a wildcard; no body")
    @GetMapping("/api/v1/activations/{name}/plot")
    ResponseEntity<byte[]> plot(
            @Parameter(description = "Activation name or alias", example = "leaky_relu") @PathVariable String name,
            @Parameter(description = "First x", example = "-6") @RequestParam(defaultValue = "-6") double from,
            @Parameter(description = "Last x", example = "6") @RequestParam(defaultValue = "6") double to,
            @Parameter(description = "Number of samples, 2 to ${activation-lab.limits.max-curve-points}", example = "241")
            @RequestParam(defaultValue = "241") int points,
            @Parameter(description = "Also draw f′", example = "true") @RequestParam(defaultValue = "true") boolean derivative,
            @Parameter(description = "svg or png; overrides Accept", example = "svg") @RequestParam(required = false) String format,
            @Parameter(description = "Width in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "800") @RequestParam(defaultValue = "800") int width,
            @Parameter(description = "Height in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "500") @RequestParam(defaultValue = "500") int height,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        BoundActivation function = QueryParameters.scalar(registry, name,
                QueryParameters.activationParameters(QueryParameters.singleValued(query), SINGLE_PLOT_QUERY), "");
        PlotImage image = PlotImage.of(format, accept, width, height, limits.maxPlotPixels());
        double[] x = grid(from, to, points);

        String described = Labels.function(function.activation().name(), function.parameters().asMap());
        ChartText text = new ChartText(derivative ? described + " and its derivative" : described,
                derivative ? List.of(DERIVATIVE_NOTE) : List.of(), "x", derivative ? "f(x), f′(x)" : "f(x)");
        List<Line> lines = lines(function, "name", 0, x, derivative);
        requireDrawable(lines);
        return respond(Charts.lineChart(text, lines), image, function.activation().name());
    }

    @Operation(operationId = "plotActivations",
            summary = "Plot several activations in one chart",
            description = "Up to ${activation-lab.limits.max-plot-functions} activations overlaid, each in its own colour, f solid and f′ dashed (when "
                    + "derivative is true). Parameters are given per function as {name}.{param}=value, for "
                    + "example leaky_relu.alpha=0.2; a function without them gets its defaults. Range, size and "
                    + "format as for a single plot. An unknown name in 'names' is a 400 that lists the valid names.")
    @ApiResponse(responseCode = "200", description = "The chart", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "Unknown, repeated or too many names; a bad range, size, "
            + "format or parameter", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A vector-valued activation, or a non-finite value",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "406", description = "No 'format' and an Accept header that allows neither "
            + "image/svg+xml nor image/png, not even through a wildcard; no body")
    @GetMapping("/api/v1/activations/plot")
    ResponseEntity<byte[]> plotMany(
            @Parameter(description = "Comma-separated activation names, at most 12", example = "sigmoid,tanh,leaky_relu")
            @RequestParam(required = false) String names,
            @Parameter(description = "First x", example = "-6") @RequestParam(defaultValue = "-6") double from,
            @Parameter(description = "Last x", example = "6") @RequestParam(defaultValue = "6") double to,
            @Parameter(description = "Number of samples, 2 to ${activation-lab.limits.max-curve-points}", example = "241")
            @RequestParam(defaultValue = "241") int points,
            @Parameter(description = "Also draw each f′", example = "true") @RequestParam(defaultValue = "true") boolean derivative,
            @Parameter(description = "svg or png; overrides Accept", example = "svg") @RequestParam(required = false) String format,
            @Parameter(description = "Width in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "800") @RequestParam(defaultValue = "800") int width,
            @Parameter(description = "Height in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "500") @RequestParam(defaultValue = "500") int height,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        List<BoundActivation> functions = PlotFunctions.parse(registry, "names", names,
                QueryParameters.singleValued(query), MULTI_PLOT_QUERY,
                limits.maxPlotFunctions());
        PlotImage image = PlotImage.of(format, accept, width, height, limits.maxPlotPixels());
        double[] x = grid(from, to, points);

        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            BoundActivation function = functions.get(i);
            lines.addAll(lines(function, "names[" + i + "]", i, x, derivative));
        }
        requireDrawable(lines);
        String described = functions.stream()
                .map(f -> Labels.function(f.activation().name(), f.parameters().asMap()))
                .collect(Collectors.joining(", "));
        String title = !derivative ? described
                : described + (functions.size() == 1 ? " and its derivative" : " and their derivatives");
        ChartText text = new ChartText(title, derivative ? List.of(DERIVATIVE_NOTE) : List.of(), "x",
                derivative ? "f(x), f′(x)" : "f(x)");
        String fileName = functions.stream().map(f -> f.activation().name()).collect(Collectors.joining("-"));
        return respond(Charts.lineChart(text, lines), image, fileName);
    }

    @Operation(operationId = "plotGradientChain",
            summary = "Plot the gradient reaching each layer of a chain, on a log axis",
            description = "One line per activation: |g_k| = |Π_{i=k..N} w·f′(z)| against the layer k (1 = next to "
                    + "the input), as POST /api/v1/gradients/chain computes it with the same pre-activation z and "
                    + "weight w at every layer. The vertical axis is logarithmic and plots log10 |g_k| directly, "
                    + "so gradients that underflow a double (sigmoid over 1000 layers: 10^-602) are still drawn; "
                    + "a gradient that is exactly 0 (a dead ReLU, a zero weight) leaves a gap and is named in a "
                    + "note. Up to ${activation-lab.limits.max-plot-functions} activations, their parameters as {name}.{param}=value; layers 1 to ${activation-lab.limits.max-chain-layers} "
                    + "(default 30). Size and format as for the activation plots.")
    @ApiResponse(responseCode = "200", description = "The chart", content = {
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "Unknown, repeated or too many activations; layers out of range; "
            + "a bad number, size, format or parameter", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A vector-valued activation, or f′(z) not finite",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "406", description = "No 'format' and an Accept header that allows neither "
            + "image/svg+xml nor image/png, not even through a wildcard; no body")
    @GetMapping("/api/v1/gradients/chain/plot")
    ResponseEntity<byte[]> plotChain(
            @Parameter(description = "Comma-separated activation names, at most 12", example = "sigmoid,tanh,relu")
            @RequestParam(required = false) String activations,
            @Parameter(description = "Number of layers N, 1 to ${activation-lab.limits.max-chain-layers}", example = "30")
            @RequestParam(defaultValue = "30") int layers,
            @Parameter(description = "Pre-activation z at every layer", example = "0")
            @RequestParam(defaultValue = "0") double preActivation,
            @Parameter(description = "Weight w at every layer", example = "1") @RequestParam(defaultValue = "1") double weight,
            @Parameter(description = "svg or png; overrides Accept", example = "svg") @RequestParam(required = false) String format,
            @Parameter(description = "Width in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "800") @RequestParam(defaultValue = "800") int width,
            @Parameter(description = "Height in pixels, 100 to ${activation-lab.limits.max-plot-pixels}", example = "500") @RequestParam(defaultValue = "500") int height,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        List<BoundActivation> functions = PlotFunctions.parse(registry, "activations", activations,
                QueryParameters.singleValued(query), CHAIN_PLOT_QUERY, limits.maxPlotFunctions());
        if (layers < 1 || layers > limits.maxChainLayers()) {
            throw RequestException.invalid("layers", "'layers' must be between 1 and " + limits.maxChainLayers()
                    + "; got " + layers + ".");
        }
        RequestChecks.finite(preActivation, "preActivation");
        RequestChecks.finite(weight, "weight");
        PlotImage image = PlotImage.of(format, accept, width, height, limits.maxPlotPixels());

        List<String> notes = new ArrayList<>();
        notes.add("pre-activation z = " + Labels.number(preActivation) + " and weight w = " + Labels.number(weight)
                + " at every layer; layer 1 is next to the input");
        List<Line> lines = chainLines(functions, layers, preActivation, weight);
        for (Line line : lines) {
            if (!line.hasPoints()) {
                notes.add(line.label() + ": a factor w·f′(z) is exactly 0, so the gradient is 0 at every layer "
                        + "(nothing to draw on a log axis)");
            }
        }
        String described = functions.stream()
                .map(f -> Labels.function(f.activation().name(), f.parameters().asMap()))
                .collect(Collectors.joining(", "));
        ChartText text = new ChartText("Gradient reaching each of " + layers + (layers == 1 ? " layer: " : " layers: ")
                + described, notes, "layer (1 = next to the input)", "|gradient| (log scale)");
        String fileName = "gradient-chain-" + functions.stream().map(f -> f.activation().name())
                .collect(Collectors.joining("-"));
        requireDrawable(lines);   // log10 |g| of −1e307 per layer over 40 layers spans more than one axis
        return respond(Charts.log10Chart(text, lines), image, fileName);
    }

    /**
     * One line per function: log10 |g_k| against the layer k = 1 … N, from {@link GradientChain} with
     * the same z and w at every layer; NaN (a gap) where g_k is exactly 0.
     *
     * @throws RequestException 422 naming preActivation if f′(z) is not finite
     */
    static List<Line> chainLines(List<BoundActivation> functions, int layers, double preActivation, double weight) {
        double[] layerNumbers = new double[layers];
        double[] preActivations = new double[layers];
        double[] weights = new double[layers];
        for (int k = 0; k < layers; k++) {
            layerNumbers[k] = k + 1;
            preActivations[k] = preActivation;
            weights[k] = weight;
        }
        List<Line> lines = new ArrayList<>(functions.size());
        for (int i = 0; i < functions.size(); i++) {
            BoundActivation function = functions.get(i);
            ChainResult result;
            try {
                result = GradientChain.backward(function.function(), preActivations, weights,
                        GradientChain.DEFAULT_VANISHING_THRESHOLD, GradientChain.DEFAULT_EXPLODING_THRESHOLD);
            } catch (NonFiniteDerivativeException e) {
                throw RequestException.unprocessable("preActivation", function.activation().name() + ": " + e.getMessage());
            }
            double[] log10 = new double[layers];
            for (ChainLayer layer : result.perLayer()) {
                Double value = layer.log10Gradient();
                log10[layer.layer() - 1] = value == null ? Double.NaN : value;
            }
            lines.add(new Line(function.activation().name(), layerNumbers, log10, i, false));
        }
        return lines;
    }

    /** The x grid of a curve, no wider than an axis can show. */
    private double[] grid(double from, double to, int points) {
        double[] x = QueryParameters.grid(from, to, points, limits.maxCurvePoints());
        if (!(to - from <= Charts.MAX_SPAN)) {
            throw RequestException.invalid("to", "'to' − 'from' must be at most " + Labels.number(Charts.MAX_SPAN)
                    + " for a plot; got " + from + " to " + to + ".");
        }
        return x;
    }

    /**
     * f (solid) and, if asked, f′ (dashed) of one function over x, in the colour at {@code colour},
     * computed as the curve endpoint computes them.
     *
     * @param field the request's place that names the function ({@code name}, {@code names[1]})
     * @throws RequestException 422 naming {@code field} if f or f′ is not finite somewhere (linear with
     *                          c = 1e308 at x = 6); the detail gives the first such x
     */
    private static List<Line> lines(BoundActivation function, String field, int colour, double[] x,
            boolean derivative) {
        String name = function.activation().name();
        double[] values = new double[x.length];
        function.function().values(x, values);
        requireFinite(values, field, name, "f", x);
        List<Line> lines = new ArrayList<>(2);
        lines.add(new Line(name, x, values, colour, false));
        if (derivative) {
            double[] derivatives = new double[x.length];
            function.function().derivatives(x, derivatives);
            requireFinite(derivatives, field, name, "f′", x);
            lines.add(new Line(name + "′", x, derivatives, colour, true));
        }
        return lines;
    }

    private static void requireFinite(double[] results, String field, String name, String what, double[] x) {
        RequestChecks.requireFiniteResult(results, i -> RequestException.unprocessable(field, what + " of " + name
                + " at x = " + x[i] + " is " + results[i]
                + ", which cannot be drawn; narrow the range or change the parameters."));
    }

    /** The y values of all lines must fit one axis (linear with c = 1e307 from −6 to 6 does not). */
    private static void requireDrawable(List<Line> lines) {
        if (!(Charts.ySpan(lines) <= Charts.MAX_SPAN)) {
            throw RequestException.unprocessable(null, "The values span more than "
                    + Labels.number(Charts.MAX_SPAN) + ", which one axis cannot show; narrow the range or "
                    + "change the parameters.");
        }
    }

    private ResponseEntity<byte[]> respond(JFreeChart chart, PlotImage image, String fileName) {
        return image.respond(renderer, chart, fileName);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
