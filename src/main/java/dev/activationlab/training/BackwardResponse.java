package dev.activationlab.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The loss of a batch and its gradients, as {@code loss.backward()} leaves them.
 *
 * @param loss           the mean loss
 * @param accuracy       the share of rows classified right
 * @param outputs        the network's outputs, n × k
 * @param layers         per layer, from the input side
 * @param inputGradients ∂L/∂inputs, n × d
 */
public record BackwardResponse(double loss, double accuracy, double[][] outputs, List<Layer> layers,
        double[][] inputGradients) {

    /**
     * @param weightGradients     ∂L/∂W, out × in
     * @param biasGradients       ∂L/∂b
     * @param parameterGradients  {@code {"alpha": g}} on a prelu layer, absent elsewhere
     */
    // Named apart from NetworkForwardResponse.Layer: one schema name per shape in the OpenAPI document.
    @Schema(name = "LayerGradients")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(double[][] weightGradients, double[] biasGradients, Map<String, Double> parameterGradients) {
    }
}
