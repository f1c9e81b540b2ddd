package dev.activationlab.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on everything a client controls, under {@code activation-lab.limits} in
 * {@code application.yml}. Requests beyond a size limit are answered with 413, beyond a range
 * limit with 400, before any work starts.
 *
 * @param maxVectorLength     numbers in one input vector (evaluate, derivative), and numbers in one
 *                            computed array of a response (a forward pass's values, a training history)
 * @param maxJacobianLength   input length of a vector-valued derivative, whose Jacobian is n × n
 * @param maxBodySize         request body size
 * @param maxCurvePoints      points of a curve or plot
 * @param maxPerceptronInputs input rows of a perceptron run or training set, and of a network forward pass
 * @param maxInputWidth       entries of one input row (the fan-in of the first layer)
 * @param maxEpochs           training epochs
 * @param maxNetworkLayers    layers of a network (forward, collapse)
 * @param maxLayerWidth       neurons of one network layer
 * @param maxNetworkWork      multiply-adds of one forward pass, collapse, perceptron run or training
 *                            (epochs · samples · (inputs + 1))
 * @param maxChainLayers      layers of a gradient chain
 * @param maxSimulationWork   layers · width² · batchSize of one gradient simulation
 * @param maxPlotFunctions    functions overlaid in one plot
 * @param maxPlotPixels       width and height of a plot, each
 * @param maxSimulationNumbers doubles held at once by one gradient simulation: (layers + 1)·width²
 *                            weights and scratch plus (2·layers + 4)·batchSize·width activations,
 *                            derivatives and gradients
 * @param maxJsonTokens       tokens of one JSON request body (each number, bracket, brace and field
 *                            name is one), counted while reading, so that no body can make more
 *                            arrays or numbers than this before the other limits are checked
 * @param maxTrainingWork     epochs · rows · (multiply-adds of one forward pass) · 3 of one
 *                            training run ({@code /networks/train}; the 3 counts the forward pass,
 *                            the backward pass and the weight gradients), and rows · multiply-adds · 3
 *                            of one {@code /networks/backward}
 * @param maxExperimentActivations activations one convergence experiment compares
 * @param maxExperimentSeeds  seeds one convergence experiment runs each activation with
 */
@Validated
@ConfigurationProperties("activation-lab.limits")
public record LimitsProperties(
        @Positive int maxVectorLength,
        @Positive int maxJacobianLength,
        @NotNull DataSize maxBodySize,
        @Min(2) int maxCurvePoints,
        @Positive int maxPerceptronInputs,
        @Positive int maxInputWidth,
        @Positive int maxEpochs,
        @Positive int maxNetworkLayers,
        @Positive int maxLayerWidth,
        @Positive long maxNetworkWork,
        @Positive int maxChainLayers,
        @Positive long maxSimulationWork,
        @Positive @Max(100) int maxPlotFunctions,
        @Positive int maxPlotPixels,
        @Positive long maxSimulationNumbers,
        @Positive long maxJsonTokens,
        @Positive long maxTrainingWork,
        @Positive int maxExperimentActivations,
        @Positive int maxExperimentSeeds) {
}
