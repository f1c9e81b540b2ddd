package dev.activationlab.activation;

import java.util.List;

/**
 * What the catalogue says about one activation: its names, formulas, parameters and shape.
 * Whether it is vector-valued follows from its type ({@link VectorActivation}), not from here.
 *
 * @param name              canonical name, lower case with underscores, e.g. {@code leaky_relu}
 * @param aliases           other accepted names, canonical form; empty when there are none
 * @param displayName       name for people, e.g. "Leaky ReLU"
 * @param formula           f(x) in plain text
 * @param derivativeFormula f'(x) (or the Jacobian) in plain text, including the value chosen at kinks
 * @param parameters        parameters in the order they are documented; empty when there are none
 * @param outputRange       range of f with the default parameters, as text, e.g. "(0, 1)"
 * @param traits            shape properties, with the default parameters
 * @param reference         the paper or library function whose definition and conventions are followed
 */
public record ActivationDescriptor(String name, List<String> aliases, String displayName, String formula,
                                   String derivativeFormula, List<Parameter> parameters, String outputRange,
                                   Traits traits, String reference) {

    public ActivationDescriptor {
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
    }
}
