package dev.activationlab.activation;

import java.util.List;

/**
 * An activation as the catalogue shows it.
 *
 * @param name              canonical name
 * @param aliases           other accepted names
 * @param displayName       name for people
 * @param formula           f(x), plain text
 * @param derivativeFormula f'(x), plain text, with the value at kinks
 * @param parameters        parameters with defaults and bounds
 * @param outputRange       range of f, as text
 * @param vectorValued      whether each output depends on the whole input vector
 * @param properties        shape properties
 * @param reference         paper or library function followed
 */
public record ActivationView(String name, List<String> aliases, String displayName, String formula,
                             String derivativeFormula, List<ParameterView> parameters, String outputRange,
                             boolean vectorValued, PropertiesView properties, String reference) {

    /**
     * @param name         parameter name
     * @param defaultValue value used when omitted
     * @param minimum      lower bound, null where open
     * @param maximum      upper bound, null where open
     * @param exclusiveMinimum whether the minimum itself is excluded
     * @param exclusiveMaximum whether the maximum itself is excluded
     * @param description  meaning and constraints
     */
    public record ParameterView(String name, double defaultValue, Double minimum, Double maximum,
                                boolean exclusiveMinimum, boolean exclusiveMaximum, String description) {
    }

    /**
     * @param monotonic    f is non-decreasing
     * @param zeroCentered f(0) = 0 and f takes both signs
     * @param smooth       f is continuously differentiable
     * @param saturates    "none", "negative", "positive" or "both"
     */
    public record PropertiesView(boolean monotonic, boolean zeroCentered, boolean smooth, String saturates) {
    }

    /** The catalogue entry of {@code a}. */
    public static ActivationView of(Activation a) {
        var d = a.descriptor();
        List<ParameterView> parameters = d.parameters().stream().map(ActivationView::parameter).toList();
        var t = d.traits();
        return new ActivationView(d.name(), d.aliases(), d.displayName(), d.formula(), d.derivativeFormula(),
                parameters, d.outputRange(), a.vectorValued(),
                new PropertiesView(t.monotonic(), t.zeroCentered(), t.smooth(), t.saturates().label()),
                d.reference());
    }

    private static ParameterView parameter(Parameter p) {
        return new ParameterView(p.name(), p.defaultValue(), p.minimum(), p.maximum(), p.minimumExclusive(),
                p.maximumExclusive(), p.description());
    }
}
