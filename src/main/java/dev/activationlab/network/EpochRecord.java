package dev.activationlab.network;

/**
 * The state of training at the end of one epoch.
 *
 * @param epoch         number of the epoch, from 1
 * @param misclassified samples whose output differed from the target during this pass, which
 *                      is the number of updates made in it
 * @param weights       w after the epoch, length n
 * @param bias          b after the epoch
 */
public record EpochRecord(int epoch, int misclassified, double[] weights, double bias) {
}
