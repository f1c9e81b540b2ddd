package dev.activationlab.training;

/** Training produced a loss or parameter that is not a finite double (a learning rate too large). */
public class TrainingDivergedException extends RuntimeException {

    private final int epoch;

    /** @param epoch the epoch during which the first non-finite number appeared */
    public TrainingDivergedException(int epoch, String message) {
        super(message);
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }
}
