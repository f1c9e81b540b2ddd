package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightInitTest {

    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 500;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // init, variance from the papers' formulas with fan_in 300, fan_out 500, initStd 0.5
            "NORMAL, 0.25",
            "UNIFORM, 0.00111111111111111",          // (1/√300)²/3
            "XAVIER_UNIFORM, 0.0025",                // 2/(300+500)
            "XAVIER_NORMAL, 0.0025",
            "HE_UNIFORM, 0.00666666666666667",       // 2/300
            "HE_NORMAL, 0.00666666666666667",
            "LECUN_NORMAL, 0.00333333333333333"})    // 1/300
    void sampleVarianceMatchesTheFanFormula(WeightInit init, double variance) {
        double[] w = new double[FAN_IN * FAN_OUT];
        init.fill(w, FAN_IN, FAN_OUT, 0.5, new SplitMix64(77));

        double mean = 0;
        for (double v : w) {
            mean += v;
        }
        mean /= w.length;
        double sumSquares = 0;
        for (double v : w) {
            sumSquares += (v - mean) * (v - mean);
        }
        // 150,000 draws: the sample variance is within about 0.4 % (normal) of the true one.
        assertThat(sumSquares / w.length).isCloseTo(variance, within(0.02 * variance));
        assertThat(mean).isCloseTo(0.0, within(0.02 * Math.sqrt(variance)));
    }

    @Test
    void uniformDrawsStayWithinTheirBound() {
        double[] w = new double[10_000];
        WeightInit.HE_UNIFORM.fill(w, 24, 24, 1.0, new SplitMix64(1));
        double bound = 0.5;   // √(6/24)
        double largest = 0;
        for (double v : w) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
    }

    @Test
    void namesAndAliasesResolve() {
        assertThat(WeightInit.find("xavier_uniform")).contains(WeightInit.XAVIER_UNIFORM);
        assertThat(WeightInit.find("Glorot-Normal")).contains(WeightInit.XAVIER_NORMAL);
        assertThat(WeightInit.find("kaiming_uniform")).contains(WeightInit.HE_UNIFORM);
        assertThat(WeightInit.find("orthogonal")).isEmpty();
        assertThat(WeightInit.find(null)).isEmpty();
        assertThat(WeightInit.ids()).containsExactly("normal", "uniform", "xavier_uniform", "xavier_normal",
                "he_uniform", "he_normal", "lecun_normal");
    }

    @Test
    void generatorMatchesTheSplitMix64OfTheJdk() {
        // java.util.SplittableRandom(seed) runs the same SplitMix64 sequence.
        SplitMix64 ours = new SplitMix64(20240601L);
        SplittableRandom jdk = new SplittableRandom(20240601L);
        for (int i = 0; i < 1000; i++) {
            assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
        }
    }

    @Test
    void gaussianDeviatesHaveUnitVariance() {
        SplitMix64 random = new SplitMix64(5);
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double g = random.nextGaussian();
            sum += g;
            sumSquares += g * g;
        }
        assertThat(sum / n).isCloseTo(0.0, within(0.01));
        assertThat(sumSquares / n).isCloseTo(1.0, within(0.01));
    }
}
