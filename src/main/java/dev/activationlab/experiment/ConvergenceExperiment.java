package dev.activationlab.experiment;

import dev.activationlab.training.EpochRecord;
import dev.activationlab.training.Loss;
import dev.activationlab.training.Optimizer;
import dev.activationlab.training.TrainableNetwork;
import dev.activationlab.training.Trainer;
import dev.activationlab.training.TrainingDivergedException;
import dev.activationlab.training.TrainingRun;
import dev.activationlab.training.TrainingSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Trains the same network with each of several activations over several seeds, every activation
 * starting from the same draws of its seed, and summarises how each converged: the experiment
 * behind "ReLU converges faster than sigmoid", "deep sigmoid networks stall" and "ReLUs die".
 */
public final class ConvergenceExperiment {

    private ConvergenceExperiment() {
    }

    /**
     * One activation to try.
     *
     * @param name    canonical name
     * @param params  resolved parameters
     * @param network the initial network for a seed (its weights drawn from that seed)
     */
    public record Contender(String name, Map<String, Double> params, LongFunction<TrainableNetwork> network) {
    }

    /**
     * What every run shares.
     *
     * @param loss       the loss
     * @param epochs     epochs per run
     * @param batchSize  rows per minibatch
     * @param shuffle    whether each epoch is shuffled (seeded by the run's seed)
     * @param targetLoss the loss that counts as converged; null for none (no run reaches)
     */
    public record Schedule(Loss loss, int epochs, int batchSize, boolean shuffle, Double targetLoss) {
    }

    /** Told of every epoch of every run, on the experiment's thread; may throw to stop the experiment. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param run        0-based index of the run among all runs (activation-major)
         * @param runs       the number of runs
         * @param activation the run's activation
         * @param seed       the run's seed
         * @param record     the epoch just measured
         */
        void epoch(int run, int runs, String activation, long seed, EpochRecord record);
    }

    /**
     * Runs every contender with every seed.
     *
     * @return per contender, in order, its runs and medians, and the ranking
     */
    public static ConvergenceResult run(List<Contender> contenders, Supplier<Optimizer> optimizers,
            double[][] inputs, double[][] targets, double[][] testInputs, double[][] testTargets, Schedule schedule,
            long[] seeds, Progress progress) {
        int runs = contenders.size() * seeds.length;
        List<ConvergenceResult.ActivationResult> results = new ArrayList<>(contenders.size());
        int runIndex = 0;
        for (Contender contender : contenders) {
            List<ConvergenceResult.Run> runResults = new ArrayList<>(seeds.length);
            double[][] lossCurves = new double[seeds.length][];
            double[][] deadCurves = new double[seeds.length][];
            for (int s = 0; s < seeds.length; s++) {
                long seed = seeds[s];
                int index = runIndex++;
                TrainableNetwork network = contender.network().apply(seed);
                int hiddenUnits = hiddenUnits(network);
                List<EpochRecord> seen = new ArrayList<>(schedule.epochs() + 1);
                TrainingRun run = null;
                try {
                    run = Trainer.train(network, optimizers.get(), inputs, targets, testInputs, testTargets,
                            new TrainingSettings(schedule.loss(), schedule.epochs(), schedule.batchSize(),
                                    schedule.shuffle(), seed, schedule.targetLoss()),
                            record -> {
                                seen.add(record);
                                progress.epoch(index, runs, contender.name(), seed, record);
                            });
                } catch (TrainingDivergedException e) {
                    if (seen.isEmpty()) {
                        // The initial network overflows on the data: there is no curve to keep.
                        throw new TrainingDivergedException(0, contender.name() + " with seed " + seed + ": "
                                + e.getMessage());
                    }
                    // The run stops where it overflowed; its curves keep their last finite values.
                }
                lossCurves[s] = curve(seen, schedule.epochs(), r -> r.loss());
                deadCurves[s] = curve(seen, schedule.epochs(), r -> deadFraction(r, hiddenUnits));
                EpochRecord last = seen.get(seen.size() - 1);
                boolean diverged = run == null;
                runResults.add(new ConvergenceResult.Run(seed, diverged ? null : run.epochsToTarget(),
                        diverged ? null : last.loss(), diverged ? null : last.accuracy(),
                        deadFraction(last, hiddenUnits), diverged));
            }
            results.add(summarise(contender, runResults, lossCurves, deadCurves));
        }
        List<ConvergenceResult.ActivationResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator
                .comparingDouble((ConvergenceResult.ActivationResult r) -> -r.reachedFraction())
                .thenComparingDouble(r -> r.medianEpochsToTarget() == null ? Double.POSITIVE_INFINITY
                        : r.medianEpochsToTarget())
                .thenComparingDouble(r -> r.medianFinalLoss() == null ? Double.POSITIVE_INFINITY
                        : r.medianFinalLoss()));
        return new ConvergenceResult(List.copyOf(results),
                ordered.stream().map(ConvergenceResult.ActivationResult::activation).toList());
    }

    private static ConvergenceResult.ActivationResult summarise(Contender contender,
            List<ConvergenceResult.Run> runs, double[][] lossCurves, double[][] deadCurves) {
        int n = runs.size();
        double[] epochsToTarget = new double[n];
        double[] finalLosses = new double[n];
        int reached = 0;
        for (int i = 0; i < n; i++) {
            ConvergenceResult.Run run = runs.get(i);
            epochsToTarget[i] = run.epochsToTarget() == null ? Double.POSITIVE_INFINITY : run.epochsToTarget();
            finalLosses[i] = run.finalLoss() == null ? Double.POSITIVE_INFINITY : run.finalLoss();
            if (run.epochsToTarget() != null) {
                reached++;
            }
        }
        int length = lossCurves[0].length;
        double[] lossCurve = new double[length];
        double[] deadCurve = new double[length];
        double[] column = new double[n];
        for (int e = 0; e < length; e++) {
            for (int i = 0; i < n; i++) {
                column[i] = lossCurves[i][e];
            }
            lossCurve[e] = median(column);
            for (int i = 0; i < n; i++) {
                column[i] = deadCurves[i][e];
            }
            deadCurve[e] = median(column);
        }
        return new ConvergenceResult.ActivationResult(contender.name(), contender.params(), List.copyOf(runs),
                (double) reached / n, finite(median(epochsToTarget)), finite(median(finalLosses)), lossCurve,
                deadCurve);
    }

    /**
     * The median: the middle value of an odd count, the mean of the two middle values of an even
     * one (infinite where either is).
     */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Per epoch from 0 to {@code epochs}: the record's value, the last one repeated after a run stopped. */
    private static double[] curve(List<EpochRecord> records, int epochs,
            java.util.function.ToDoubleFunction<EpochRecord> value) {
        double[] curve = new double[epochs + 1];
        for (int e = 0; e <= epochs; e++) {
            curve[e] = value.applyAsDouble(records.get(Math.min(e, records.size() - 1)));
        }
        return curve;
    }

    /** Units of every layer but the output layer. */
    private static int hiddenUnits(TrainableNetwork network) {
        int units = 0;
        for (int k = 0; k < network.layers().size() - 1; k++) {
            units += network.layers().get(k).outputCount();
        }
        return units;
    }

    /** Dead hidden units as a share of all hidden units (0 without hidden layers). */
    private static double deadFraction(EpochRecord record, int hiddenUnits) {
        if (hiddenUnits == 0) {
            return 0.0;
        }
        int dead = 0;
        for (int k = 0; k < record.layers().size() - 1; k++) {
            dead += record.layers().get(k).deadUnits();
        }
        return (double) dead / hiddenUnits;
    }
}
