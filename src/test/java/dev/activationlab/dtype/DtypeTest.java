package dev.activationlab.dtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rounding of each dtype against boundary cases worked by hand (powers of two written out). */
class DtypeTest {

    private static double p2(int e) {
        return Math.scalb(1.0, e);
    }

    @Test
    void float32RoundsToNearestTiesToEven() {
        assertThat(Dtype.FLOAT32.round(0.1)).isEqualTo(0.10000000149011612);
        assertThat(Dtype.FLOAT32.round(1 + p2(-24))).isEqualTo(1.0);                 // tie, 1 is even
        assertThat(Dtype.FLOAT32.round(1 + 3 * p2(-24))).isEqualTo(1 + p2(-22));     // tie, 1+2^-22 is even
        assertThat(Dtype.FLOAT32.round(1 + p2(-24) + p2(-50))).isEqualTo(1 + p2(-23)); // just above the tie
    }

    @Test
    void float32SubnormalsUnderflowAndSignedZero() {
        assertThat(Dtype.FLOAT32.minSubnormal()).isEqualTo(p2(-149));
        assertThat(Dtype.FLOAT32.round(p2(-150))).isEqualTo(0.0);                    // tie to 0
        assertThat(Dtype.FLOAT32.round(3 * p2(-150))).isEqualTo(p2(-148));           // tie to the even 2·2^-149
        assertThat(Dtype.FLOAT32.round(1e-46)).isEqualTo(0.0);
        assertThat(Dtype.FLOAT32.round(-p2(-151))).isEqualTo(-0.0).matches(v -> 1 / v < 0);
        assertThat(Dtype.FLOAT32.round(-0.0)).matches(v -> 1 / v < 0);
        assertThat(Dtype.FLOAT32.round(3.78350585e-44)).isEqualTo(27 * p2(-149));
    }

    @Test
    void float32OverflowsToInfinityFromMaxPlusHalfAnUlp() {
        double max = 3.4028234663852886e38;
        assertThat(Dtype.FLOAT32.maxValue()).isEqualTo(max);
        assertThat(Dtype.FLOAT32.round(p2(128) - p2(103))).isEqualTo(Double.POSITIVE_INFINITY); // the tie
        assertThat(Dtype.FLOAT32.round(Math.nextDown(p2(128) - p2(103)))).isEqualTo(max);
        assertThat(Dtype.FLOAT32.round(-1e39)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Dtype.FLOAT32.next(max)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void float16Extremes() {
        assertThat(Dtype.FLOAT16.maxValue()).isEqualTo(65504.0);
        assertThat(Dtype.FLOAT16.round(65519.0)).isEqualTo(65504.0);
        assertThat(Dtype.FLOAT16.round(65520.0)).isEqualTo(Double.POSITIVE_INFINITY);  // tie goes up
        assertThat(Dtype.FLOAT16.minSubnormal()).isEqualTo(p2(-24));
        assertThat(Dtype.FLOAT16.round(p2(-25))).isEqualTo(0.0);
        assertThat(Dtype.FLOAT16.round(1.5 * p2(-24))).isEqualTo(p2(-23));
        assertThat(Dtype.FLOAT16.round(1.0 / 3)).isEqualTo(0.333251953125);
        assertThat(Dtype.FLOAT16.next(1.0)).isEqualTo(1.0009765625);
        assertThat(Dtype.FLOAT16.previous(1.0)).isEqualTo(0.99951171875);
        assertThat(Dtype.FLOAT16.previous(0.0)).isEqualTo(-p2(-24));
        assertThat(Dtype.FLOAT16.next(-p2(-24))).isEqualTo(-0.0);
        assertThat(Dtype.FLOAT16.quantum(p2(-20))).isEqualTo(p2(-24));               // subnormal spacing
    }

    @Test
    void bfloat16Extremes() {
        assertThat(Dtype.BFLOAT16.maxValue()).isEqualTo(3.3895313892515355e38);
        assertThat(Dtype.BFLOAT16.round(1.0 / 3)).isEqualTo(0.333984375);
        assertThat(Dtype.BFLOAT16.round(1 + p2(-8))).isEqualTo(1.0);
        assertThat(Dtype.BFLOAT16.round(1 + 3 * p2(-8))).isEqualTo(1.015625);
        assertThat(Dtype.BFLOAT16.round(3.4e38)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Dtype.BFLOAT16.minSubnormal()).isEqualTo(p2(-133));
        assertThat(Dtype.BFLOAT16.holds(p2(-133))).isTrue();
        assertThat(Dtype.BFLOAT16.holds(1.00390625)).isFalse();
    }

    @Test
    void exactDigitsDecideTiesAndNearTies() {
        BigDecimal tie = new BigDecimal(1 + p2(-24));
        assertThat(Dtype.FLOAT32.round(tie, 1)).isEqualTo(1.0);
        assertThat(Dtype.FLOAT32.round(tie.add(new BigDecimal("1e-40")), 1)).isEqualTo(1 + p2(-23));
        assertThat(Dtype.FLOAT32.round(tie.subtract(new BigDecimal("1e-40")), 1)).isEqualTo(1.0);
        assertThat(Dtype.FLOAT16.round(new BigDecimal("65520"), 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Dtype.FLOAT16.round(new BigDecimal("65519.999"), 1)).isEqualTo(65504.0);
        assertThat(Dtype.FLOAT32.round(BigDecimal.ZERO, -1)).matches(v -> v == 0 && 1 / v < 0);
    }

    @Test
    void parsesNamesAndRejectsOthers() {
        assertThat(Dtype.parse("BFloat16")).isEqualTo(Dtype.BFLOAT16);
        assertThatThrownBy(() -> Dtype.parse("float8")).isInstanceOf(IllegalArgumentException.class);
    }
}
