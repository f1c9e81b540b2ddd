package dev.activationlab.network;

import java.util.List;

/**
 * The outcome of training a perceptron.
 *
 * @param weights   final w, length n
 * @param bias      final b
 * @param converged whether an epoch passed without a misclassification
 * @param epochs    epochs run, the error-free one included; {@code maxEpochs} when not converged
 * @param history   one record per epoch, in order, length {@code epochs}
 */
public record TrainingResult(double[] weights, double bias, boolean converged, int epochs, List<EpochRecord> history) {

    /** A sentence for people on how training ended. */
    public String message() {
        if (converged) {
            return "Converged in " + epochs + (epochs == 1 ? " epoch" : " epochs")
                    + ": the last one classified every sample correctly.";
        }
        int lastErrors = history.get(history.size() - 1).misclassified();
        return "Did not converge in " + epochs + (epochs == 1 ? " epoch" : " epochs") + " (the last one misclassified "
                + lastErrors + (lastErrors == 1 ? " sample" : " samples") + "). The data may not be linearly "
                + "separable (XOR is not: no single line splits its classes), or training needs more epochs.";
    }
}
