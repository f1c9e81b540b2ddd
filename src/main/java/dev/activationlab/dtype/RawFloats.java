package dev.activationlab.dtype;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Numbers of a dtype as raw little-endian IEEE 754 bytes (what {@code numpy.ndarray.tobytes()}
 * gives on a little-endian machine, and the data of a {@code .npy} file), read into and written
 * from a {@code double[]} with no object per element.
 *
 * <p>float16 is IEEE 754 binary16; bfloat16 is the upper half of a binary32, as PyTorch stores it.
 * Every value of each dtype is a double, so reading is exact; writing is exact for doubles that
 * are values of the dtype (as {@link Dtype#round(double)} gives them) and truncates others.
 */
public final class RawFloats {

    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private RawFloats() {
    }

    /** Bytes per element: 8, 4, 2, 2. */
    public static int bytesPerElement(Dtype dtype) {
        return switch (dtype) {
            case FLOAT64 -> 8;
            case FLOAT32 -> 4;
            case FLOAT16, BFLOAT16 -> 2;
        };
    }

    /**
     * Reads {@code count} little-endian elements starting at {@code offset}.
     *
     * @return a new array; NaN and infinities are read as they are
     * @throws IndexOutOfBoundsException if the bytes end before {@code count} elements
     */
    public static double[] read(byte[] bytes, int offset, int count, Dtype dtype) {
        double[] out = new double[count];
        switch (dtype) {
            case FLOAT64 -> {
                for (int i = 0, at = offset; i < count; i++, at += 8) {
                    out[i] = (double) DOUBLES.get(bytes, at);
                }
            }
            case FLOAT32 -> {
                for (int i = 0, at = offset; i < count; i++, at += 4) {
                    out[i] = (float) FLOATS.get(bytes, at);
                }
            }
            case FLOAT16 -> {
                for (int i = 0, at = offset; i < count; i++, at += 2) {
                    out[i] = halfToDouble((short) SHORTS.get(bytes, at));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0, at = offset; i < count; i++, at += 2) {
                    out[i] = Float.intBitsToFloat(((short) SHORTS.get(bytes, at)) << 16);
                }
            }
        }
        return out;
    }

    /**
     * Writes every element of {@code values} (each a value of the dtype) little-endian from
     * {@code offset} on.
     *
     * @throws IndexOutOfBoundsException if {@code bytes} is too short
     */
    public static void write(double[] values, Dtype dtype, byte[] bytes, int offset) {
        switch (dtype) {
            case FLOAT64 -> {
                for (int i = 0, at = offset; i < values.length; i++, at += 8) {
                    DOUBLES.set(bytes, at, values[i]);
                }
            }
            case FLOAT32 -> {
                for (int i = 0, at = offset; i < values.length; i++, at += 4) {
                    FLOATS.set(bytes, at, (float) values[i]);
                }
            }
            case FLOAT16 -> {
                for (int i = 0, at = offset; i < values.length; i++, at += 2) {
                    SHORTS.set(bytes, at, doubleToHalf(values[i]));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0, at = offset; i < values.length; i++, at += 2) {
                    SHORTS.set(bytes, at, (short) (Float.floatToRawIntBits((float) values[i]) >>> 16));
                }
            }
        }
    }

    /** The value of IEEE 754 binary16 bits. */
    static double halfToDouble(short bits) {
        int sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * Math.scalb((double) fraction, -24);   // subnormal (or zero, sign kept below)
        }
        return sign * Math.scalb((double) (fraction | 0x400), exponent - 25);
    }

    /** The binary16 bits of x, a value of float16 (a finite one, an infinity or NaN). */
    static short doubleToHalf(double x) {
        int sign = (Double.doubleToRawLongBits(x) < 0) ? 0x8000 : 0;
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return (short) 0x7e00;
        }
        if (a == Double.POSITIVE_INFINITY || a > Dtype.FLOAT16.maxValue()) {
            return (short) (sign | 0x7c00);
        }
        if (a < 0x1p-14) {
            return (short) (sign | (int) (a * 0x1p24));            // subnormal: a multiple of 2^-24
        }
        int exponent = Math.getExponent(a);
        int fraction = (int) (Math.scalb(a, 10 - exponent)) & 0x3ff;
        return (short) (sign | (exponent + 15) << 10 | fraction);
    }
}
