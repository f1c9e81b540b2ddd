package dev.activationlab.gradient;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/v1/gradients/chain}.
 *
 * @param activation          canonical name
 * @param params              full resolved parameters
 * @param layers              N
 * @param vanishingThreshold  the threshold used
 * @param explodingThreshold  the threshold used
 * @param perLayer            N entries, layer 1 (next to the input) first
 * @param inputGradient       g_1, {@code null} if it overflows
 * @param log10InputGradient  log10 |g_1|, {@code null} if a factor is exactly 0
 * @param vanishedAfterLayers layers counted back from the output after which |g| first falls below the
 *                            vanishing threshold, or {@code null}
 * @param explodedAfterLayers the same for rising above the exploding threshold, or {@code null}
 */
record ChainResponse(String activation, Map<String, Double> params, int layers, double vanishingThreshold,
                     double explodingThreshold, List<ChainLayer> perLayer, Double inputGradient,
                     Double log10InputGradient, Integer vanishedAfterLayers, Integer explodedAfterLayers) {
}
