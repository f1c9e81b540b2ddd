package dev.activationlab.gradient;

import java.util.List;

/**
 * The backward pass through a scalar chain of N layers.
 *
 * @param perLayer            N entries, layer 1 (next to the input) first
 * @param inputGradient       g_1, the gradient reaching the first layer ({@code null} if it overflows)
 * @param log10InputGradient  log10 |g_1| ({@code null} if some factor is exactly 0)
 * @param vanishedAfterLayers the number of layers, counted back from the output, after which |g| first
 *                            falls below the vanishing threshold; {@code null} if it never does
 * @param explodedAfterLayers the same for rising above the exploding threshold
 */
public record ChainResult(List<ChainLayer> perLayer, Double inputGradient, Double log10InputGradient,
                          Integer vanishedAfterLayers, Integer explodedAfterLayers) {
}
