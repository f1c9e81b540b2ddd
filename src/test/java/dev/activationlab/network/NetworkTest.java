package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.GoldenFile;
import dev.activationlab.TestActivations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkTest {

    private static final double REL = 1e-12;

    @Test
    void randomThreeLayerNetworkShouldMatchAForwardPassWrittenOutInTheTest() {
        Random random = new Random(20240611);
        int[] widths = {4, 6, 5, 3};
        double[][][] w = new double[3][][];
        double[][] b = new double[3][];
        for (int k = 0; k < 3; k++) {
            w[k] = randomMatrix(random, widths[k + 1], widths[k]);
            b[k] = randomMatrix(random, 1, widths[k + 1])[0];
        }
        double[][] inputs = randomMatrix(random, 7, widths[0]);
        Network network = new Network(List.of(
                new DenseLayer(w[0], b[0], TestActivations.bind("relu")),
                new DenseLayer(w[1], b[1], TestActivations.bind("tanh")),
                new DenseLayer(w[2], b[2], TestActivations.bind("sigmoid"))));

        ForwardPass pass = network.forward(inputs);

        for (int r = 0; r < inputs.length; r++) {
            // h1 = relu(W1 x + b1), h2 = tanh(W2 h1 + b2), y = 1 / (1 + e^-(W3 h2 + b3)), spelt out
            double[] z1 = new double[6];
            double[] h1 = new double[6];
            for (int j = 0; j < 6; j++) {
                z1[j] = w[0][j][0] * inputs[r][0] + w[0][j][1] * inputs[r][1] + w[0][j][2] * inputs[r][2]
                        + w[0][j][3] * inputs[r][3] + b[0][j];
                h1[j] = z1[j] > 0 ? z1[j] : 0.0;
            }
            double[] h2 = new double[5];
            for (int j = 0; j < 5; j++) {
                double z = b[1][j];
                for (int i = 0; i < 6; i++) {
                    z += w[1][j][i] * h1[i];
                }
                h2[j] = Math.tanh(z);
            }
            double[] y = new double[3];
            for (int j = 0; j < 3; j++) {
                double z = b[2][j];
                for (int i = 0; i < 5; i++) {
                    z += w[2][j][i] * h2[i];
                }
                y[j] = 1.0 / (1.0 + Math.exp(-z));
            }
            assertClose(pass.layers().get(0).weightedSums()[r], z1);
            assertClose(pass.layers().get(0).outputs()[r], h1);
            assertClose(pass.layers().get(1).outputs()[r], h2);
            assertClose(pass.layers().get(2).outputs()[r], y);
            assertClose(pass.outputs()[r], y);
        }
        assertThat(pass.layers()).hasSize(3);
        assertThat(pass.outputs()).hasNumberOfRows(7);
        assertThat(pass.layers().get(1).weightedSums()[0]).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward/xor", "forward/relu-tanh-sigmoid"})
    void forwardShouldMatchTheGoldenValues(String id) {
        GoldenFile.Case golden = GoldenFile.load("perceptron-networks.json").get(id);
        List<DenseLayer> layers = new ArrayList<>();
        for (Map<String, Object> layer : GoldenFile.objects(golden.body().get("layers"))) {
            layers.add(new DenseLayer(GoldenFile.matrix(layer.get("weights")), GoldenFile.vector(layer.get("biases")),
                    TestActivations.bind((String) layer.get("activation"))));
        }

        ForwardPass pass = new Network(layers).forward(GoldenFile.matrix(golden.body().get("inputs")));

        List<Map<String, Object>> expectedLayers = GoldenFile.objects(golden.expected().get("layers"));
        for (int k = 0; k < layers.size(); k++) {
            assertClose(pass.layers().get(k).weightedSums(), GoldenFile.matrix(expectedLayers.get(k).get("weightedSums")));
            assertClose(pass.layers().get(k).outputs(), GoldenFile.matrix(expectedLayers.get(k).get("outputs")));
        }
        assertClose(pass.outputs(), GoldenFile.matrix(golden.expected().get("outputs")));
    }

    @Test
    void xorNetworkShouldGiveZeroOneOneZero() {
        DenseLayer hidden = new DenseLayer(new double[][] {{-0.5, -0.5}, {0.5, 0.5}}, new double[] {0.7, -0.2},
                TestActivations.bind("step"));
        DenseLayer output = new DenseLayer(new double[][] {{0.5, 0.5}}, new double[] {-0.7},
                TestActivations.bind("step"));

        double[][] y = new Network(List.of(hidden, output)).forward(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}})
                .outputs();

        assertThat(y).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
    }

    @Test
    void denseLayerShouldReadWeightsAsOutByIn() {
        // 2 inputs, 3 neurons: row j holds the weights into neuron j
        DenseLayer layer = new DenseLayer(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0, 10},
                TestActivations.bind("linear"));

        assertThat(layer.inputCount()).isEqualTo(2);
        assertThat(layer.outputCount()).isEqualTo(3);
        assertThat(layer.weightedSums(new double[] {2, 3})).containsExactly(2.0, 3.0, 15.0);
    }

    @Test
    void networkWhenShapesDoNotChainShouldThrow() {
        DenseLayer first = new DenseLayer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0}, TestActivations.bind("relu"));
        DenseLayer second = new DenseLayer(new double[][] {{1, 1, 1}}, new double[] {0}, TestActivations.bind("relu"));

        assertThatIllegalArgumentException().isThrownBy(() -> new Network(List.of(first, second)))
                .withMessageContaining("Layer 1");
    }

    @Test
    void denseLayerWhenRaggedShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DenseLayer(new double[][] {{1, 1}, {1}},
                new double[] {0, 0}, TestActivations.bind("relu")));
    }

    @Test
    void denseLayerWhenBiasCountDiffersShouldThrow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DenseLayer(new double[][] {{1, 1}},
                new double[] {0, 0}, TestActivations.bind("relu")));
    }

    @Test
    void forwardWhenInputWidthDiffersShouldThrow() {
        Network network = new Network(List.of(new DenseLayer(new double[][] {{1, 1}}, new double[] {0},
                TestActivations.bind("relu"))));

        assertThatIllegalArgumentException().isThrownBy(() -> network.forward(new double[][] {{1, 1, 1}}));
    }

    static double[][] randomMatrix(Random random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int i = 0; i < columns; i++) {
                row[i] = random.nextDouble() * 4 - 2;
            }
        }
        return m;
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual).hasNumberOfRows(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertClose(actual[r], expected[r]);
        }
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(REL * Math.abs(expected[i]) + 1e-300));
        }
    }
}
