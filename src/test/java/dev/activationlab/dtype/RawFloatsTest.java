package dev.activationlab.dtype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Little-endian reading and writing of each dtype, checked against ByteBuffer and the dtype's rounding. */
class RawFloatsTest {

    @Test
    void everyFloat16BitPatternShouldReadAsTheValueRoundingGivesAndWriteBack() {
        for (int bits = 0; bits < 0x10000; bits++) {
            byte[] two = {(byte) bits, (byte) (bits >>> 8)};
            double x = RawFloats.read(two, 0, 1, Dtype.FLOAT16)[0];
            int exponent = (bits >>> 10) & 0x1f;
            if (exponent == 0x1f) {
                assertThat(Double.isFinite(x)).isFalse();
                continue;
            }
            assertThat(Dtype.FLOAT16.round(x)).as("bits %04x", bits).isEqualTo(x);
            byte[] back = new byte[2];
            RawFloats.write(new double[] {x}, Dtype.FLOAT16, back, 0);
            assertThat(back).as("bits %04x", bits).isEqualTo(two);
        }
        // Spot values: 1.0 is 0x3c00, 65504 is 0x7bff, the smallest subnormal 0x0001, -0.0 0x8000.
        assertThat(RawFloats.read(new byte[] {0, 0x3c, (byte) 0xff, 0x7b, 1, 0, 0, (byte) 0x80}, 0, 4, Dtype.FLOAT16))
                .containsExactly(1.0, 65504.0, 0x1p-24, -0.0);
    }

    @Test
    void everyBfloat16BitPatternShouldBeTheUpperHalfOfAFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            byte[] two = {(byte) bits, (byte) (bits >>> 8)};
            double x = RawFloats.read(two, 0, 1, Dtype.BFLOAT16)[0];
            float expected = Float.intBitsToFloat(bits << 16);
            if (Float.isNaN(expected)) {
                assertThat(x).isNaN();
                continue;
            }
            assertThat(x).isEqualTo(expected);
            assertThat(Dtype.BFLOAT16.holds(x)).isTrue();
            byte[] back = new byte[2];
            RawFloats.write(new double[] {x}, Dtype.BFLOAT16, back, 0);
            assertThat(back).isEqualTo(two);
        }
    }

    @Test
    void float64AndFloat32ShouldBeLittleEndianIeee() {
        double[] x = {-0.0, 0.1, Math.PI, Double.MIN_VALUE, -Double.MAX_VALUE};
        ByteBuffer doubles = ByteBuffer.allocate(x.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer floats = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        double[] asFloats = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            doubles.putDouble(x[i]);
            floats.putFloat((float) x[i]);
            asFloats[i] = (float) x[i];
        }
        byte[] out64 = new byte[x.length * 8];
        byte[] out32 = new byte[x.length * 4];
        RawFloats.write(x, Dtype.FLOAT64, out64, 0);
        RawFloats.write(asFloats, Dtype.FLOAT32, out32, 0);

        assertThat(out64).isEqualTo(doubles.array());
        assertThat(out32).isEqualTo(floats.array());
        assertThat(RawFloats.read(doubles.array(), 0, x.length, Dtype.FLOAT64)).containsExactly(x);
        assertThat(RawFloats.read(floats.array(), 0, x.length, Dtype.FLOAT32)).containsExactly(asFloats);
    }
}
