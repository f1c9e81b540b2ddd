package dev.activationlab.accuracy;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Body of the accuracy oracle.
 *
 * @param x           inputs, rounded to the dtype as evaluate rounds them
 * @param values      a kernel's f(x_i) (numbers, or "NaN", "Infinity", "-Infinity"), as long as x; optional
 * @param derivatives a kernel's f'(x_i), likewise; at least one of values and derivatives
 * @param params      activation parameters by name; omitted ones take their defaults
 * @param dtype       float32, float16 or bfloat16
 */
public record AccuracyRequest(
        @Schema(description = "Inputs: finite numbers, rounded to the dtype.", example = "[-5, -1, 0, 1, 5]",
                requiredMode = Schema.RequiredMode.REQUIRED)
        double[] x,
        @ArraySchema(schema = @Schema(description = "A value of the dtype, or \"NaN\", \"Infinity\", \"-Infinity\"",
                oneOf = {Double.class, String.class}))
        List<Object> values,
        @ArraySchema(schema = @Schema(description = "A value of the dtype, or \"NaN\", \"Infinity\", \"-Infinity\"",
                oneOf = {Double.class, String.class}))
        List<Object> derivatives,
        @Schema(description = "Parameters by name; omitted ones take their defaults.")
        Map<String, Double> params,
        @Schema(description = "float32, float16 or bfloat16", example = "float32",
                allowableValues = {"float32", "float16", "bfloat16"}, requiredMode = Schema.RequiredMode.REQUIRED)
        String dtype) {
}
