package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

class LinearCollapseTest {

    private static DenseLayer linear(double[][] w, double[] b, double c) {
        return new DenseLayer(w, b, TestActivations.bind("linear", "c", c));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, -0.5, 2.0, 0.1, 3.0})
    void threeOneByOneLayersWithSlopeCShouldCollapseToCCubed(double c) {
        List<DenseLayer> stack = List.of(
                linear(new double[][] {{1}}, new double[] {0}, c),
                linear(new double[][] {{1}}, new double[] {0}, c),
                linear(new double[][] {{1}}, new double[] {0}, c));

        LinearLayer collapsed = LinearCollapse.collapse(stack);

        assertThat(collapsed.weights()[0][0]).isCloseTo(c * c * c, within(1e-15 * Math.abs(c * c * c)));
        assertThat(collapsed.biases()).containsExactly(0.0);
    }

    @Test
    void oneByOneLayersShouldCarryTheBiasesThrough() {
        // h1 = 2(3x + 1), h2 = 2(3 h1 + 1) = 36x + 14, h3 = 2(3 h2 + 1) = 216x + 86
        List<DenseLayer> stack = List.of(
                linear(new double[][] {{3}}, new double[] {1}, 2),
                linear(new double[][] {{3}}, new double[] {1}, 2),
                linear(new double[][] {{3}}, new double[] {1}, 2));

        LinearLayer collapsed = LinearCollapse.collapse(stack);

        assertThat(collapsed.weights()).isDeepEqualTo(new double[][] {{216}});
        assertThat(collapsed.biases()).containsExactly(86.0);
    }

    @Test
    void collapseShouldMatchTheGoldenThreeLayerStackExactly() {
        GoldenFile.Case golden = GoldenFile.load("perceptron-networks.json").get("collapse/three-linear");
        List<DenseLayer> stack = new ArrayList<>();
        for (Map<String, Object> layer : GoldenFile.objects(golden.body().get("layers"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) layer.get("params");
            stack.add(linear(GoldenFile.matrix(layer.get("weights")), GoldenFile.vector(layer.get("biases")),
                    GoldenFile.number(params.get("c"))));
        }

        LinearLayer collapsed = LinearCollapse.collapse(stack);

        // dyadic weights: the product is exact in double
        assertThat(collapsed.weights()).isDeepEqualTo(GoldenFile.matrix(golden.expected().get("weights")));
        assertThat(collapsed.biases()).containsExactly(GoldenFile.vector(golden.expected().get("biases")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void collapsedLayerShouldEqualTheForwardPassOfTheStackOnRandomInputs(long seed) {
        Random random = new Random(seed);
        int[] widths = {3, 5, 4, 2};
        List<DenseLayer> stack = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double c = random.nextDouble() * 3 - 1.5;
            stack.add(linear(NetworkTest.randomMatrix(random, widths[k + 1], widths[k]),
                    NetworkTest.randomMatrix(random, 1, widths[k + 1])[0], c));
        }
        double[][] inputs = NetworkTest.randomMatrix(random, 20, widths[0]);

        LinearLayer collapsed = LinearCollapse.collapse(stack);
        double[][] expected = new Network(stack).forward(inputs).outputs();

        assertThat(collapsed.weights()).hasNumberOfRows(2);
        assertThat(collapsed.weights()[0]).hasSize(3);
        for (int r = 0; r < inputs.length; r++) {
            for (int j = 0; j < 2; j++) {
                double y = collapsed.biases()[j];
                for (int i = 0; i < 3; i++) {
                    y += collapsed.weights()[j][i] * inputs[r][i];
                }
                assertThat(y).as("row %d output %d", r, j).isCloseTo(expected[r][j], within(1e-12));
            }
        }
    }

    @Test
    void identityShouldCollapseAsLinearWithSlopeOne() {
        List<DenseLayer> stack = List.of(
                new DenseLayer(new double[][] {{1, 2}}, new double[] {0.5}, TestActivations.bind("identity")),
                new DenseLayer(new double[][] {{3}, {-1}}, new double[] {0, 1}, TestActivations.bind("identity")));

        LinearLayer collapsed = LinearCollapse.collapse(stack);

        assertThat(collapsed.weights()).isDeepEqualTo(new double[][] {{3, 6}, {-1, -2}});
        assertThat(collapsed.biases()).containsExactly(1.5, 0.5);
    }

    @Test
    void collapseWhenALayerIsNotLinearShouldNameTheFirstSuch() {
        List<DenseLayer> stack = List.of(
                linear(new double[][] {{1, 2}}, new double[] {0.5}, 2),
                new DenseLayer(new double[][] {{3}}, new double[] {0}, TestActivations.bind("relu")),
                new DenseLayer(new double[][] {{3}}, new double[] {0}, TestActivations.bind("tanh")));

        assertThatExceptionOfType(NonLinearLayerException.class).isThrownBy(() -> LinearCollapse.collapse(stack))
                .satisfies(e -> {
                    assertThat(e.layerIndex()).isEqualTo(1);
                    assertThat(e.activation()).isEqualTo("relu");
                });
        assertThat(LinearCollapse.firstNonLinearLayer(stack)).hasValue(1);
    }

    @Test
    void workShouldCountTheMultiplyAddsOfTheProducts() {
        List<DenseLayer> stack = List.of(
                linear(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {0, 0}, 1),
                linear(new double[][] {{1, 1}}, new double[] {0}, 1));

        // first layer scaled: 2 · 3; second: 1 · (2 + 1) · (3 + 1)
        assertThat(LinearCollapse.work(stack)).isEqualTo(6 + 12);
    }
}
