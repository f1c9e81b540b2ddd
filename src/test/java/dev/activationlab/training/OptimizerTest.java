package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizer steps worked by hand from the update rules of torch.optim.SGD and torch.optim.Adam. */
class OptimizerTest {

    private static void steps(Optimizer optimizer, double[] parameter, double... gradients) {
        for (double g : gradients) {
            optimizer.step(List.of(parameter), List.of(new double[] {g}));
        }
    }

    @Test
    void plainSgdShouldStepAgainstTheGradient() {
        double[] p = {1.0};
        steps(new SgdOptimizer(0.1, 0, false, 0), p, 2.0);
        assertThat(p[0]).isEqualTo(0.8);           // 1 − 0.1·2
    }

    @Test
    void sgdWithWeightDecayShouldAddTheDecayToTheGradient() {
        double[] p = {1.0};
        steps(new SgdOptimizer(0.1, 0, false, 0.5), p, 2.0);
        assertThat(p[0]).isCloseTo(0.75, within(1e-15));   // 1 − 0.1·(2 + 0.5·1)
    }

    @Test
    void momentumShouldStartItsBufferAtTheFirstGradient() {
        double[] p = {1.0};
        // step 1: b = 2, p = 1 − 0.1·2 = 0.8; step 2: b = 0.9·2 + 1 = 2.8, p = 0.8 − 0.28 = 0.52
        steps(new SgdOptimizer(0.1, 0.9, false, 0), p, 2.0, 1.0);
        assertThat(p[0]).isCloseTo(0.52, within(1e-15));
    }

    @Test
    void nesterovShouldLookAheadAlongTheBuffer() {
        double[] p = {1.0};
        // step 1: b = 2, g = 2 + 0.9·2 = 3.8, p = 0.62; step 2: b = 2.8, g = 1 + 2.52 = 3.52, p = 0.268
        steps(new SgdOptimizer(0.1, 0.9, true, 0), p, 2.0, 1.0);
        assertThat(p[0]).isCloseTo(0.268, within(1e-15));
    }

    @Test
    void adamShouldMoveByAboutTheLearningRateAtFirst() {
        double[] p = {1.0};
        steps(new AdamOptimizer(0.1, 0.9, 0.999, 1e-8, 0), p, 2.0);
        // m̂ = 2, v̂ = 4: p = 1 − 0.1·2/(2 + 1e-8)
        assertThat(p[0]).isCloseTo(1.0 - 0.1 * 2 / (2 + 1e-8), within(1e-15));
    }

    @Test
    void adamSecondStepShouldUseBiasCorrectedMoments() {
        double[] p = {1.0};
        steps(new AdamOptimizer(0.1, 0.9, 0.999, 1e-8, 0), p, 2.0, -1.0);
        double afterFirst = 1.0 - 0.1 * 2 / (2 + 1e-8);
        double m = 0.9 * 0.2 + 0.1 * -1.0;              // 0.08
        double v = 0.999 * 0.004 + 0.001 * 1.0;         // 0.004996
        double mHat = m / (1 - 0.81);
        double vHatRoot = Math.sqrt(v) / Math.sqrt(1 - 0.998001);
        assertThat(p[0]).isCloseTo(afterFirst - 0.1 * mHat / (vHatRoot + 1e-8), within(1e-14));
    }
}
