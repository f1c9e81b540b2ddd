package dev.activationlab.training;

import dev.activationlab.gradient.DeepNetworkSimulation;
import dev.activationlab.gradient.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * Minibatch gradient descent, as a PyTorch loop of {@code optimizer.zero_grad()},
 * {@code loss(net(x_batch), t_batch).backward()}, {@code optimizer.step()} over each epoch's
 * minibatches.
 *
 * <p>Order: each epoch visits the training rows in order or, when shuffling, in the order of a
 * Fisher–Yates shuffle of 0 … n−1 drawn afresh each epoch from one {@link SplitMix64} seeded once:
 * for i = n−1 down to 1, j = ⌊u·(i + 1)⌋ with u the next uniform double, then swap entries i and
 * j. Consecutive runs of batchSize rows of that order form the minibatches.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains {@code network} in place.
     *
     * @param inputs      n training rows
     * @param targets     n target rows
     * @param testInputs  rows never trained on, measured each epoch; may be null or empty
     * @param testTargets their targets
     * @return the history from epoch 0, and whether the target loss was met
     * @throws TrainingDivergedException if a loss or parameter stops being finite
     */
    public static TrainingRun train(TrainableNetwork network, Optimizer optimizer, double[][] inputs,
            double[][] targets, double[][] testInputs, double[][] testTargets, TrainingSettings settings) {
        return train(network, optimizer, inputs, targets, testInputs, testTargets, settings, record -> { });
    }

    /**
     * Receives each epoch's record as soon as it is measured, epoch 0 first: progress for a stream,
     * and the place to stop a run nobody waits for any more (by throwing).
     */
    @FunctionalInterface
    public interface EpochListener {

        /** Called after each epoch (and for epoch 0) on the training thread. */
        void epochMeasured(EpochRecord record);
    }

    /**
     * As {@link #train(TrainableNetwork, Optimizer, double[][], double[][], double[][], double[][],
     * TrainingSettings)}, telling {@code listener} of every epoch; an exception the listener throws
     * ends the training and propagates.
     */
    public static TrainingRun train(TrainableNetwork network, Optimizer optimizer, double[][] inputs,
            double[][] targets, double[][] testInputs, double[][] testTargets, TrainingSettings settings,
            EpochListener listener) {
        int n = inputs.length;
        boolean hasTest = testInputs != null && testInputs.length > 0;
        List<EpochRecord> history = new ArrayList<>(settings.epochs() + 1);
        EpochRecord initial = measure(network, 0, inputs, targets, hasTest ? testInputs : null, testTargets,
                settings.loss());
        history.add(initial);
        listener.epochMeasured(initial);
        Double target = settings.targetLoss();
        if (target != null && initial.loss() <= target) {
            return new TrainingRun(0, true, 0, history);
        }

        SplitMix64 random = new SplitMix64(settings.seed());
        int[] order = new int[n];
        List<double[]> parameters = network.trainable();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (settings.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = (int) (random.nextDouble() * (i + 1));
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
            }
            for (int start = 0; start < n; start += settings.batchSize()) {
                int size = Math.min(settings.batchSize(), n - start);
                double[][] batchInputs = new double[size][];
                double[][] batchTargets = new double[size][];
                for (int b = 0; b < size; b++) {
                    batchInputs[b] = inputs[order[start + b]];
                    batchTargets[b] = targets[order[start + b]];
                }
                TrainableNetwork.Pass pass = network.forward(batchInputs);
                double[][] outputGradient = settings.loss().gradient(pass.networkOutputs(), batchTargets);
                Gradients gradients = network.backward(pass, outputGradient);
                optimizer.step(parameters, gradients.flatten());
                // Checked before a prelu is rebound: an overflowed alpha is divergence, not a bad parameter.
                requireFiniteParameters(parameters, epoch);
                network.refreshSlopes();
            }
            EpochRecord record = measure(network, epoch, inputs, targets, hasTest ? testInputs : null, testTargets,
                    settings.loss());
            history.add(record);
            listener.epochMeasured(record);
            if (target != null && record.loss() <= target) {
                return new TrainingRun(epoch, true, epoch, history);
            }
        }
        return new TrainingRun(settings.epochs(), target == null ? null : false, null, history);
    }

    /**
     * The loss, accuracy and per-layer statistics of the network as it is, on the whole training
     * set (and the test set, if any).
     *
     * @throws TrainingDivergedException if the loss is not finite
     */
    static EpochRecord measure(TrainableNetwork network, int epoch, double[][] inputs, double[][] targets,
            double[][] testInputs, double[][] testTargets, Loss loss) {
        TrainableNetwork.Pass pass = network.forward(inputs);
        double[][] outputs = pass.networkOutputs();
        double value = loss.loss(outputs, targets);
        if (!Double.isFinite(value) && epoch == 0) {
            throw new TrainingDivergedException(epoch, "The loss of the initial network is " + value
                    + ": its outputs overflow double precision on these data, before any step (use smaller "
                    + "weights or inputs).");
        }
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, "The training loss after epoch " + epoch + " is " + value
                    + ": the weights overflowed double precision (try a smaller learning rate).");
        }
        Gradients gradients = network.backward(pass, loss.gradient(outputs, targets));
        List<EpochRecord.LayerRecord> layers = new ArrayList<>(network.layers().size());
        for (int k = 0; k < network.layers().size(); k++) {
            TrainableLayer layer = network.layers().get(k);
            EpochRecord.LayerRecord record = layerRecord(layer, pass.weightedSums()[k],
                    gradients.layers().get(k).weightGradients());
            if (!Double.isFinite(record.weightGradientRms())) {
                throw new TrainingDivergedException(epoch, "Layer " + k + "'s weight gradients after epoch " + epoch
                        + " overflowed double precision (try a smaller learning rate or smaller inputs).");
            }
            layers.add(record);
        }
        Double testLoss = null;
        Double testAccuracy = null;
        if (testInputs != null) {
            double[][] testOutputs = network.forward(testInputs).networkOutputs();
            testLoss = loss.loss(testOutputs, testTargets);
            if (!Double.isFinite(testLoss)) {
                throw new TrainingDivergedException(epoch, "The test loss after epoch " + epoch + " is " + testLoss
                        + ": the network's outputs on the test set overflowed double precision.");
            }
            testAccuracy = loss.accuracy(testOutputs, testTargets);
        }
        return new EpochRecord(epoch, value, loss.accuracy(outputs, targets), testLoss, testAccuracy,
                List.copyOf(layers));
    }

    private static EpochRecord.LayerRecord layerRecord(TrainableLayer layer, double[][] weightedSums,
            double[][] weightGradients) {
        int units = layer.outputCount();
        boolean[] alive = new boolean[units];
        long saturated = 0;
        double limit = layer.saturationLimit();
        for (double[] z : weightedSums) {
            double[] d = layer.unitDerivatives(z);
            for (int j = 0; j < units; j++) {
                double magnitude = Math.abs(d[j]);
                if (magnitude != 0.0) {
                    alive[j] = true;
                }
                if (magnitude < limit || magnitude == 0.0) {
                    saturated++;
                }
            }
        }
        int dead = 0;
        for (boolean a : alive) {
            if (!a) {
                dead++;
            }
        }
        Double alpha = layer.hasLearnableSlope() ? layer.parameters().get("alpha") : null;
        return new EpochRecord.LayerRecord(dead, (double) saturated / ((long) units * weightedSums.length),
                DeepNetworkSimulation.rootMeanSquare(weightGradients), alpha);
    }

    private static void requireFiniteParameters(List<double[]> parameters, int epoch) {
        for (double[] array : parameters) {
            for (double p : array) {
                if (!Double.isFinite(p)) {
                    throw new TrainingDivergedException(epoch, "A weight became " + p + " during epoch " + epoch
                            + ": the updates overflowed double precision (try a smaller learning rate).");
                }
            }
        }
    }
}
