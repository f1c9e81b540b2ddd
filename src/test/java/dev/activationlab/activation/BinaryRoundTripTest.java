package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.dtype.Dtype;
import dev.activationlab.dtype.NpyFormat;
import dev.activationlab.dtype.RawFloats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw or .npy answer holds the very bits of the JSON answer for the same numbers: every
 * activation of the catalogue, scalar and vector-valued, in every dtype, for evaluate and
 * derivative, as a vector and as a batch. The JSON answer is the reference (its numbers read
 * back exactly: Jackson writes the shortest decimal that parses to the same double).
 */
@ApiSliceTest(value = ActivationController.class)
class BinaryRoundTripTest {

    private static final MediaType NPY = BinaryBodiesControllerTest.NPY;
    /** Pre-activations across every activation's interesting range, kinks included; even length for the gated units. */
    private static final double[] X = {-3.75, -1.3, -0.5, -0.0, 0.0, 0.7, 2.2, 5.1, -7.3, 1.0, 3.0, 0.1};


    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper jsonMapper;

    @Autowired
    private ActivationRegistry registry;

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void rawAndNpyAnswersShouldEqualTheJsonAnswerBitForBit(Dtype dtype) {
        double[] x = Arrays.stream(X).map(dtype::round).toArray();
        int checked = 0;
        for (Activation activation : registry.all()) {
            for (String endpoint : new String[] {"evaluate", "derivative"}) {
                String uri = "/api/v1/activations/" + activation.name() + "/" + endpoint;
                String as = activation.name() + " " + endpoint + " " + dtype.label();
                JsonNode json = json(post(uri, "", MediaType.APPLICATION_JSON, null,
                        "{\"x\": " + Arrays.toString(x) + ", \"dtype\": \"" + dtype.label() + "\"}"), as);
                boolean jacobian = json.has("jacobian");
                double[] expected = flatten(json.get(jacobian ? "jacobian" : endpoint.equals("evaluate") ? "values" : "derivatives"));
                String shape = jacobian ? json.get("jacobian").size() + "," + x.length
                        : String.valueOf(expected.length);

                MvcTestResult raw = post(uri, "?dtype=" + dtype.label(), MediaType.APPLICATION_OCTET_STREAM, null, bytes(x, dtype));
                assertThat(raw).as(as).hasStatus(200).hasHeader("X-Shape", shape)
                        .hasHeader("X-Activation", activation.name())
                        .hasHeader("X-Activation-Params", json.get("params").toString());
                assertThat(raw.getResponse().getContentAsByteArray()).as(as).isEqualTo(bytes(expected, dtype));

                MvcTestResult jsonAsRaw = post(uri, "", MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM,
                        "{\"x\": " + Arrays.toString(x) + ", \"dtype\": \"" + dtype.label() + "\"}");
                assertThat(jsonAsRaw.getResponse().getContentAsByteArray()).as(as).isEqualTo(bytes(expected, dtype));

                MvcTestResult rawAsJson = post(uri, "?dtype=" + dtype.label(), MediaType.APPLICATION_OCTET_STREAM,
                        MediaType.APPLICATION_JSON, bytes(x, dtype));
                assertThat(jsonMapper.readTree(rawAsJson.getResponse().getContentAsByteArray())).as(as).isEqualTo(json);

                if (dtype != Dtype.BFLOAT16) {
                    MvcTestResult npy = post(uri, "", NPY, null, npy(x, dtype, x.length));
                    assertThat(npy).as(as).hasStatus(200).hasContentType(NPY).hasHeader("X-Shape", shape);
                    byte[] answer = npy.getResponse().getContentAsByteArray();
                    NpyFormat.Header header = NpyFormat.readHeader(answer, 3);
                    assertThat(header.dtype()).isEqualTo(dtype);
                    assertThat(Arrays.copyOfRange(answer, header.dataOffset(), answer.length)).as(as)
                            .isEqualTo(bytes(expected, dtype));
                    assertBatchAsNpyEqualsJsonBatch(uri, x, dtype, as);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * registry.all().size()).isGreaterThanOrEqualTo(80);
    }

    /** x as 3 rows of 4 in a 2-D .npy against the same rows as a JSON batch. */
    private void assertBatchAsNpyEqualsJsonBatch(String uri, double[] x, Dtype dtype, String as) {
        String rows = "[" + Arrays.toString(Arrays.copyOfRange(x, 0, 4)) + "," + Arrays.toString(Arrays.copyOfRange(x, 4, 8))
                + "," + Arrays.toString(Arrays.copyOfRange(x, 8, 12)) + "]";
        JsonNode json = json(post(uri, "", MediaType.APPLICATION_JSON, null,
                "{\"x\": " + rows + ", \"dtype\": \"" + dtype.label() + "\"}"), as + " batch");
        String field = json.has("jacobian") ? "jacobian" : json.has("values") ? "values" : "derivatives";
        double[] expected = flatten(json.get(field));

        MvcTestResult npy = post(uri, "", NPY, null, npy(x, dtype, 3, 4));
        assertThat(npy).as(as + " batch").hasStatus(200);
        byte[] answer = npy.getResponse().getContentAsByteArray();
        NpyFormat.Header header = NpyFormat.readHeader(answer, 3);
        List<Long> shape = new ArrayList<>();
        collectShape(json.get(field), shape);
        assertThat(header.shape()).containsExactly(shape.stream().mapToLong(Long::longValue).toArray());
        assertThat(Arrays.copyOfRange(answer, header.dataOffset(), answer.length)).as(as + " batch")
                .isEqualTo(bytes(expected, dtype));
    }

    private MvcTestResult post(String uri, String query, MediaType type, MediaType accept, Object body) {
        var request = mvc.post().uri(uri + query).contentType(type);
        if (accept != null) {
            request = request.accept(accept);
        }
        return request.content(body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) body).exchange();
    }

    private JsonNode json(MvcTestResult result, String as) {
        assertThat(result).as(as).hasStatus(200).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return jsonMapper.readTree(result.getResponse().getContentAsByteArray());
    }

    private static double[] flatten(JsonNode array) {
        List<Double> out = new ArrayList<>();
        collect(array, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else {
            out.add(node.doubleValue());
        }
    }

    private static void collectShape(JsonNode node, List<Long> shape) {
        if (node.isArray()) {
            shape.add((long) node.size());
            collectShape(node.get(0), shape);
        }
    }

    private static byte[] bytes(double[] x, Dtype dtype) {
        byte[] out = new byte[x.length * RawFloats.bytesPerElement(dtype)];
        RawFloats.write(x, dtype, out, 0);
        return out;
    }

    private static byte[] npy(double[] x, Dtype dtype, long... shape) {
        byte[] header = NpyFormat.header(dtype, shape);
        byte[] data = bytes(x, dtype);
        byte[] file = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, file, header.length, data.length);
        return file;
    }
}
