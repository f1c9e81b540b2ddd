package dev.activationlab;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.activation.ActivationCatalogue;
import java.util.Map;

/** The real activation catalogue, for unit tests of the math that uses it. */
public final class TestActivations {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    private TestActivations() {
    }

    public static ActivationRegistry registry() {
        return REGISTRY;
    }

    /** The activation {@code name} with default parameters. */
    public static BoundActivation bind(String name) {
        return REGISTRY.bindScalar(name, Map.of());
    }

    /** The activation {@code name} with one parameter set. */
    public static BoundActivation bind(String name, String parameter, double value) {
        return REGISTRY.bindScalar(name, Map.of(parameter, value));
    }
}
