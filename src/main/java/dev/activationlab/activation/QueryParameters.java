package dev.activationlab.activation;

import dev.activationlab.http.RequestChecks;
import dev.activationlab.http.ProblemType;
import dev.activationlab.http.RequestException;
import dev.activationlab.http.ClientText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** Reads activation parameters and curve ranges from query strings (curve and plot endpoints). */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The query with each parameter given once: a repeated one is ambiguous, so it is refused
     * rather than guessed.
     *
     * @throws RequestException 400 naming the first parameter given more than once
     */
    public static Map<String, String> singleValued(MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getValue().size() > 1) {
                String name = ClientText.shorten(entry.getKey());
                throw RequestException.invalid(name, "'" + name + "' is given "
                        + entry.getValue().size() + " times; give it once.");
            }
        }
        return query.toSingleValueMap();
    }

    /**
     * Every query parameter not in {@code reserved}, as an activation parameter.
     *
     * @throws RequestException 400 naming a parameter whose value is not a finite number
     */
    public static Map<String, Double> activationParameters(Map<String, String> query, Set<String> reserved) {
        Map<String, Double> params = new LinkedHashMap<>();
        query.forEach((key, raw) -> {
            if (!reserved.contains(key)) {
                params.put(key, number(key, raw));
            }
        });
        return params;
    }

    /**
     * The scalar activation {@code name} with parameters read off a query string bound: what a
     * curve or plot draws.
     *
     * @param fieldPrefix put before a parameter's name to name the query parameter at fault,
     *                    e.g. {@code "leaky_relu."} for {@code leaky_relu.alpha}, or {@code ""}
     * @throws UnknownActivationException for an unknown name (404 for a name in the path)
     * @throws RequestException           400 naming an unknown or out-of-range parameter
     * @throws VectorValuedException      for softmax and log_softmax (422)
     */
    public static BoundActivation scalar(ActivationRegistry registry, String name, Map<String, Double> params,
            String fieldPrefix) {
        try {
            return registry.bindScalar(name, params);
        } catch (InvalidParameterException e) {
            throw new RequestException(ProblemType.INVALID_PARAMETER, fieldPrefix + e.parameter(), e.getMessage());
        }
    }

    /**
     * A finite number from a query value.
     *
     * @throws RequestException 400 naming {@code key}
     */
    public static double number(String key, String raw) {
        try {
            double value = Double.parseDouble(raw.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String name = ClientText.shorten(key);
        throw RequestException.invalid(name, "'" + name + "' must be a finite number; got '" + ClientText.shorten(raw) + "'.");
    }

    /**
     * The evenly spaced abscissae of a curve or plot.
     *
     * @throws RequestException 400 if from ≥ to or points is outside 2 … maxPoints
     */
    public static double[] grid(double from, double to, int points, int maxPoints) {
        RequestChecks.finite(from, "from");
        RequestChecks.finite(to, "to");
        if (!(from < to)) {
            throw RequestException.invalid("from", "'from' (" + from + ") must be less than 'to' (" + to + ").");
        }
        if (points < 2 || points > maxPoints) {
            throw RequestException.invalid("points", "'points' must be between 2 and " + maxPoints + "; got " + points + ".");
        }
        return ActivationEvaluator.grid(from, to, points);
    }
}
