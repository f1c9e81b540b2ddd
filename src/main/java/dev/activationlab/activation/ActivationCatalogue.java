package dev.activationlab.activation;

import java.util.List;

/**
 * The catalogue: every activation this service offers, in one explicit list, sorted by canonical
 * name (the order in which {@code GET /api/v1/activations} lists them). Adding an activation means
 * writing its class and adding it here.
 */
public final class ActivationCatalogue {

    private static final List<Activation> ALL = List.of(
            new Celu(),
            new Elu(),
            new Exponential(),
            new Geglu(),
            new Gelu(),
            new GeluTanh(),
            new Glu(),
            new HardSigmoid(),
            new HardSwish(),
            new HardTanh(),
            new Hardshrink(),
            new LeakyRelu(),
            new Linear(),
            new LogSigmoid(),
            new LogSoftmax(),
            new Mish(),
            new Prelu(),
            new Reglu(),
            new Relu(),
            new Relu6(),
            new ReluSquared(),
            new Rrelu(),
            new Selu(),
            new Sigmoid(),
            new Silu(),
            new Snake(),
            new Softmax(),
            new Softmin(),
            new Softplus(),
            new Softshrink(),
            new Softsign(),
            new SparsePlus(),
            new SparseSigmoid(),
            new Sparsemax(),
            new Squareplus(),
            new Step(),
            new Swiglu(),
            new Tanh(),
            new Tanhshrink(),
            new Threshold());

    private ActivationCatalogue() {
    }

    /** Every activation, sorted by canonical name; the list is unmodifiable and its entries stateless. */
    public static List<Activation> all() {
        return ALL;
    }
}
