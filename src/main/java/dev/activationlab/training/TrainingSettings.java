package dev.activationlab.training;

/**
 * How a network is trained.
 *
 * @param loss       the loss minimised, mean over each minibatch
 * @param epochs     passes over the training rows, ≥ 1
 * @param batchSize  rows per minibatch, 1 ≤ batchSize ≤ rows; the last minibatch of an epoch is
 *                   shorter when rows is not a multiple
 * @param shuffle    whether each epoch visits the rows in a fresh seeded Fisher–Yates order
 *                   instead of in order
 * @param seed       seeds the one generator of every epoch's shuffle
 * @param targetLoss stop after the first epoch whose full-set loss is at most this; null to run
 *                   every epoch
 */
public record TrainingSettings(Loss loss, int epochs, int batchSize, boolean shuffle, long seed, Double targetLoss) {
}
