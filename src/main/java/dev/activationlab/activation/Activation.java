package dev.activationlab.activation;

import java.util.List;

/**
 * One activation function of the catalogue: what it is called, what it computes, and which
 * parameters it takes.
 *
 * <p>Implementations are either {@link ScalarActivation} (applied element by element) or
 * {@link VectorActivation} (softmax and log-softmax, whose outputs depend on the whole vector).
 * Each implementation is a small stateless class in this package with a public no-argument
 * constructor; the catalogue is discovered from this package, so adding an activation means
 * adding one class.
 */
public interface Activation {

    /** Canonical name, lower case with underscores, e.g. {@code leaky_relu}. */
    String name();

    /** Other accepted names, canonical form (lower case, underscores). */
    default List<String> aliases() {
        return List.of();
    }

    /** Name for people, e.g. "Leaky ReLU". */
    String displayName();

    /** f(x) in plain text. */
    String formula();

    /** f'(x) in plain text, including the value chosen at kinks. */
    String derivativeFormula();

    /** Parameters in the order they are documented; empty when there are none. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Checks constraints that involve more than one parameter or a single excluded value
     * (e.g. hard_tanh's min &lt; max). Single-parameter bounds are checked by {@link Parameters}.
     *
     * @throws InvalidParameterException naming the offending parameter
     */
    default void checkParameters(Parameters parameters) {
    }

    /** Range of f with the default parameters, as text, e.g. "(0, 1)". */
    String outputRange();

    /** Shape properties, with the default parameters. */
    Traits traits();

    /** The paper or library function whose definition and conventions are followed. */
    String reference();

    /** True for softmax-like functions whose i-th output depends on every input. */
    default boolean vectorValued() {
        return false;
    }
}
