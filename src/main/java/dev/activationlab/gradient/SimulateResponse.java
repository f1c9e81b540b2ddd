package dev.activationlab.gradient;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/v1/gradients/simulate}: the request, fully resolved, and the
 * statistics of each layer.
 *
 * @param activation canonical name
 * @param params     full resolved parameters
 * @param layers     L
 * @param width      units per layer
 * @param batchSize  input vectors
 * @param init       the initialisation's canonical name
 * @param initStd    standard deviation used by the {@code normal} init
 * @param seed       the seed, given or chosen
 * @param perLayer   L entries, layer 1 (next to the input) first
 */
record SimulateResponse(String activation, Map<String, Double> params, int layers, int width, int batchSize,
                        String init, double initStd, long seed, List<LayerStatistics> perLayer) {
}
