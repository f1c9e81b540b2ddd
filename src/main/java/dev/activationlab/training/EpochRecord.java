package dev.activationlab.training;

import java.util.List;

/**
 * The state of a network after an epoch (epoch 0: before training), measured on the whole
 * training set with the weights of that moment.
 *
 * @param epoch        0 for the initial network, e after epoch e
 * @param loss         the mean loss over the training set
 * @param accuracy     the share of training rows classified right
 * @param testLoss     the mean loss over the test set; null without one
 * @param testAccuracy the share of test rows classified right; null without one
 * @param layers       per layer, from the input side
 */
public record EpochRecord(int epoch, double loss, double accuracy, Double testLoss, Double testAccuracy,
        List<LayerRecord> layers) {

    /**
     * @param deadUnits         units whose f'(z) is exactly 0 for every training row (dead ReLUs)
     * @param saturatedFraction share of units × rows whose |f'(z)| is below 1 % of sup |f'|
     * @param weightGradientRms RMS of ∂L/∂W of the full-set loss
     * @param alpha             a prelu layer's learned alpha; null for other layers
     */
    public record LayerRecord(int deadUnits, double saturatedFraction, double weightGradientRms, Double alpha) {
    }
}
