package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.activationlab.activation.Celu;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.Relu;
import dev.activationlab.activation.ScalarFunction;
import dev.activationlab.activation.Sigmoid;
import dev.activationlab.activation.Step;
import dev.activationlab.activation.Tanh;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The qualitative results of Glorot &amp; Bengio (2010) and He et al. (2015) at width 100 and batch 64,
 * for several seeds.
 */
class DeepNetworkSimulationTest {

    private static final ScalarFunction SIGMOID = new Sigmoid();
    private static final ScalarFunction TANH = new Tanh();

    @Test
    void rootMeanSquareShouldBeFiniteWhereTheSquaresOverflow() {
        // √((9 + 16 + 0 + 0) / 4)·1e200 = 2.5e200, though (3e200)² is not a double.
        assertThat(DeepNetworkSimulation.rootMeanSquare(new double[][] {{3e200, -4e200}, {0.0, 0.0}}))
                .isCloseTo(2.5e200, within(1e185));
        assertThat(DeepNetworkSimulation.rootMeanSquare(new double[][] {{0.0}, {0.0}})).isZero();
    }
    private static final ScalarFunction RELU = new Relu();

    private static List<LayerStatistics> simulate(ScalarFunction f, int layers, WeightInit init, double initStd,
            long seed) {
        return DeepNetworkSimulation.run(f, new SimulationSetup(layers, 100, 64, init, initStd, seed)).perLayer();
    }

    private static double firstToLastWeightGradient(List<LayerStatistics> layers) {
        return layers.get(0).weightGradientRms() / layers.get(layers.size() - 1).weightGradientRms();
    }

    @Test
    void sameSetupGivesTheSameNumbers() {
        SimulationSetup setup = new SimulationSetup(6, 30, 8, WeightInit.HE_UNIFORM, 1.0, 12345L);
        SimulationResult first = DeepNetworkSimulation.run(TANH, setup);
        SimulationResult second = DeepNetworkSimulation.run(TANH, setup);

        assertThat(second).isEqualTo(first);
        SimulationResult otherSeed = DeepNetworkSimulation.run(TANH,
                new SimulationSetup(6, 30, 8, WeightInit.HE_UNIFORM, 1.0, 12346L));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2010})
    void sigmoidWithTheUniformBaselineVanishesBelowAThousandthOverTenLayers(long seed) {
        List<LayerStatistics> layers = simulate(SIGMOID, 10, WeightInit.UNIFORM, 1.0, seed);

        assertThat(layers).hasSize(10);
        assertThat(firstToLastWeightGradient(layers)).isLessThanOrEqualTo(1e-3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2010})
    void sigmoidWithUnitNormalWeightsSaturatesEveryLayer(long seed) {
        List<LayerStatistics> layers = simulate(SIGMOID, 10, WeightInit.NORMAL, 1.0, seed);

        assertThat(layers).allSatisfy(layer -> assertThat(layer.saturatedFraction()).isGreaterThan(0.2));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2010})
    void sigmoidWithXavierUniformSaturatesNoUnit(long seed) {
        List<LayerStatistics> layers = simulate(SIGMOID, 10, WeightInit.XAVIER_UNIFORM, 1.0, seed);

        assertThat(layers).allSatisfy(layer -> {
            assertThat(layer.saturatedFraction()).isZero();
            assertThat(layer.deadFraction()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2010})
    void reluWithHeNormalKeepsWeightGradientsWithinAFactorOfTenOverTwentyLayers(long seed) {
        List<LayerStatistics> layers = simulate(RELU, 20, WeightInit.HE_NORMAL, 1.0, seed);

        assertThat(firstToLastWeightGradient(layers)).isBetween(0.1, 10.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2010})
    void tanhWithXavierUniformKeepsWeightGradientsWithinAFactorOfTenOverTwentyLayers(long seed) {
        List<LayerStatistics> layers = simulate(TANH, 20, WeightInit.XAVIER_UNIFORM, 1.0, seed);

        assertThat(firstToLastWeightGradient(layers)).isBetween(0.1, 10.0);
    }

    @Test
    void reluUnitsAtNegativePreActivationsAreDeadAndSaturated() {
        List<LayerStatistics> layers = simulate(RELU, 5, WeightInit.HE_NORMAL, 1.0, 3);

        // Zero-mean weighted sums: about half the units of every layer are negative, so dead.
        assertThat(layers).allSatisfy(layer -> {
            assertThat(layer.deadFraction()).isBetween(0.3, 0.7);
            assertThat(layer.saturatedFraction()).isGreaterThanOrEqualTo(layer.deadFraction());
            assertThat(layer.activationMean()).isPositive();
        });
    }

    @Test
    void stepPassesNoGradientToAnyWeight() {
        List<LayerStatistics> layers = DeepNetworkSimulation.run(new Step(),
                new SimulationSetup(3, 10, 4, WeightInit.XAVIER_NORMAL, 1.0, 9)).perLayer();

        assertThat(layers).allSatisfy(layer -> {
            assertThat(layer.deadFraction()).isEqualTo(1.0);
            assertThat(layer.saturatedFraction()).isEqualTo(1.0);
            assertThat(layer.weightGradientRms()).isZero();
            assertThat(layer.log10WeightGradientRms()).isNull();
        });
        // The upstream gradient still reaches the last layer's output.
        assertThat(layers.get(2).activationGradientRms()).isPositive();
        assertThat(layers.get(0).activationGradientRms()).isZero();
    }

    @Test
    void log10FieldsAreTheLogarithmsOfTheRms() {
        List<LayerStatistics> layers = simulate(TANH, 3, WeightInit.LECUN_NORMAL, 1.0, 5);

        assertThat(layers).allSatisfy(layer -> {
            assertThat(layer.log10ActivationGradientRms())
                    .isCloseTo(Math.log10(layer.activationGradientRms()), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(layer.log10WeightGradientRms())
                    .isCloseTo(Math.log10(layer.weightGradientRms()), org.assertj.core.api.Assertions.within(1e-12));
        });
    }

    @Test
    void unboundedDerivativeShouldNotCallEveryUnitSaturated() {
        // celu with alpha = −1: f'(x) = 1 for x > 0 and e^(−x) ≥ 1 for x ≤ 0, so sup |f'| = ∞ and no
        // unit has |f'| below 1 % of the scale 1 used in its place: none is saturated.
        ScalarFunction celu = new Celu().bind(Parameters.resolve(new Celu(), Map.of("alpha", -1.0)));
        assertThat(celu.maxAbsDerivative()).isInfinite();

        List<LayerStatistics> layers = DeepNetworkSimulation.run(celu,
                new SimulationSetup(2, 8, 4, WeightInit.XAVIER_UNIFORM, 1.0, 3)).perLayer();

        assertThat(layers).allSatisfy(layer -> {
            assertThat(layer.saturatedFraction()).isZero();
            assertThat(layer.deadFraction()).isZero();
        });
    }

    @Test
    void saturationScaleShouldBeTheSupremumWhereItIsFinite() {
        assertThat(DeepNetworkSimulation.saturationScale(SIGMOID)).isEqualTo(0.25);
        ScalarFunction celu = new Celu().bind(Parameters.resolve(new Celu(), Map.of("alpha", -1.0)));
        assertThat(DeepNetworkSimulation.saturationScale(celu)).isEqualTo(1.0);
    }

    /** The doubles of the arrays that run allocates, read off its code one by one. */
    private static long arraysAllocatedByRun(long layers, long width, long batch) {
        long matrix = width * width;
        long units = batch * width;
        long weights = layers * matrix;           // weights[0 .. L-1]
        long scratch = matrix;                    // transpose and weight-gradient scratch
        long activations = (layers + 1) * units;  // activations[0] (the inputs) .. activations[L]
        long gradient = units;                    // upstream gradient, then δ and ∂L/∂h
        long preActivation = units;               // z of the layer being computed
        long derivatives = layers * units;        // derivatives[0 .. L-1]
        long nextGradient = units;                // ∂L/∂h of the layer below
        return weights + scratch + activations + gradient + preActivation + derivatives + nextGradient;
    }

    @Test
    void budgetsCountLayersWidthSquaredAndBatch() {
        assertThat(DeepNetworkSimulation.work(50, 256, 64)).isEqualTo(50L * 256 * 256 * 64);
        assertThat(DeepNetworkSimulation.work(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(DeepNetworkSimulation.numbersHeld(50, 256, 64)).isEqualTo(arraysAllocatedByRun(50, 256, 64));
        assertThat(DeepNetworkSimulation.numbersHeld(1, 3, 2)).isEqualTo(arraysAllocatedByRun(1, 3, 2));
        assertThat(DeepNetworkSimulation.numbersHeld(Integer.MAX_VALUE, Integer.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(DeepNetworkSimulation.matrixProductFlops(50, 256, 64)).isEqualTo(149L * 2 * 64 * 256 * 256);
    }
}
