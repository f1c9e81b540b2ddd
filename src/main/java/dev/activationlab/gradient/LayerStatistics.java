package dev.activationlab.gradient;

/**
 * What one layer of a {@link DeepNetworkSimulation} looks like, over all batchSize × width units.
 *
 * @param layer                      1 (next to the input) to L
 * @param activationMean             mean of h_ℓ = f(z_ℓ)
 * @param activationStd              standard deviation of h_ℓ (population, divided by the count)
 * @param saturatedFraction          share of units with |f'(z)| below 1 % of sup |f'| (dead units included)
 * @param deadFraction               share of units whose f'(z) is exactly 0 (a ReLU at z ≤ 0)
 * @param activationGradientRms      root mean square of ∂L/∂h_ℓ
 * @param log10ActivationGradientRms its log10, {@code null} where it is exactly 0
 * @param weightGradientRms          root mean square of ∂L/∂W_ℓ (width × width entries, summed over the batch)
 * @param log10WeightGradientRms     its log10, {@code null} where it is exactly 0
 */
public record LayerStatistics(int layer, double activationMean, double activationStd, double saturatedFraction,
                              double deadFraction, double activationGradientRms, Double log10ActivationGradientRms,
                              double weightGradientRms, Double log10WeightGradientRms) {
}
