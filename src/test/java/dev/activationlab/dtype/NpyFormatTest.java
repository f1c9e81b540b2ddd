package dev.activationlab.dtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The .npy reader against files NumPy wrote (src/test/resources/npy, made by make_npy.py there),
 * and the writer against NumPy's layout.
 */
public class NpyFormatTest {

    /** The numbers make_npy.py writes, each exact in float16. */
    public static final double[] X = {-2.5, -1.0, -0.125, 0.0, 0.5, 1.0, 3.0, 7.25};

    public static byte[] resource(String name) {
        try (InputStream in = NpyFormatTest.class.getResourceAsStream("/npy/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "v1-f8-vector.npy, FLOAT64, 8",
            "v2-f4-batch.npy, FLOAT32, 2;4",
            "v3-f2-vector.npy, FLOAT16, 8",
            "v1-f2-batch.npy, FLOAT16, 4;2"})
    void numpysFilesOfEachVersionShouldReadBack(String file, Dtype dtype, String shape) {
        byte[] bytes = resource(file);

        NpyFormat.Header header = NpyFormat.readHeader(bytes);

        assertThat(header.dtype()).isEqualTo(dtype);
        assertThat(header.shape()).containsExactly(java.util.Arrays.stream(shape.split(";")).mapToLong(Long::parseLong).toArray());
        assertThat(header.dataOffset() % 64).isZero();
        assertThat(RawFloats.read(bytes, header.dataOffset(), X.length, dtype)).containsExactly(X);
        assertThat(bytes.length - header.dataOffset()).isEqualTo(X.length * RawFloats.bytesPerElement(dtype));
    }

    @ParameterizedTest
    @CsvSource({
            "big-endian-f8.npy, big-endian",
            "int32.npy, <i4' is not supported",
            "fortran-f8.npy, Fortran order",
            "three-dims-f8.npy, 3 dimensions",
            "scalar-f8.npy, 0 dimensions"})
    void filesOutsideTheSubsetShouldBeRefusedSayingWhy(String file, String why) {
        assertThatThrownBy(() -> NpyFormat.readHeader(resource(file)))
                .isInstanceOf(NpyFormat.FormatException.class).hasMessageContaining(why);
    }

    @Test
    void malformedHeadersShouldBeRefused() {
        byte[] good = resource("v1-f8-vector.npy");
        byte[] badMagic = good.clone();
        badMagic[1] = 'X';
        byte[] version4 = good.clone();
        version4[6] = 4;
        byte[] longHeader = good.clone();
        longHeader[8] = (byte) 0xff;
        longHeader[9] = (byte) 0x7f;
        byte[] unknownKey = good.clone();
        byte[] key = "'descr'".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy("'dxscr'".getBytes(StandardCharsets.ISO_8859_1), 0, unknownKey, 11, key.length);

        assertThatThrownBy(() -> NpyFormat.readHeader(badMagic)).hasMessageContaining("magic");
        assertThatThrownBy(() -> NpyFormat.readHeader(version4)).hasMessageContaining("version 4.0");
        assertThatThrownBy(() -> NpyFormat.readHeader(longHeader)).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> NpyFormat.readHeader(unknownKey)).hasMessageContaining("unknown key 'dxscr'");
        assertThatThrownBy(() -> NpyFormat.readHeader(new byte[] {(byte) 0x93, 'N'})).hasMessageContaining("too short");
        assertThatThrownBy(() -> NpyFormat.readHeader(java.util.Arrays.copyOf(good, 40)))
                .hasMessageContaining("body ends before");
    }

    @Test
    void writtenHeadersShouldHaveNumpysLayout() {
        byte[] numpy = resource("v1-f8-vector.npy");
        byte[] ours = NpyFormat.header(Dtype.FLOAT64, 8);

        assertThat(ours).isEqualTo(java.util.Arrays.copyOf(numpy, ours.length));
        NpyFormat.Header batch = NpyFormat.readHeader(NpyFormat.header(Dtype.FLOAT16, 3, 5));
        assertThat(batch.shape()).containsExactly(3, 5);
        assertThat(new String(NpyFormat.header(Dtype.FLOAT32, 3, 5, 5), StandardCharsets.ISO_8859_1))
                .contains("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5, 5), }").endsWith(" \n");
        assertThat(NpyFormat.readHeader(NpyFormat.header(Dtype.FLOAT32, 3, 5, 5), 3).shape()).containsExactly(3, 5, 5);
        assertThat(batch.dtype()).isEqualTo(Dtype.FLOAT16);
        assertThatThrownBy(() -> NpyFormat.header(Dtype.BFLOAT16, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
