package dev.activationlab.accuracy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The oracle's answer: the error of each array the request gave.
 *
 * @param activation  canonical name
 * @param params      full resolved parameters
 * @param dtype       the dtype measured in
 * @param values      the errors of the given values, or absent
 * @param derivatives the errors of the given derivatives, or absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccuracyReport(String activation, Map<String, Double> params, String dtype, Errors values,
                             Errors derivatives) {

    /**
     * The errors of one array.
     *
     * @param ulpErrors        |got − exact| / ulp(exact) per element; null where infinitely wrong
     * @param maxUlp           the largest error; null when some element is infinitely wrong
     * @param meanUlp          the mean error over the finitely wrong elements (null if there are none)
     * @param infinitelyWrong  elements whose got is non-finite and the exact result is not that same
     *                         value, or whose exact result is beyond the dtype while got is finite
     * @param worst            the element of largest error (the first, on ties)
     * @param histogram        counts of elements with error ≤ 0.5, ≤ 1, ≤ 2, ≤ 4, ≤ 16, ≤ 256 (each
     *                         bucket excluding the ones before) and > 256 (infinitely wrong included)
     * @param correctlyRounded elements equal to the correctly rounded result
     */
    public record Errors(List<Double> ulpErrors, Double maxUlp, Double meanUlp, int infinitelyWrong, Worst worst,
                         Histogram histogram, int correctlyRounded) {
    }

    /**
     * @param index    position in x
     * @param x        the input (rounded to the dtype)
     * @param got      the kernel's number, or "NaN", "Infinity", "-Infinity"
     * @param expected the correctly rounded result, a value of the dtype ("Infinity" or
     *                 "-Infinity" when the exact result lies beyond the dtype's range)
     */
    public record Worst(int index, double x, Object got, Object expected) {
    }

    /** Error counts by bucket; the JSON keys are "≤0.5", "≤1", "≤2", "≤4", "≤16", "≤256", "&gt;256". */
    public record Histogram(@JsonProperty("≤0.5") int half, @JsonProperty("≤1") int one, @JsonProperty("≤2") int two,
                            @JsonProperty("≤4") int four, @JsonProperty("≤16") int sixteen,
                            @JsonProperty("≤256") int twoFiftySix, @JsonProperty(">256") int more) {
    }
}
