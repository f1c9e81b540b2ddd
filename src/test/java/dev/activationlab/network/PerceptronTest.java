package dev.activationlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.GoldenFile;
import dev.activationlab.TestActivations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerceptronTest {

    private static final double[][] BINARY = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    void weightedSumShouldAddTheBiasAfterTheProductsAsPlainDoubleArithmeticDoes() {
        Perceptron and = new Perceptron(new double[] {0.5, 0.5}, -0.7, TestActivations.bind("step"));

        // 0.5 + -0.7 in double is -0.19999999999999996; 1.0 + -0.7 is 0.30000000000000004
        assertThat(and.weightedSum(new double[] {0, 1})).isEqualTo(-0.19999999999999996);
        assertThat(and.weightedSum(new double[] {1, 1})).isEqualTo(0.30000000000000004);
        assertThat(and.weightedSum(new double[] {0, 0})).isEqualTo(-0.7);
    }

    @Test
    void runShouldGiveTheWeightedSumsAndStepOutputsOfTheContractExample() {
        Perceptron and = new Perceptron(new double[] {0.5, 0.5}, -0.7, TestActivations.bind("step"));

        Perceptron.Run run = and.run(BINARY);

        assertThat(run.weightedSums()).containsExactly(-0.7, -0.19999999999999996, -0.19999999999999996,
                0.30000000000000004);
        assertThat(run.outputs()).containsExactly(0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void stepShouldGiveZeroWhenTheWeightedSumIsExactlyZero() {
        Perceptron p = new Perceptron(new double[] {1, -1}, 0, TestActivations.bind("step"));

        assertThat(p.weightedSum(new double[] {2, 2})).isZero();
        assertThat(p.run(new double[][] {{2, 2}}).outputs()).containsExactly(0.0);
    }

    @Test
    void runWithSigmoidShouldMatchTheGoldenValues() {
        GoldenFile.Case golden = GoldenFile.load("perceptron-networks.json").get("run/sigmoid");
        Map<String, Object> body = golden.body();
        Perceptron p = new Perceptron(GoldenFile.vector(body.get("weights")), GoldenFile.number(body.get("bias")),
                TestActivations.bind("sigmoid"));

        Perceptron.Run run = p.run(GoldenFile.matrix(body.get("inputs")));

        double[] sums = GoldenFile.vector(golden.expected().get("weightedSums"));
        double[] outputs = GoldenFile.vector(golden.expected().get("outputs"));
        for (int i = 0; i < sums.length; i++) {
            assertThat(run.weightedSums()[i]).isCloseTo(sums[i], within(1e-12 * Math.abs(sums[i])));
            assertThat(run.outputs()[i]).isCloseTo(outputs[i], within(1e-12 * Math.abs(outputs[i])));
        }
    }

    @Test
    void runShouldApplyTheActivationParameters() {
        Perceptron p = new Perceptron(new double[] {1, 1}, 0, TestActivations.bind("leaky_relu", "alpha", 0.5));

        assertThat(p.run(new double[][] {{-1, -3}, {1, 2}}).outputs()).containsExactly(-2.0, 3.0);
    }

    @Test
    void weightsShouldBeCopiedSoThatTheCallerCannotChangeThePerceptron() {
        double[] weights = {0.5, 0.5};
        Perceptron p = new Perceptron(weights, 0, TestActivations.bind("step"));
        weights[0] = 100;
        p.weights()[1] = 100;

        assertThat(p.weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void weightedSumWhenInputLengthDiffersShouldThrow() {
        Perceptron p = new Perceptron(new double[] {0.5, 0.5}, 0, TestActivations.bind("step"));

        assertThatIllegalArgumentException().isThrownBy(() -> p.weightedSum(new double[] {1}));
    }

    @Test
    void constructorWhenNoWeightsShouldThrow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Perceptron(new double[0], 0, TestActivations.bind("step")));
    }
}
