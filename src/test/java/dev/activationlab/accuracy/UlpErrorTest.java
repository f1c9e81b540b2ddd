package dev.activationlab.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.dtype.Dtype;
import org.junit.jupiter.api.Test;

/** ULP errors worked by hand. */
class UlpErrorTest {

    @Test
    void errorsInUnitsOfTheExactResultsBinade() {
        // exact 1, got the float32 below it (1 - 2^-24): 2^-24 / ulp(1) = 2^-24 / 2^-23.
        assertThat(UlpError.of(Dtype.FLOAT32, 1 - 0x1p-24, 1.0)).isEqualTo(0.5);
        // exact 1 - 2^-30 lies in [0.5, 1) where ulp = 2^-24; got 1: 2^-30 / 2^-24.
        assertThat(UlpError.of(Dtype.FLOAT32, 1.0, 1 - 0x1p-30)).isEqualTo(0x1p-6);
        // subnormal: ulp is 2^-149 everywhere below 2^-126; got 0 for exact 3·2^-149.
        assertThat(UlpError.of(Dtype.FLOAT32, 0.0, 3 * 0x1p-149)).isEqualTo(3.0);
        // bfloat16 at 3: ulp 2^-6; got 3.0625 is 4 ULPs off.
        assertThat(UlpError.of(Dtype.BFLOAT16, 3.0625, 3.0)).isEqualTo(4.0);
        // float16 65504 for an exact 70000 beyond the range: ulp of the top binade, 32.
        assertThat(UlpError.of(Dtype.FLOAT16, 65504.0, 70000.0)).isEqualTo(4496.0 / 32);
    }

    @Test
    void nonFiniteIsInfinitelyWrongUnlessTheSame() {
        assertThat(UlpError.of(Dtype.FLOAT32, Double.NaN, 0.5)).isInfinite();
        assertThat(UlpError.of(Dtype.FLOAT32, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
        assertThat(UlpError.of(Dtype.FLOAT32, 1.0, Double.POSITIVE_INFINITY)).isInfinite();
    }

    @Test
    void summaryCountsBucketsWorstAndCorrectlyRounded() {
        double[] x = {0, 1, 2};
        double[] exact = {1.0, 1.0, 1.0};
        double[] expected = {1.0, 1.0, 1.0};
        double[] got = {1.0, 1 + 0x1p-22, Double.NaN};            // 0, 2 ULPs, infinitely wrong
        AccuracyReport.Errors e = AccuracyMeasure.errors(Dtype.FLOAT32, x, got, exact, expected);
        assertThat(e.ulpErrors()).containsExactly(0.0, 2.0, null);
        assertThat(e.maxUlp()).isNull();
        assertThat(e.meanUlp()).isEqualTo(1.0);
        assertThat(e.infinitelyWrong()).isEqualTo(1);
        assertThat(e.worst().index()).isEqualTo(2);
        assertThat(e.worst().got()).isEqualTo("NaN");
        assertThat(e.histogram()).isEqualTo(new AccuracyReport.Histogram(1, 0, 1, 0, 0, 0, 1));
        assertThat(e.correctlyRounded()).isEqualTo(1);
    }
}
