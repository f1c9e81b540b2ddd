package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.activation.LeakyRelu;
import dev.activationlab.activation.Linear;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.Relu;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.Sigmoid;
import dev.activationlab.activation.Tanh;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientChainTest {

    private static final ScalarFunction SIGMOID = new Sigmoid();
    private static final ScalarFunction TANH = new Tanh();
    private static final ScalarFunction RELU = new Relu();
    private static final ScalarFunction IDENTITY = new Linear().bind(Parameters.resolve(new Linear(), Map.of()));
    private static final double LOG10_2 = 0.30102999566398119521;   // log10 2 to 20 digits

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static ChainResult uniform(ScalarFunction f, int layers, double z, double w) {
        return GradientChain.backward(f, filled(layers, z), filled(layers, w), 1e-6, 1e6);
    }

    @Test
    void sigmoidAtZeroOverTwentyLayersGivesAQuarterToTheTwentiethAtLayerOne() {
        ChainResult result = uniform(SIGMOID, 20, 0.0, 1.0);

        // 0.25^20 = 2^-40 exactly; 0.25^(21-k) at layer k.
        assertThat(result.inputGradient()).isEqualTo(0x1p-40);
        List<ChainLayer> layers = result.perLayer();
        assertThat(layers).hasSize(20);
        for (int k = 1; k <= 20; k++) {
            ChainLayer layer = layers.get(k - 1);
            assertThat(layer.layer()).isEqualTo(k);
            assertThat(layer.localDerivative()).isEqualTo(0.25);
            assertThat(layer.gradient()).isEqualTo(Math.scalb(1.0, -2 * (21 - k)));
            assertThat(layer.log10Gradient()).isCloseTo(-2 * (21 - k) * LOG10_2, within(1e-13));
        }
        assertThat(result.log10InputGradient()).isCloseTo(-12.041199826559248, within(1e-13));
        // 0.25^9 = 3.8e-6 is above 1e-6, 0.25^10 = 9.5e-7 below: vanished after 10 layers.
        assertThat(result.vanishedAfterLayers()).isEqualTo(10);
        assertThat(result.explodedAfterLayers()).isNull();
    }

    @Test
    void underflowedProductKeepsItsExactLogarithm() {
        ChainResult result = uniform(SIGMOID, 600, 0.0, 1.0);

        // 0.25^600 = 2^-1200 is below the smallest subnormal 2^-1074.
        assertThat(result.inputGradient()).isEqualTo(0.0);
        assertThat(result.log10InputGradient()).isCloseTo(-1200 * LOG10_2, within(1e-10));
        assertThat(result.log10InputGradient()).isCloseTo(-361.2359947967774, within(1e-10));
        // 2^-1074 at layer 600 - 537 + 1 = 64 survives as the smallest subnormal.
        assertThat(result.perLayer().get(63).gradient()).isEqualTo(Double.MIN_VALUE);
        assertThat(result.perLayer().get(62).gradient()).isEqualTo(0.0);
    }

    @Test
    void derivativeThatUnderflowsStillHasItsLogarithm() {
        ChainResult result = uniform(SIGMOID, 1, -800.0, 1.0);

        // σ'(−800) = e^−800/(1 + e^−800)² underflows; log10 of it is −800/ln 10 to 17 digits.
        assertThat(result.perLayer().get(0).localDerivative()).isEqualTo(0.0);
        assertThat(result.inputGradient()).isEqualTo(0.0);
        assertThat(result.log10InputGradient()).isCloseTo(-800 / Math.log(10), within(1e-11));
        assertThat(result.log10InputGradient()).isCloseTo(-347.43558552260146, within(1e-11));
    }

    @Test
    void reluWithANegativePreActivationGivesNullLog10Gradients() {
        double[] z = {1.0, 2.0, -0.5, 3.0, 0.5};
        double[] w = {1.0, 0.5, 2.0, 1.5, 2.0};
        ChainResult result = GradientChain.backward(RELU, z, w, 1e-6, 1e6);

        List<ChainLayer> layers = result.perLayer();
        // Layer 3 is dead: every layer at or below it gets no gradient.
        for (int k = 0; k < 3; k++) {
            assertThat(layers.get(k).gradient()).isEqualTo(0.0);
            assertThat(layers.get(k).log10Gradient()).isNull();
        }
        assertThat(layers.get(2).localDerivative()).isEqualTo(0.0);
        // Above it: g_5 = 2, g_4 = 1.5·2 = 3.
        assertThat(layers.get(4).gradient()).isEqualTo(2.0);
        assertThat(layers.get(3).gradient()).isEqualTo(3.0);
        assertThat(layers.get(3).log10Gradient()).isCloseTo(Math.log10(3.0), within(1e-15));
        assertThat(result.inputGradient()).isEqualTo(0.0);
        assertThat(result.log10InputGradient()).isNull();
        assertThat(result.vanishedAfterLayers()).isEqualTo(3);
    }

    @Test
    void sigmoidWithWeightFourAtZeroKeepsTheGradientAtExactlyOne() {
        ChainResult result = uniform(SIGMOID, 200, 0.0, 4.0);

        for (ChainLayer layer : result.perLayer()) {
            assertThat(layer.gradient()).isEqualTo(1.0);
            assertThat(layer.log10Gradient()).isEqualTo(0.0);
        }
        assertThat(result.vanishedAfterLayers()).isNull();
        assertThat(result.explodedAfterLayers()).isNull();
    }

    @Test
    void tanhWithWeightThreeAtZeroExplodesAfterThirteenLayers() {
        ChainResult result = uniform(TANH, 30, 0.0, 3.0);

        // tanh'(0) = 1, so g after n layers is 3^n: 3^12 = 531441 ≤ 1e6 < 3^13 = 1594323.
        assertThat(result.explodedAfterLayers()).isEqualTo(13);
        assertThat(result.vanishedAfterLayers()).isNull();
        assertThat(result.perLayer().get(30 - 13).gradient()).isEqualTo(1594323.0);
        assertThat(result.inputGradient()).isEqualTo(205891132094649.0);   // 3^30
    }

    @Test
    void overflowedProductIsNullButKeepsItsLogarithm() {
        ChainResult result = uniform(SIGMOID, 1100, 0.0, 8.0);

        // 8·0.25 = 2 per layer: 2^1100 overflows; 2^1023 at layer 1100 − 1023 + 1 = 78 does not.
        assertThat(result.inputGradient()).isNull();
        assertThat(result.log10InputGradient()).isCloseTo(1100 * LOG10_2, within(1e-10));
        assertThat(result.perLayer().get(77).gradient()).isEqualTo(0x1p1023);
        assertThat(result.perLayer().get(76).gradient()).isNull();
        assertThat(result.explodedAfterLayers()).isEqualTo(20);   // 2^19 = 524288 ≤ 1e6 < 2^20
    }

    @Test
    void productRecoversFromAnIntermediateUnderflow() {
        // From the output side: 1e-200 · 1e-200 underflows in plain doubles; · 1e200 brings it back.
        double[] w = {1e200, 1e-200, 1e-200};
        ChainResult result = GradientChain.backward(IDENTITY, filled(3, 0.5), w, 1e-6, 1e6);

        assertThat(result.inputGradient()).isCloseTo(1e-200, within(1e-213));
        assertThat(result.log10InputGradient()).isCloseTo(-200.0, within(1e-12));
    }

    @Test
    void zeroWeightGivesZeroGradientAndNullLogarithm() {
        double[] w = {1.0, 0.0, 1.0};
        ChainResult result = GradientChain.backward(IDENTITY, filled(3, 0.5), w, 1e-6, 1e6);

        assertThat(result.perLayer().get(2).log10Gradient()).isEqualTo(0.0);
        assertThat(result.perLayer().get(1).gradient()).isEqualTo(0.0);
        assertThat(result.perLayer().get(1).log10Gradient()).isNull();
        assertThat(result.vanishedAfterLayers()).isEqualTo(2);
    }

    @Test
    void negativeFactorsKeepTheSignOfTheProduct() {
        ScalarFunction leaky = new LeakyRelu().bind(Parameters.resolve(new LeakyRelu(), Map.of("alpha", 0.5)));
        double[] z = {-1.0, 2.0, -3.0};
        double[] w = {-2.0, 3.0, 1.0};
        ChainResult result = GradientChain.backward(leaky, z, w, 1e-6, 1e6);

        // g_3 = 1·0.5, g_2 = 3·1·0.5 = 1.5, g_1 = −2·0.5·1.5 = −1.5
        assertThat(result.perLayer().get(2).gradient()).isEqualTo(0.5);
        assertThat(result.perLayer().get(1).gradient()).isEqualTo(1.5);
        assertThat(result.inputGradient()).isEqualTo(-1.5);
        assertThat(result.log10InputGradient()).isCloseTo(Math.log10(1.5), within(1e-15));
    }

    @Test
    void thresholdsCompareTheExactProduct() {
        // A gradient exactly equal to a threshold has neither fallen below it nor risen above it.
        ChainResult result = GradientChain.backward(SIGMOID, filled(2, 0.0), filled(2, 1.0), 0.0625, 0.25);
        assertThat(result.vanishedAfterLayers()).isNull();
        assertThat(result.explodedAfterLayers()).isNull();

        ChainResult below = GradientChain.backward(SIGMOID, filled(3, 0.0), filled(3, 1.0), 0.0625, 0.2);
        assertThat(below.vanishedAfterLayers()).isEqualTo(3);
        assertThat(below.explodedAfterLayers()).isEqualTo(1);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> GradientChain.backward(SIGMOID, new double[2], new double[3], 1e-6, 1e6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientChain.backward(SIGMOID, new double[0], new double[0], 1e-6, 1e6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientChain.backward(SIGMOID, new double[1], new double[1], 0.0, 1e6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
