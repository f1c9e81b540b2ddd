package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.ActivationCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gradient the backward pass gives, checked against central finite differences of the
 * mean loss: (L(p + h) − L(p − h)) / 2h for each weight, bias, prelu alpha and input.
 */
class BackpropagationTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());
    private static final double STEP = 1e-6;

    static List<Arguments> networks() {
        return List.of(
                Arguments.of("tanh", "linear", Loss.MSE, 1),
                Arguments.of("sigmoid", "linear", Loss.BCE_WITH_LOGITS, 2),
                Arguments.of("gelu", "linear", Loss.CROSS_ENTROPY, 3),
                Arguments.of("prelu", "linear", Loss.BCE_WITH_LOGITS, 1),
                Arguments.of("elu", "softmax", Loss.MSE, 3),
                Arguments.of("softplus", "log_softmax", Loss.MSE, 2),
                Arguments.of("mish", "sigmoid", Loss.MSE, 2),
                Arguments.of("softmax", "linear", Loss.CROSS_ENTROPY, 2));
    }

    @ParameterizedTest(name = "{0} then {1}, {2}")
    @MethodSource("networks")
    void backwardShouldAgreeWithFiniteDifferencesOfTheLoss(String hidden, String output, Loss loss, int outputs) {
        Random random = new Random(hidden.hashCode());
        double[][] inputs = matrix(random, 5, 3, 1.5);
        double[][] targets = targets(random, 5, outputs, loss);
        TrainableNetwork network = new TrainableNetwork(List.of(
                layer(random, 4, 3, hidden, hidden.equals("prelu") ? Map.of("alpha", 0.3) : Map.of()),
                layer(random, outputs, 4, output, Map.of())));

        TrainableNetwork.Pass pass = network.forward(inputs);
        Gradients gradients = network.backward(pass, loss.gradient(pass.networkOutputs(), targets));
        DoubleSupplier lossNow = () -> loss.loss(network.forward(inputs).networkOutputs(), targets);

        List<double[]> parameters = network.trainable();
        List<double[]> analytic = gradients.flatten();
        for (int a = 0; a < parameters.size(); a++) {
            double[] p = parameters.get(a);
            for (int i = 0; i < p.length; i++) {
                double numeric = centralDifference(p, i, lossNow, network);
                assertThat(analytic.get(a)[i]).as("parameter array %d entry %d", a, i)
                        .isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
            }
        }
        for (int r = 0; r < inputs.length; r++) {
            for (int i = 0; i < inputs[r].length; i++) {
                double numeric = centralDifference(inputs[r], i, lossNow, network);
                assertThat(gradients.inputGradients()[r][i]).as("input %d, %d", r, i)
                        .isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
            }
        }
    }

    private static double centralDifference(double[] array, int i, DoubleSupplier loss, TrainableNetwork network) {
        double kept = array[i];
        array[i] = kept + STEP;
        network.refreshSlopes();
        double up = loss.getAsDouble();
        array[i] = kept - STEP;
        network.refreshSlopes();
        double down = loss.getAsDouble();
        array[i] = kept;
        network.refreshSlopes();
        return (up - down) / (2 * STEP);
    }

    private static TrainableLayer layer(Random random, int out, int in, String activation, Map<String, Double> params) {
        var entry = REGISTRY.require(activation);
        return new TrainableLayer(matrix(random, out, in, 0.8), matrix(random, 1, out, 0.3)[0], entry,
                Parameters.resolve(entry, params));
    }

    private static double[][] matrix(Random random, int rows, int columns, double scale) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int c = 0; c < columns; c++) {
                row[c] = scale * (2 * random.nextDouble() - 1);
            }
        }
        return m;
    }

    private static double[][] targets(Random random, int rows, int columns, Loss loss) {
        double[][] t = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            if (loss == Loss.CROSS_ENTROPY) {
                t[r][random.nextInt(columns)] = 1.0;
            } else {
                for (int c = 0; c < columns; c++) {
                    t[r][c] = random.nextDouble();
                }
            }
        }
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stableLosses")
    void lossesOfHugeLogitsShouldStayFinite(Loss loss, double expected) {
        double[][] outputs = {{1000.0, -1000.0}};
        double[][] targets = {{0.0, 1.0}};

        assertThat(loss.loss(outputs, targets)).isCloseTo(expected, within(1e-9));
        for (double g : loss.gradient(outputs, targets)[0]) {
            assertThat(g).isFinite();
        }
    }

    /** Worked by hand: bce = mean(1000, 1000) = 1000; cross_entropy = −(y_1 − lse) = 2000; mse = mean(10^6, 1001^2). */
    static List<Arguments> stableLosses() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(Loss.BCE_WITH_LOGITS, 1000.0));
        cases.add(Arguments.of(Loss.CROSS_ENTROPY, 2000.0));
        cases.add(Arguments.of(Loss.MSE, (1000.0 * 1000.0 + 1001.0 * 1001.0) / 2));
        return cases;
    }
}
