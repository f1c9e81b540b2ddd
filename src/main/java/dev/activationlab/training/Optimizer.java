package dev.activationlab.training;

import java.util.List;

/**
 * A rule that updates parameters from their gradients, one step per minibatch, as
 * {@code torch.optim} does. Every weight, bias and learnable alpha is a parameter.
 */
public sealed interface Optimizer permits SgdOptimizer, AdamOptimizer {

    /**
     * One step, updating every parameter array in place.
     *
     * @param parameters the arrays to update, in a fixed order from step to step
     * @param gradients  ∂L/∂parameters, the same shapes in the same order
     */
    void step(List<double[]> parameters, List<double[]> gradients);

    /** The same optimizer as a Python expression of {@code torch.optim} over {@code model.parameters()}. */
    String toPyTorch();
}
