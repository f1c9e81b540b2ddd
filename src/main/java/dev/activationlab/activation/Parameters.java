package dev.activationlab.activation;

import dev.activationlab.http.ClientText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full, validated parameter set of one activation: every parameter of
 * {@link Activation#parameters()} with the value given in the request or its default.
 */
public final class Parameters {

    private static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Double> values;

    private Parameters(Map<String, Double> values) {
        this.values = values;
    }

    /**
     * Resolves the requested parameters of {@code activation} against its defaults.
     *
     * @param activation the activation whose parameters these are
     * @param requested  name → value as sent by the client; may be {@code null} or empty
     * @return every parameter of the activation, in documented order
     * @throws InvalidParameterException if a name is unknown, a value is missing, non-finite or
     *                                   out of range, or the activation's own checks fail
     */
    public static Parameters resolve(Activation activation, Map<String, Double> requested) {
        List<Parameter> declared = activation.parameters();
        Map<String, Double> given = requested == null ? Map.of() : requested;
        for (String name : given.keySet()) {
            if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                throw new InvalidParameterException(ClientText.shorten(name), unknownMessage(activation, name));
            }
        }
        if (declared.isEmpty()) {
            return NONE;
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (Parameter p : declared) {
            Double value = given.containsKey(p.name()) ? given.get(p.name()) : Double.valueOf(p.defaultValue());
            if (value == null) {
                throw new InvalidParameterException(p.name(), "Parameter '" + p.name() + "' of " + activation.name()
                        + " must be a number in " + p.range() + ", not null.");
            }
            if (!p.accepts(value)) {
                throw new InvalidParameterException(p.name(), "Parameter '" + p.name() + "' of " + activation.name()
                        + " must be a finite number in " + p.range() + "; got " + value + ".");
            }
            resolved.put(p.name(), value);
        }
        Parameters parameters = new Parameters(Collections.unmodifiableMap(resolved));
        activation.checkParameters(parameters);
        return parameters;
    }

    /** The empty set, for activations without parameters. */
    public static Parameters none() {
        return NONE;
    }

    /**
     * The value of a declared parameter.
     *
     * @throws IllegalArgumentException if the activation declares no such parameter
     */
    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No parameter '" + name + "'");
        }
        return value;
    }

    /** Name → value, in documented order; unmodifiable. */
    public Map<String, Double> asMap() {
        return values;
    }

    private static String unknownMessage(Activation activation, String name) {
        List<String> names = activation.parameters().stream().map(Parameter::name).toList();
        return "Unknown parameter '" + ClientText.shorten(name) + "' for " + activation.name() + "; "
                + (names.isEmpty() ? "it takes no parameters." : "it takes: " + String.join(", ", names) + ".");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
