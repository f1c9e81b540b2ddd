package dev.activationlab.training;

import java.util.List;

/**
 * The outcome of training.
 *
 * @param epochs         epochs run (fewer than asked when the target loss was met)
 * @param converged      whether the target loss was met; null without a target
 * @param epochsToTarget the first epoch whose loss met the target (0: the initial network did);
 *                       null without a target or when it was never met
 * @param history        one record per epoch from 0 to {@code epochs}
 */
public record TrainingRun(int epochs, Boolean converged, Integer epochsToTarget, List<EpochRecord> history) {

    /** The record of the last epoch run. */
    public EpochRecord last() {
        return history.get(history.size() - 1);
    }
}
