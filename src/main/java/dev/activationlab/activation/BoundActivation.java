package dev.activationlab.activation;

/**
 * A scalar activation resolved by name, with its parameters validated and fixed.
 *
 * @param activation the catalogue entry (its {@link Activation#name()} is the canonical name)
 * @param parameters the full resolved parameter set, defaults included
 * @param function   f and f' with those parameters
 */
public record BoundActivation(ScalarActivation activation, Parameters parameters, ScalarFunction function) {
}
