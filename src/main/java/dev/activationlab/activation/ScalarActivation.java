package dev.activationlab.activation;

import java.util.function.Function;

/**
 * An activation applied element by element: y_i = f(x_i).
 *
 * <p>{@link #bind(Parameters)} fixes the parameters once and returns the function itself, so
 * that evaluating a long vector looks no parameter up per element.
 */
public abstract non-sealed class ScalarActivation extends Activation {

    ScalarActivation(ActivationDescriptor descriptor) {
        super(descriptor);
    }

    /**
     * The function with these parameters fixed.
     *
     * @param parameters the resolved, validated parameters of this activation
     *                   ({@link Parameters#resolve(Activation, java.util.Map)})
     */
    public abstract ScalarFunction bind(Parameters parameters);

    @Override
    public final <R> R match(Function<? super ScalarActivation, ? extends R> ifScalar,
                             Function<? super VectorActivation, ? extends R> ifVector) {
        return ifScalar.apply(this);
    }
}
