package dev.activationlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.Parameters;
import dev.activationlab.activation.ActivationCatalogue;
import dev.activationlab.training.Loss;
import dev.activationlab.training.SgdOptimizer;
import dev.activationlab.training.TrainableLayer;
import dev.activationlab.training.TrainableNetwork;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A race worked by hand: one linear unit y = w·x on the rows x = 0, 1 with targets 0, 1 and the
 * mean squared error, so the loss is (w − 1)²/2, and a learning rate of 0, so it never changes.
 * Each contender draws w from the seed.
 */
class ConvergenceExperimentTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    private static ConvergenceExperiment.Contender unit(String label, LongToDoubleFunction weight) {
        var linear = REGISTRY.require("linear");
        return new ConvergenceExperiment.Contender(label, Map.of(), seed -> new TrainableNetwork(List.of(
                new TrainableLayer(new double[][] {{weight.applyAsDouble(seed)}}, new double[] {0}, linear,
                        Parameters.resolve(linear, null)))));
    }

    @Test
    void mediansAndRankingShouldBeTheHandWorkedOnes() {
        // w by seed 1, 2, 3 → loss (w − 1)²/2:
        //   half:  0.5, 1.0, 1.5 → 0.125, 0, 0.125   (seed 2 meets the target at epoch 0)
        //   whole: 1, 2, 3       → 0, 0.5, 2          (seed 1 meets it)
        //   one:   1, 1, 1       → 0, 0, 0            (all meet it)
        List<ConvergenceExperiment.Contender> contenders = List.of(
                unit("half", seed -> 0.5 * seed), unit("whole", seed -> seed), unit("one", seed -> 1.0));

        ConvergenceResult result = ConvergenceExperiment.run(contenders, () -> new SgdOptimizer(0, 0, false, 0),
                new double[][] {{0}, {1}}, new double[][] {{0}, {1}}, null, null,
                new ConvergenceExperiment.Schedule(Loss.MSE, 3, 2, false, 0.01), new long[] {1, 2, 3},
                (run, runs, activation, seed, record) -> { });

        ConvergenceResult.ActivationResult half = result.results().get(0);
        assertThat(half.reachedFraction()).isEqualTo(1.0 / 3);
        assertThat(half.medianEpochsToTarget()).isNull();           // median of 0, never, never
        assertThat(half.medianFinalLoss()).isEqualTo(0.125);
        assertThat(half.lossCurve()).containsExactly(0.125, 0.125, 0.125, 0.125);
        assertThat(half.runs()).extracting(ConvergenceResult.Run::epochsToTarget).containsExactly(null, 0, null);

        ConvergenceResult.ActivationResult whole = result.results().get(1);
        assertThat(whole.medianFinalLoss()).isEqualTo(0.5);
        assertThat(whole.lossCurve()).containsExactly(0.5, 0.5, 0.5, 0.5);

        ConvergenceResult.ActivationResult one = result.results().get(2);
        assertThat(one.reachedFraction()).isEqualTo(1.0);
        assertThat(one.medianEpochsToTarget()).isEqualTo(0.0);

        // reachedFraction first (one), then equal fractions and no median epochs: the lower final loss.
        assertThat(result.ranking()).containsExactly("one", "half", "whole");
    }

    @Test
    void medianOfAnEvenCountShouldBeTheMeanOfTheMiddleTwo() {
        assertThat(ConvergenceExperiment.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ConvergenceExperiment.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(ConvergenceExperiment.median(new double[] {1, Double.POSITIVE_INFINITY})).isInfinite();
    }
}
