package dev.activationlab.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.activationlab.network.NetworkLayer;
import java.util.List;

/**
 * The trained network and how it got there.
 *
 * @param epochs         epochs run
 * @param converged      whether the target loss was met (null without one)
 * @param epochsToTarget the first epoch that met it (null when never, or without a target)
 * @param loss           the final training loss
 * @param accuracy       the final training accuracy
 * @param seed           the seed used
 * @param history        epoch 0 (before training) to the last
 * @param layers         the trained network, in the form of {@code /networks/forward}
 */
public record TrainResponse(int epochs, Boolean converged, Integer epochsToTarget, double loss, double accuracy,
        long seed, List<HistoryEntry> history, List<NetworkLayer> layers) {

    /**
     * One epoch's state.
     *
     * @param testLoss     present only with a test set
     * @param testAccuracy present only with a test set
     */
    public record HistoryEntry(int epoch, double loss, double accuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double testLoss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double testAccuracy,
            List<LayerEntry> layers) {
    }

    /**
     * @param alpha present only on prelu layers
     */
    public record LayerEntry(int deadUnits, double saturatedFraction, double weightGradientRms,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double alpha) {
    }
}
