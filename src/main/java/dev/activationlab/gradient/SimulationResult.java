package dev.activationlab.gradient;

import java.util.List;

/**
 * The outcome of a {@link DeepNetworkSimulation}.
 *
 * @param perLayer L entries, layer 1 (next to the input) first
 */
public record SimulationResult(List<LayerStatistics> perLayer) {
}
