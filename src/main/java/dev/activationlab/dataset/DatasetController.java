package dev.activationlab.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seeded toy datasets networks are trained on. */
@Tag(name = "Datasets", description = "Seeded two-dimensional toy problems and the logic-gate tables")
@RestController
@RequestMapping(path = "/api/v1/datasets", produces = MediaType.APPLICATION_JSON_VALUE)
class DatasetController {

    private static final String CATALOGUE_RESPONSE = """
            {"datasets": [{"name": "xor", "description": "Points in [−5, 5]², class 1 where x1·x2 > 0 (first and third \
            quadrants)", "inputs": 2, "classes": 2}, {"name": "and", "description": "The truth table of AND (4 rows, \
            no noise)", "inputs": 2, "classes": 2}]}""";
    private static final String DRAW_RESPONSE = """
            {"name": "gaussians", "samples": 4, "noise": 0.0, "seed": 5, "testFraction": 0.25, \
            "inputs": [[-2.6301783247964146, -0.595816755465028], [1.7852945645144447, 1.6781632771245119], \
            [-3.1860559808183058, -2.4538025595536337]], "targets": [[0.0], [1.0], [0.0]], \
            "testInputs": [[2.340714041341746, 2.007789780129131]], "testTargets": [[1.0]]}""";

    @Operation(operationId = "listDatasets",
            summary = "List the datasets",
            description = "Two-dimensional problems in the manner of TensorFlow Playground (xor, circle, gaussians, "
                    + "spiral, moons), drawn from a seeded generator, and the four rows of the gates and, or, "
                    + "nand, xor-gate. Each can be fetched by name or named as \"dataset\" in /networks/train.")
    @ApiResponse(responseCode = "200", description = "Every dataset (the example is trimmed to two)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DatasetCatalogueResponse.class),
                    examples = @ExampleObject(name = "catalogue", value = CATALOGUE_RESPONSE)))
    @GetMapping
    DatasetCatalogueResponse catalogue() {
        return new DatasetCatalogueResponse(Arrays.stream(ToyDataset.values())
                .map(d -> new DatasetCatalogueResponse.Entry(d.id(), d.description(), 2, 2)).toList());
    }

    @Operation(operationId = "drawDataset",
            summary = "Draw a dataset",
            description = "Labels 0 and 1, sample i of class i mod 2, every draw from the generator of "
                    + "/gradients/simulate (SplitMix64) seeded by `seed`, in sample order: the point, then its "
                    + "jitter. `noise` (0 to 1) adds Gaussian jitter of that share of the problem's scale to each "
                    + "coordinate (scale 5 for xor, circle and spiral, 4 for gaussians, 2.5 for moons). "
                    + "`testFraction` holds the last ⌊samples·f⌋ samples back as `testInputs`/`testTargets`. The gate "
                    + "tables always have their 4 rows and no noise. The same query gives the same numbers.")
    @ApiResponse(responseCode = "200", description = "The drawn samples",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DatasetResponse.class),
                    examples = @ExampleObject(name = "gaussians", summary = "?samples=4&seed=5&testFraction=0.25",
                            value = DRAW_RESPONSE)))
    @GetMapping("/{name}")
    DatasetResponse draw(
            @Parameter(description = "A dataset of the catalogue", example = "xor", schema = @Schema(
                    allowableValues = {"xor", "circle", "gaussians", "spiral", "moons", "and", "or", "nand", "xor-gate"}))
            @PathVariable String name,
            @Parameter(description = "Samples, 1 to 10000", example = "200") @RequestParam(required = false)
            Integer samples,
            @Parameter(description = "Jitter, 0 to 1", example = "0.1") @RequestParam(required = false) Double noise,
            @Parameter(description = "Seed", example = "1") @RequestParam(required = false) Long seed,
            @Parameter(description = "Share held back as a test set, 0 ≤ f < 1", example = "0.2")
            @RequestParam(required = false) Double testFraction) {
        DatasetDraw draw = DatasetDraw.of(name, samples, noise, seed, testFraction, "", true);
        return new DatasetResponse(draw.dataset().id(), draw.samples(), draw.noise(), draw.seed(), draw.testFraction(),
                draw.train().inputs(), draw.train().targets(), draw.test().inputs(), draw.test().targets());
    }
}
