package dev.activationlab.plot;

import dev.activationlab.http.ProblemType;
import dev.activationlab.activation.QueryParameters;
import dev.activationlab.http.RequestException;
import dev.activationlab.activation.Activation;
import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.http.ClientText;
import dev.activationlab.activation.ScalarActivation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the functions of a multi-function chart from a query string: a comma-separated list
 * ({@code names=sigmoid,leaky_relu}) and each one's parameters as {@code {name}.{param}=value}
 * ({@code leaky_relu.alpha=0.2}); a function whose parameters are not given gets its defaults.
 */
final class PlotFunctions {

    private PlotFunctions() {
    }

    /**
     * The listed activations, in the order listed, each with its parameters bound.
     *
     * @param listField    the query parameter holding the list, e.g. {@code names}
     * @param list         its value; may be {@code null}
     * @param query        every query parameter
     * @param reserved     query parameters that are not per-function parameters
     * @param maxFunctions the most functions one chart may show
     * @throws RequestException 400 if the list is missing or empty, an entry is empty, unknown
     *                          (listing the valid names) or repeated, there are more than
     *                          {@code maxFunctions}, or a per-function parameter is malformed,
     *                          names no listed function, or is unknown or out of range; 422 for
     *                          a vector-valued activation
     */
    static List<BoundActivation> parse(ActivationRegistry registry, String listField, String list,
            Map<String, String> query, Set<String> reserved, int maxFunctions) {
        if (list == null || list.isBlank()) {
            throw RequestException.invalid(listField, "'" + listField + "' is required: a comma-separated list of up to "
                    + maxFunctions + " activation names, e.g. sigmoid,tanh,relu.");
        }
        String[] names = list.split(",", -1);
        if (names.length > maxFunctions) {
            throw RequestException.invalid(listField, "'" + listField + "' lists " + names.length
                    + " functions; one chart shows at most " + maxFunctions + ".");
        }
        Map<String, ScalarActivation> byCanonicalName = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String field = listField + "[" + i + "]";
            // Spaces after the commas are the query's layout; anything else is part of the name.
            String name = stripSpaces(names[i]);
            if (name.isEmpty()) {
                throw RequestException.invalid(field, "'" + field + "' is empty; separate names by single commas.");
            }
            Activation activation = registry.find(name).orElseThrow(() -> new RequestException(
                    ProblemType.INVALID_ACTIVATION, field, "Unknown activation '" + ClientText.shorten(name) + "'. Valid names: "
                    + String.join(", ", registry.names())).with("validNames", registry.names()));
            if (!(activation instanceof ScalarActivation scalar)) {
                throw RequestException.unprocessable(field, activation.name() + " is vector-valued: each output "
                        + "depends on the whole input vector, so it has no curve of its own.");
            }
            if (byCanonicalName.putIfAbsent(activation.name(), scalar) != null) {
                throw RequestException.invalid(field, "'" + field + "' repeats " + activation.name()
                        + "; list each function once.");
            }
        }

        Map<String, Map<String, Double>> requested = new LinkedHashMap<>();
        query.forEach((key, raw) -> {
            if (reserved.contains(key)) {
                return;
            }
            String shown = ClientText.shorten(key);
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw RequestException.invalid(shown, "Unknown query parameter '" + shown + "'. Give a function's "
                        + "parameters as {name}.{param}, e.g. leaky_relu.alpha=0.2.");
            }
            String function = key.substring(0, dot);
            String canonical = registry.find(function).map(Activation::name)
                    .filter(byCanonicalName::containsKey)
                    .orElseThrow(() -> RequestException.invalid(shown, "'" + shown + "' names '"
                            + ClientText.shorten(function) + "', which is not in '" + listField + "'."));
            requested.computeIfAbsent(canonical, k -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), QueryParameters.number(key, raw));
        });

        List<BoundActivation> functions = new ArrayList<>(byCanonicalName.size());
        byCanonicalName.forEach((name, activation) ->
                functions.add(QueryParameters.scalar(registry, name, requested.get(name), name + ".")));
        return functions;
    }

    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
