package dev.activationlab.activation;

import java.util.List;
import java.util.function.Function;

/**
 * One activation function of the catalogue: its {@link ActivationDescriptor} (what it is called,
 * what it computes, which parameters it takes) and its math.
 *
 * <p>An activation is either a {@link ScalarActivation} (applied element by element) or a
 * {@link VectorActivation} (softmax, sparsemax, the gated linear units: outputs that depend on
 * the whole vector); the hierarchy is sealed, so that callers tell the two apart with
 * {@link #match} (or an {@code instanceof} pattern) and need no cast. Only this package can
 * extend either kind; {@link ActivationCatalogue} lists every activation.
 */
public abstract sealed class Activation permits ScalarActivation, VectorActivation {

    private final ActivationDescriptor descriptor;

    Activation(ActivationDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Names, formulas, parameters, range, traits and reference of this activation. */
    public final ActivationDescriptor descriptor() {
        return descriptor;
    }

    /** Canonical name, lower case with underscores, e.g. {@code leaky_relu}. */
    public final String name() {
        return descriptor.name();
    }

    /** Parameters in the order they are documented; empty when there are none. */
    public final List<Parameter> parameters() {
        return descriptor.parameters();
    }

    /**
     * Checks constraints that involve more than one parameter or a single excluded value
     * (e.g. hard_tanh's min &lt; max). Single-parameter bounds are checked by {@link Parameters}.
     *
     * @throws InvalidParameterException naming the offending parameter
     */
    public void checkParameters(Parameters parameters) {
    }

    /** True for softmax-like functions whose i-th output depends on every input. */
    public final boolean vectorValued() {
        return match(scalar -> false, vector -> true);
    }

    /**
     * Applies the function that fits this activation's kind: the exhaustive switch over the two
     * kinds of activation (the compiler checks that both are handled; Java 17 has no pattern
     * matching in {@code switch}).
     *
     * @param ifScalar applied to a {@link ScalarActivation}
     * @param ifVector applied to a {@link VectorActivation}
     * @return what the applied function returns
     */
    public abstract <R> R match(Function<? super ScalarActivation, ? extends R> ifScalar,
                                Function<? super VectorActivation, ? extends R> ifVector);
}
