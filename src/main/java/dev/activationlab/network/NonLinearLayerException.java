package dev.activationlab.network;

/** A stack of layers cannot be collapsed because one layer's activation is not linear. */
public class NonLinearLayerException extends RuntimeException {

    private final int layerIndex;
    private final String activation;

    /**
     * @param layerIndex zero-based index of the first layer whose activation is not linear
     * @param activation that activation's canonical name
     */
    public NonLinearLayerException(int layerIndex, String activation) {
        super("Layer " + layerIndex + " has the non-linear activation '" + activation
                + "': only a stack whose every layer is linear (or identity) collapses into one layer.");
        this.layerIndex = layerIndex;
        this.activation = activation;
    }

    public int layerIndex() {
        return layerIndex;
    }

    public String activation() {
        return activation;
    }
}
