package dev.activationlab.activation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds activations by canonical name or alias, case-insensitively and with {@code -}
 * accepted for {@code _} ("Leaky-ReLU" finds {@code leaky_relu}).
 */
public final class ActivationRegistry {

    private final List<Activation> activations;
    private final Map<String, Activation> byName = new HashMap<>();
    private final List<String> canonicalNames;

    /**
     * @param activations the catalogue ({@link ActivationCatalogue#all()}), in the order {@link #all()}
     *                    lists it; names and aliases must be unique across it
     * @throws IllegalArgumentException if two activations share a name or alias
     */
    public ActivationRegistry(Collection<? extends Activation> activations) {
        this.activations = List.copyOf(activations);
        for (Activation a : this.activations) {
            register(a.name(), a);
            a.descriptor().aliases().forEach(alias -> register(alias, a));
        }
        this.canonicalNames = this.activations.stream().map(Activation::name).toList();
    }

    private void register(String name, Activation activation) {
        Activation previous = byName.putIfAbsent(normalize(name), activation);
        if (previous != null) {
            throw new IllegalArgumentException("Name '" + name + "' is used by both "
                    + previous.name() + " and " + activation.name());
        }
    }

    /**
     * Canonical form of a requested name: lower case, {@code -} replaced by {@code _}. White space
     * and control characters are kept, so that {@code "relu\u0000"} or {@code " relu"} names no
     * activation (Java's {@code trim()} would strip both).
     */
    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Every activation, in catalogue order (sorted by canonical name for {@link ActivationCatalogue}). */
    public List<Activation> all() {
        return activations;
    }

    /** Canonical names, in catalogue order. */
    public List<String> names() {
        return canonicalNames;
    }

    /** The activation called {@code name} (canonical or alias), if any. */
    public Optional<Activation> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalize(name)));
    }

    /**
     * The activation called {@code name}.
     *
     * @throws UnknownActivationException listing the valid names, if there is none
     */
    public Activation require(String name) {
        return find(name).orElseThrow(() -> new UnknownActivationException(name, canonicalNames));
    }

    /**
     * The scalar activation called {@code name}, with its parameters resolved and bound: the
     * entry point for perceptrons, networks and gradient analysis.
     *
     * @throws UnknownActivationException if there is no such activation
     * @throws VectorValuedException      if it is vector-valued (softmax)
     * @throws InvalidParameterException  if a parameter is unknown or out of range
     */
    public BoundActivation bindScalar(String name, Map<String, Double> requestedParameters) {
        Activation activation = require(name);
        Parameters parameters = Parameters.resolve(activation, requestedParameters);
        if (!(activation instanceof ScalarActivation scalar)) {
            throw new VectorValuedException(activation.name());
        }
        return new BoundActivation(scalar, parameters, scalar.bind(parameters));
    }
}
