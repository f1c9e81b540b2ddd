package dev.activationlab.dtype;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NumPy's {@code .npy} file format, versions 1.0, 2.0 and 3.0, for little-endian floating-point
 * arrays of one or two dimensions in C order: the subset an array of pre-activations needs.
 *
 * <p>A file is the magic {@code \x93NUMPY}, the major and minor version, the header length
 * (2 bytes little-endian in 1.0, 4 in 2.0 and 3.0), then the header: a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3,), }} (latin-1 in 1.0 and 2.0,
 * UTF-8 in 3.0) padded with spaces and ended by a newline, then the data. Source: the format's
 * specification in {@code numpy.lib.format}.
 *
 * <p>Descriptors: {@code <f8}, {@code <f4}, {@code <f2} (float64, float32, float16). bfloat16
 * has no descriptor in NumPy, so it has no {@code .npy} form here.
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy's own default bound on the header (numpy.lib.format's max_header_size). */
    public static final int MAX_HEADER_LENGTH = 10_000;

    /** A file NumPy would not write, or one this service does not take; the message says which. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(String message) {
            super(message);
        }
    }

    /**
     * What the header of a {@code .npy} file says.
     *
     * @param dtype      the element type
     * @param shape      one or two dimensions, each ≥ 0 (their product may exceed an int: check it)
     * @param dataOffset where the data start in the file
     */
    public record Header(Dtype dtype, long[] shape, int dataOffset) {

        /** The number of elements, the product of the shape (at most about 2^62 for 2 dims below 2^31). */
        public long elements() {
            long product = 1;
            for (long d : shape) {
                product *= d;
            }
            return product;
        }
    }

    private NpyFormat() {
    }

    /**
     * Reads the header of a {@code .npy} file.
     *
     * @throws FormatException if the magic, version, header length or dict is malformed, the dtype is
     *                         not {@code <f8}, {@code <f4} or {@code <f2}, the array is in Fortran order,
     *                         or the shape has other than one or two dimensions
     */
    public static Header readHeader(byte[] file) {
        return readHeader(file, 2);
    }

    /**
     * Reads the header of a {@code .npy} file of 1 to {@code maxDimensions} dimensions (3 for the
     * Jacobians of a batch, as this service writes them).
     *
     * @throws FormatException as {@link #readHeader(byte[])}
     */
    public static Header readHeader(byte[] file, int maxDimensions) {
        if (file.length < 10) {
            throw new FormatException("The body is too short for a .npy file (" + file.length + " bytes).");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file[i] != MAGIC[i]) {
                throw new FormatException("The body does not start with the .npy magic string \\x93NUMPY.");
            }
        }
        int major = file[6] & 0xff;
        int minor = file[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new FormatException("The .npy format version " + major + "." + minor
                    + " is not supported; versions 1.0, 2.0 and 3.0 are.");
        }
        int start = major == 1 ? 10 : 12;
        if (file.length < start) {
            throw new FormatException("The body is too short for a .npy file (" + file.length + " bytes).");
        }
        long headerLength = major == 1
                ? (file[8] & 0xff) | (file[9] & 0xff) << 8
                : (file[8] & 0xffL) | (file[9] & 0xffL) << 8 | (file[10] & 0xffL) << 16 | (file[11] & 0xffL) << 24;
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new FormatException("The .npy header is " + headerLength + " bytes long; at most "
                    + MAX_HEADER_LENGTH + " are read.");
        }
        if (start + headerLength > file.length) {
            throw new FormatException("The .npy header says it is " + headerLength
                    + " bytes long, but the body ends before.");
        }
        String text = new String(file, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new DictReader(text).read();
        Dtype dtype = dtype(dict.get("descr"));
        requireCOrder(dict.get("fortran_order"));
        return new Header(dtype, shape(dict.get("shape"), maxDimensions), start + (int) headerLength);
    }

    /**
     * A version 1.0 header for a C-order array
     * of the dtype and shape, padded with spaces so that the data start at a multiple of 64 bytes,
     * as NumPy writes it.
     *
     * @throws IllegalArgumentException for bfloat16, which has no .npy descriptor
     */
    public static byte[] header(Dtype dtype, long... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '" + descriptor(dtype) + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int prefix = 10;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (prefix + header.length() + 1 < total) {
            header.append(' ');
        }
        header.append('\n');
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        int length = header.length();
        out[8] = (byte) length;
        out[9] = (byte) (length >>> 8);
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, prefix, text.length);
        return out;
    }

    /** The descriptor of a dtype ({@code <f8}, {@code <f4}, {@code <f2}). */
    public static String descriptor(Dtype dtype) {
        return switch (dtype) {
            case FLOAT64 -> "<f8";
            case FLOAT32 -> "<f4";
            case FLOAT16 -> "<f2";
            case BFLOAT16 -> throw new IllegalArgumentException("bfloat16 has no .npy descriptor");
        };
    }

    private static Dtype dtype(Object descr) {
        if (!(descr instanceof String s)) {
            throw new FormatException("The .npy header has no 'descr' string.");
        }
        switch (s) {
            case "<f8":
                return Dtype.FLOAT64;
            case "<f4":
                return Dtype.FLOAT32;
            case "<f2":
                return Dtype.FLOAT16;
            default:
                break;
        }
        if (s.startsWith(">")) {
            throw new FormatException("The .npy dtype '" + shorten(s) + "' is big-endian; send little-endian "
                    + "<f8, <f4 or <f2 (numpy: a.astype(a.dtype.newbyteorder('<'))).");
        }
        throw new FormatException("The .npy dtype '" + shorten(s) + "' is not supported; send <f8, <f4 or <f2 "
                + "(float64, float32, float16).");
    }

    private static void requireCOrder(Object value) {
        if (!(value instanceof Boolean b)) {
            throw new FormatException("The .npy header has no 'fortran_order' True or False.");
        }
        if (b) {
            throw new FormatException("The .npy array is in Fortran order; send it in C order "
                    + "(numpy: numpy.ascontiguousarray(a)).");
        }
    }

    private static long[] shape(Object value, int maxDimensions) {
        if (!(value instanceof List<?> dims)) {
            throw new FormatException("The .npy header has no 'shape' tuple.");
        }
        if (dims.size() < 1 || dims.size() > maxDimensions) {
            throw new FormatException("The .npy array has " + dims.size() + " dimensions; send shape (n) or (rows, n).");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (Long) dims.get(i);
        }
        return shape;
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /**
     * Reads the Python literal of a header: a dict of string keys to strings, True/False and
     * tuples of non-negative integers; nothing else.
     */
    private static final class DictReader {
        private final String text;
        private int at;

        DictReader(String text) {
            this.text = text;
        }

        Map<String, Object> read() {
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    at++;
                    break;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw malformed("the key '" + shorten(key) + "' is given twice");
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw malformed("expected ',' or '}'");
                }
            }
            skipSpace();
            if (at != text.length()) {
                throw malformed("text after the dict");
            }
            if (!text.endsWith("\n")) {
                throw malformed("it does not end with a newline");
            }
            for (String key : dict.keySet()) {
                if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                    throw malformed("unknown key '" + shorten(key) + "'");
                }
            }
            if (dict.size() != 3) {
                throw malformed("it needs the keys 'descr', 'fortran_order' and 'shape'");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            throw malformed("expected a string, a tuple, True or False");
        }

        private List<Long> tuple() {
            expect('(');
            List<Long> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    at++;
                    return items;
                }
                items.add(integer());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != ')') {
                    throw malformed("expected ',' or ')' in the shape");
                }
            }
        }

        private long integer() {
            int begin = at;
            while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) {
                at++;
            }
            if (text.startsWith("L", at)) {
                at++;                                  // Python 2's long suffix, as old NumPy wrote it
            }
            String digits = text.substring(begin, at).replace("L", "");
            if (digits.isEmpty() || digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw malformed("a dimension of the shape is not a whole number from 0 to " + Integer.MAX_VALUE);
            }
            return Long.parseLong(digits);
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw malformed("expected a quoted key");
            }
            int end = text.indexOf(quote, at + 1);
            if (end < 0) {
                throw malformed("a string is not closed");
            }
            String s = text.substring(at + 1, end);
            if (s.indexOf('\\') >= 0) {
                throw malformed("escapes in strings are not supported");
            }
            at = end + 1;
            return s;
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\n' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw malformed("it ends early");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw malformed("expected '" + c + "'");
            }
            at++;
        }

        private FormatException malformed(String why) {
            return new FormatException("The .npy header is malformed: " + why + " (at character " + at + ").");
        }
    }
}
