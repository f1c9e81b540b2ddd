package dev.activationlab.activation;

/**
 * An activation applied element by element: y_i = f(x_i).
 *
 * <p>{@link #bind(Parameters)} fixes the parameters once and returns the function itself, so
 * that evaluating a long vector looks no parameter up per element.
 */
public interface ScalarActivation extends Activation {

    /**
     * The function with these parameters fixed.
     *
     * @param parameters the resolved, validated parameters of this activation
     *                   ({@link Parameters#resolve(Activation, java.util.Map)})
     */
    ScalarFunction bind(Parameters parameters);
}
