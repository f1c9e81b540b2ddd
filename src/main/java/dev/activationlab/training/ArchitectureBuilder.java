package dev.activationlab.training;

import dev.activationlab.activation.Activation;
import dev.activationlab.activation.Parameters;
import dev.activationlab.gradient.SplitMix64;
import dev.activationlab.gradient.WeightInit;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the initial layers of a network from hidden widths, an activation and an
 * initialisation: biases 0, weights layer by layer and row by row from one {@link SplitMix64}.
 */
public final class ArchitectureBuilder {

    private ArchitectureBuilder() {
    }

    /**
     * PyTorch's {@code torch.nn.init.calculate_gain} for an activation: 1 for sigmoid, linear and
     * any activation it does not list; 5/3 for tanh; √2 for relu; √(2/(1 + alpha²)) for
     * leaky_relu (its negative slope); 3/4 for selu.
     */
    public static double gain(Activation activation, Parameters parameters) {
        return switch (activation.name()) {
            case "tanh" -> 5.0 / 3.0;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double alpha = parameters.get("alpha");
                yield Math.sqrt(2.0 / (1.0 + alpha * alpha));
            }
            case "selu" -> 3.0 / 4.0;
            default -> 1.0;
        };
    }

    /**
     * The layers of a network input → hidden… → output.
     *
     * @param inputWidth       d, the width of an input row
     * @param hidden           hidden widths, from the input side (may be empty)
     * @param outputWidth      k, the width of a target row
     * @param hiddenActivation activation of every hidden layer, with its parameters
     * @param outputActivation activation of the output layer, with its parameters
     * @param init             the weight initialisation; null for {@code auto}: U(−a, a) with
     *                         a = gain·√(6/(fan_in + fan_out)), the gain of the hidden activation
     * @param initStd          standard deviation of {@link WeightInit#NORMAL}
     * @param seed             seeds the generator
     */
    public static List<TrainableLayer> build(int inputWidth, int[] hidden, int outputWidth,
            Activation hiddenActivation, Parameters hiddenParameters, Activation outputActivation,
            Parameters outputParameters, WeightInit init, double initStd, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double gain = gain(hiddenActivation, hiddenParameters);
        List<TrainableLayer> layers = new ArrayList<>(hidden.length + 1);
        int fanIn = inputWidth;
        for (int k = 0; k <= hidden.length; k++) {
            boolean output = k == hidden.length;
            int fanOut = output ? outputWidth : hidden[k];
            double[] flat = new double[fanOut * fanIn];
            if (init == null) {
                double bound = gain * Math.sqrt(6.0 / ((double) fanIn + fanOut));
                for (int i = 0; i < flat.length; i++) {
                    flat[i] = random.nextUniform(bound);
                }
            } else {
                init.fill(flat, fanIn, fanOut, initStd, random);
            }
            double[][] weights = new double[fanOut][fanIn];
            for (int j = 0; j < fanOut; j++) {
                System.arraycopy(flat, j * fanIn, weights[j], 0, fanIn);
            }
            layers.add(new TrainableLayer(weights, new double[fanOut],
                    output ? outputActivation : hiddenActivation, output ? outputParameters : hiddenParameters));
            fanIn = fanOut;
        }
        return layers;
    }
}
