package dev.activationlab.activation;

import java.util.function.Function;

/**
 * An activation applied element by element: y_i = f(x_i).
 *
 * <p>{@link #bind(Parameters)} fixes the parameters once and returns the function itself, so
 * that evaluating a long vector looks no parameter up per element. Only this package can extend
 * the class (its constructor is package-private): the catalogue is closed.
 */
public abstract non-sealed class ScalarActivation implements Activation {

    private final ActivationDescriptor descriptor;

    ScalarActivation(ActivationDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public final ActivationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final <R> R match(Function<? super ScalarActivation, ? extends R> ifScalar,
                             Function<? super VectorActivation, ? extends R> ifVector) {
        return ifScalar.apply(this);
    }

    /**
     * The function with these parameters fixed.
     *
     * @param parameters the resolved, validated parameters of this activation
     *                   ({@link Parameters#resolve(Activation, java.util.Map)})
     */
    public abstract ScalarFunction bind(Parameters parameters);
}
