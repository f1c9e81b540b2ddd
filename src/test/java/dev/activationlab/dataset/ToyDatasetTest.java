package dev.activationlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The geometric promises of each problem, on noiseless draws. */
class ToyDatasetTest {

    @ParameterizedTest
    @EnumSource(value = ToyDataset.class, names = {"XOR", "CIRCLE", "GAUSSIANS", "SPIRAL", "MOONS"})
    void classesShouldAlternateAndDrawsRepeatForASeed(ToyDataset dataset) {
        ToyDataset.Samples first = dataset.generate(101, 0.2, 9);
        ToyDataset.Samples again = dataset.generate(101, 0.2, 9);
        ToyDataset.Samples other = dataset.generate(101, 0.2, 10);
        for (int i = 0; i < 101; i++) {
            assertThat(first.targets()[i][0]).isEqualTo(i % 2);
        }
        assertThat(again.inputs()).isDeepEqualTo(first.inputs());
        assertThat(java.util.Arrays.deepEquals(other.inputs(), first.inputs())).isFalse();
    }

    @Test
    void xorShouldPutClassOneInTheFirstAndThirdQuadrants() {
        ToyDataset.Samples samples = ToyDataset.XOR.generate(400, 0, 1);
        for (int i = 0; i < 400; i++) {
            double[] p = samples.inputs()[i];
            assertThat(Math.abs(p[0])).isLessThanOrEqualTo(5);
            assertThat(Math.abs(p[1])).isLessThanOrEqualTo(5);
            assertThat(p[0] * p[1] > 0).isEqualTo(samples.targets()[i][0] == 1.0);
        }
    }

    @Test
    void circleShouldPutClassOneInsideRadiusTwoAndAHalfAndClassZeroOnTheRing() {
        ToyDataset.Samples samples = ToyDataset.CIRCLE.generate(400, 0, 1);
        for (int i = 0; i < 400; i++) {
            double r = Math.hypot(samples.inputs()[i][0], samples.inputs()[i][1]);
            if (samples.targets()[i][0] == 1.0) {
                assertThat(r).isLessThanOrEqualTo(2.5);
            } else {
                assertThat(r).isBetween(3.5, 5.0);
            }
        }
    }

    @Test
    void gaussianBlobsShouldCentreOnTheirClassPoint() {
        ToyDataset.Samples samples = ToyDataset.GAUSSIANS.generate(2000, 0, 1);
        double[] sumX = new double[2];
        for (int i = 0; i < 2000; i++) {
            sumX[(int) samples.targets()[i][0]] += samples.inputs()[i][0];
        }
        assertThat(sumX[1] / 1000).isBetween(1.8, 2.2);
        assertThat(sumX[0] / 1000).isBetween(-2.2, -1.8);
    }
}
