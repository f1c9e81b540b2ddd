package dev.activationlab.activation;

import dev.activationlab.http.ProblemType;
import dev.activationlab.http.RequestException;
import java.util.Map;

/**
 * Resolves an activation named inside a request body (a perceptron's, a network layer's, a
 * gradient chain's), turning lookup failures into 400 or 422 problems that name the field.
 */
public final class ActivationLookup {

    private ActivationLookup() {
    }

    /**
     * The scalar activation {@code name} with {@code params} bound.
     *
     * @param at JSON path of the object holding {@code activation} and {@code params}, e.g.
     *           {@code layers[2]}, or empty for the top level
     * @throws RequestException 400 for an unknown name (listing the valid names) or a bad
     *                          parameter, 422 for a vector-valued activation
     */
    public static BoundActivation scalar(ActivationRegistry registry, String name, Map<String, Double> params,
            String at) {
        Resolved resolved = resolve(registry, name, params, at);
        Parameters parameters = resolved.parameters();
        return resolved.activation().match(
                scalar -> new BoundActivation(scalar, parameters, scalar.bind(parameters)),
                vector -> {
                    throw RequestException.unprocessable(prefix(at) + "activation",
                            new VectorValuedException(vector.name()).getMessage());
                });
    }

    /**
     * An activation of the catalogue, scalar or vector-valued, with its parameters resolved.
     *
     * @param activation the catalogue entry
     * @param parameters the full resolved set, defaults included
     */
    public record Resolved(Activation activation, Parameters parameters) {
    }

    /**
     * The activation {@code name} (scalar or vector-valued) with {@code params} resolved.
     *
     * @param at JSON path of the object holding {@code activation} and {@code params}, or empty
     * @throws RequestException 400 for an unknown name (listing the valid names) or a bad parameter
     */
    public static Resolved resolve(ActivationRegistry registry, String name, Map<String, Double> params, String at) {
        String prefix = prefix(at);
        return resolve(registry, name, params, prefix + "activation", prefix + "params");
    }

    /**
     * As {@link #resolve(ActivationRegistry, String, Map, String)}, for a name and parameters
     * held in fields of other names.
     *
     * @param nameField   JSON path of the name, named by a 400 for an unknown one
     * @param paramsField JSON path of the parameters' object, put before a bad parameter's name
     */
    public static Resolved resolve(ActivationRegistry registry, String name, Map<String, Double> params,
            String nameField, String paramsField) {
        try {
            Activation activation = registry.require(name);
            return new Resolved(activation, Parameters.resolve(activation, params));
        } catch (UnknownActivationException e) {
            throw new RequestException(ProblemType.INVALID_ACTIVATION, nameField, e.getMessage())
                    .with("validNames", e.validNames());
        } catch (InvalidParameterException e) {
            throw new RequestException(ProblemType.INVALID_PARAMETER, paramsField + "." + e.parameter(),
                    e.getMessage());
        }
    }

    /** {@code at} followed by a dot, or nothing at the top level. */
    private static String prefix(String at) {
        return at == null || at.isEmpty() ? "" : at + ".";
    }
}
