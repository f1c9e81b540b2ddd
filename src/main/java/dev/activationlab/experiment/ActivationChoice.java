package dev.activationlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * One contender of an experiment: an activation name ({@code "relu"}) or a name with parameters
 * ({@code {"name": "leaky_relu", "params": {"alpha": 0.1}}}).
 *
 * @param name   a scalar activation of the catalogue
 * @param params its parameters; omitted ones take their defaults
 */
@Schema(description = "An activation with its parameters; a bare name (a JSON string) is read as {\"name\": name}",
        example = "{\"name\": \"leaky_relu\", \"params\": {\"alpha\": 0.1}}")
public record ActivationChoice(String name, Map<String, Double> params) {

    @JsonCreator
    public ActivationChoice(@JsonProperty("name") String name, @JsonProperty("params") Map<String, Double> params) {
        this.name = name;
        this.params = params;
    }

    /** A bare name, as {@code "relu"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActivationChoice named(String name) {
        return new ActivationChoice(name, null);
    }
}
