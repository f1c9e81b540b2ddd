package dev.activationlab.experiment;

import java.util.List;
import java.util.Map;

/**
 * What an experiment found.
 *
 * @param results one per activation, in the order asked
 * @param ranking the canonical names of the activations, best first: by reachedFraction (higher
 *                first), then medianEpochsToTarget (fewer first, null last), then medianFinalLoss
 */
public record ConvergenceResult(List<ActivationResult> results, List<String> ranking) {

    /**
     * @param activation           canonical name
     * @param params               resolved parameters
     * @param runs                 one per seed
     * @param reachedFraction      share of runs that reached the target loss
     * @param medianEpochsToTarget median over the runs, a run that never reached counting as never;
     *                             null when that median is never
     * @param medianFinalLoss      median of the runs' final training losses (null if that median is a
     *                             diverged run's)
     * @param lossCurve            per epoch e from 0, the median over the runs of the loss after e (a
     *                             run that stopped keeps its last value)
     * @param deadFractionCurve    per epoch, the median share of dead hidden units
     */
    public record ActivationResult(String activation, Map<String, Double> params, List<Run> runs,
            double reachedFraction, Double medianEpochsToTarget, Double medianFinalLoss, double[] lossCurve,
            double[] deadFractionCurve) {
    }

    /**
     * @param seed              the seed of the weights and the shuffle
     * @param epochsToTarget    the first epoch that met the target; null if none did
     * @param finalLoss         the training loss at the end; null if the run diverged
     * @param finalAccuracy     the training accuracy at the end; null if the run diverged
     * @param finalDeadFraction share of hidden units dead at the end
     * @param diverged          whether a weight or the loss overflowed (the run stopped there)
     */
    public record Run(long seed, Integer epochsToTarget, Double finalLoss, Double finalAccuracy,
            double finalDeadFraction, boolean diverged) {
    }
}
