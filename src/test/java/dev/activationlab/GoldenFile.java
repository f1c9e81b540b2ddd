package dev.activationlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoint cases of a golden file in {@code src/test/resources/golden} (format in
 * {@code golden/README.md}), with their numbers as doubles.
 */
public final class GoldenFile {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<Map<String, Object>> cases;

    private GoldenFile(List<Map<String, Object>> cases) {
        this.cases = cases;
    }

    /** Reads {@code golden/<name>} from the test class path. */
    @SuppressWarnings("unchecked")
    public static GoldenFile load(String name) {
        try (InputStream in = GoldenFile.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file " + name);
            }
            Map<String, Object> root = MAPPER.readValue(in, Map.class);
            return new GoldenFile((List<Map<String, Object>>) root.get("cases"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case with this id. */
    public Case get(String id) {
        return cases.stream().filter(c -> id.equals(c.get("id"))).findFirst().map(Case::new)
                .orElseThrow(() -> new IllegalArgumentException("No golden case " + id));
    }

    /** One endpoint case: its request body and expected response. */
    public record Case(Map<String, Object> raw) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return (Map<String, Object>) raw.get("body");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> expected() {
            return (Map<String, Object>) raw.get("expected");
        }
    }

    /** A JSON array of numbers as doubles. */
    public static double[] vector(Object json) {
        List<?> list = (List<?>) json;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    /** A JSON array of arrays of numbers as a double matrix. */
    public static double[][] matrix(Object json) {
        List<?> rows = (List<?>) json;
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = vector(rows.get(r));
        }
        return out;
    }

    /** A JSON number as a double. */
    public static double number(Object json) {
        return ((Number) json).doubleValue();
    }

    /** A JSON object's member that is itself a list of objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Object json) {
        return (List<Map<String, Object>>) json;
    }
}
