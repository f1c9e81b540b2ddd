package dev.activationlab.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * @param weights   final w, one per input
 * @param bias      final b
 * @param converged whether an epoch passed without a misclassification
 * @param epochs    epochs run, the error-free one included
 * @param history   the state at the end of each epoch, epoch 1 first
 * @param message   how training ended, for people
 * @param seed      the seed of the sample order, present only when shuffling
 */
public record PerceptronTrainResponse(double[] weights, double bias, boolean converged, int epochs,
                                      List<Epoch> history, String message,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Long seed) {

    /**
     * @param epoch         number of the epoch, from 1
     * @param misclassified samples misclassified during the pass (= updates made)
     * @param weights       w at the end of the epoch
     * @param bias          b at the end of the epoch
     */
    public record Epoch(int epoch, int misclassified, double[] weights, double bias) {
    }
}
