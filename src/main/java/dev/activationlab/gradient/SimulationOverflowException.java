package dev.activationlab.gradient;

/** A simulated network whose activations or gradients left the double range, so there is no finite statistic. */
public class SimulationOverflowException extends ArithmeticException {

    private final int layer;

    public SimulationOverflowException(int layer, String quantity) {
        super("The " + quantity + " of layer " + layer + " overflow the double range (or become NaN), "
                + "so their statistics are not finite numbers; use a smaller initStd, fewer layers or another init.");
        this.layer = layer;
    }

    /** The first layer, 1-based, whose statistics are not finite. */
    public int layer() {
        return layer;
    }
}
