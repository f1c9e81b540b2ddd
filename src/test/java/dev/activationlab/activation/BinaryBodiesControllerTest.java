package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.dtype.Dtype;
import dev.activationlab.dtype.NpyFormat;
import dev.activationlab.dtype.NpyFormatTest;
import dev.activationlab.dtype.RawFloats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw ({@code application/octet-stream}) and NumPy ({@code application/x-npy}) bodies of evaluate
 * and derivative: the answer's bytes and headers, content negotiation, and every bad body. The
 * vector limit is 12 numbers, the Jacobian limit 4.
 */
@ApiSliceTest(value = ActivationController.class, properties = {
        "activation-lab.limits.max-vector-length=12",
        "activation-lab.limits.max-jacobian-length=4",
        "activation-lab.limits.max-body-size=4KB",
        "activation-lab.limits.max-curve-points=101"})
class BinaryBodiesControllerTest {

    static final MediaType NPY = MediaType.parseMediaType("application/x-npy");


    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper jsonMapper;

    // ---- answers ----

    @Test
    void rawFloat64ShouldBeAnsweredWithRawBytesAndTheEchoInHeaders() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/LEAKY-RELU/evaluate?alpha=0.1")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(float64(-2, -0.5, 0, 0.5, 2)).exchange();

        assertThat(result).hasStatus(200).hasContentType(MediaType.APPLICATION_OCTET_STREAM)
                .hasHeader("X-Activation", "leaky_relu").hasHeader("X-Activation-Params", "{\"alpha\":0.1}")
                .hasHeader("X-Shape", "5");
        assertThat(doubles(result.getResponse().getContentAsByteArray())).containsExactly(-0.2, -0.05, 0.0, 0.5, 2.0);
    }

    @Test
    void aJacobianShouldComeRowByRowWithItsShape() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/softmax/derivative")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(float64(0, 0)).exchange();

        assertThat(result).hasStatus(200).hasHeader("X-Shape", "2,2").hasHeader("X-Activation-Params", "{}");
        assertThat(doubles(result.getResponse().getContentAsByteArray())).containsExactly(0.25, -0.25, -0.25, 0.25);
    }

    @Test
    void aFloat16BodyShouldBeAnsweredInFloat16() {
        byte[] body = new byte[4];
        RawFloats.write(new double[] {1.0, -2.0}, Dtype.FLOAT16, body, 0);
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate?dtype=float16")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(body).exchange();

        assertThat(result).hasStatus(200).hasHeader("X-Shape", "2");
        assertThat(result.getResponse().getContentAsByteArray()).containsExactly(0x00, 0x3c, 0x00, 0x00);
    }

    @Test
    void aBatchNpyShouldBeAnsweredAsNpyOfTheAnswersShape() {
        // v1-f2-batch.npy: NumPy's float16 array of shape (4, 2); v2-f4-batch.npy: float32, (2, 4), format 2.0
        MvcTestResult result = mvc.post().uri("/api/v1/activations/softmax/derivative")
                .contentType(NPY).content(NpyFormatTest.resource("v1-f2-batch.npy")).exchange();
        MvcTestResult values = mvc.post().uri("/api/v1/activations/glu/evaluate")
                .contentType(NPY).content(NpyFormatTest.resource("v2-f4-batch.npy")).exchange();

        assertThat(result).hasStatus(200).hasContentType(NPY).hasHeader("X-Shape", "4,2,2");
        byte[] answer = result.getResponse().getContentAsByteArray();
        NpyFormat.Header header = NpyFormat.readHeader(answer, 3);
        assertThat(header.dtype()).isEqualTo(Dtype.FLOAT16);
        assertThat(header.shape()).containsExactly(4, 2, 2);
        assertThat(answer.length - header.dataOffset()).isEqualTo(4 * 2 * 2 * 2);
        assertThat(values).hasStatus(200).hasHeader("X-Shape", "2,2");
        assertThat(NpyFormat.readHeader(values.getResponse().getContentAsByteArray()).shape()).containsExactly(2, 2);
    }

    @Test
    void prelusParameterGradientsShouldBeInTheJsonAnswerOfABinaryBody() {
        MvcTestResult raw = mvc.post().uri("/api/v1/activations/prelu/derivative")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(float64(-2, 3)).exchange();
        MvcTestResult json = mvc.post().uri("/api/v1/activations/prelu/derivative")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.APPLICATION_JSON)
                .content(float64(-2, 3)).exchange();

        assertThat(doubles(raw.getResponse().getContentAsByteArray())).containsExactly(0.25, 1.0);
        assertThat(json).hasStatus(200).hasContentType(MediaType.APPLICATION_JSON);
        JsonNode body = jsonMapper.readTree(json.getResponse().getContentAsByteArray());
        assertThat(body.get("parameterGradients").get("alpha").toString()).isEqualTo("[-2.0,0.0]");
        assertThat(body.get("dtype").asString()).isEqualTo("float64");
    }

    @ParameterizedTest(name = "{0} with Accept {1} → {2}")
    @CsvSource({
            "application/json, application/octet-stream, application/octet-stream",
            "application/json, application/x-npy, application/x-npy",
            "application/json, '*/*', application/json",
            "application/octet-stream, '', application/octet-stream",
            "application/octet-stream, application/json, application/json",
            "application/octet-stream, 'application/x-npy, application/json;q=0.5', application/x-npy",
            "application/octet-stream, 'application/json;q=0.2, application/x-npy;q=0.9', application/x-npy",
            "application/octet-stream, 'application/*', application/octet-stream",
            "application/x-npy, application/octet-stream, application/octet-stream",
            "application/x-npy, 'application/json, application/x-npy', application/x-npy"})
    void theAnswerShouldComeInTheRequestsFormatUnlessAcceptNamesAnother(String contentType, String accept,
                                                                         String answer) {
        byte[] body = switch (contentType) {
            case "application/json" -> "{\"x\": [1, 2]}".getBytes(StandardCharsets.UTF_8);
            case "application/x-npy" -> npy(Dtype.FLOAT64, 1, 2);
            default -> float64(1, 2);
        };
        var request = mvc.post().uri("/api/v1/activations/tanh/evaluate").contentType(contentType).content(body);
        MvcTestResult result = accept.isEmpty() ? request.exchange() : request.header("Accept", accept).exchange();

        assertThat(result).hasStatus(200).hasContentType(answer);
        byte[] bytes = result.getResponse().getContentAsByteArray();
        double[] expected = {Math.tanh(1), Math.tanh(2)};
        switch (answer) {
            case "application/json" -> assertThat(jsonMapper.readTree(bytes).get("values").get(1).asDouble())
                    .isEqualTo(expected[1]);
            case "application/x-npy" -> assertThat(RawFloats.read(bytes, NpyFormat.readHeader(bytes).dataOffset(), 2,
                    Dtype.FLOAT64)).containsExactly(expected);
            default -> assertThat(doubles(bytes)).containsExactly(expected);
        }
    }

    @Test
    void anAcceptOfNoneOfTheThreeShouldBe406() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/tanh/evaluate")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.TEXT_PLAIN).content(float64(1)).exchange();

        assertThat(result).hasStatus(406);
    }

    @Test
    void bfloat16AsNpyShouldBe406SinceNumpyHasNoSuchDtype() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/tanh/evaluate?dtype=bfloat16")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(NPY).content(new byte[] {0, 0x3f}).exchange();

        assertThat(result).hasStatus(406);
    }

    @Test
    void aJsonBatchShouldBeAnsweredAsA2dNpyOnRequest() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate").contentType(MediaType.APPLICATION_JSON)
                .accept(NPY).content("{\"x\": [[-1, 2, -3], [4, -5, 6]], \"dtype\": \"float32\"}").exchange();

        assertThat(result).hasStatus(200).hasContentType(NPY).hasHeader("X-Shape", "2,3");
        byte[] answer = result.getResponse().getContentAsByteArray();
        NpyFormat.Header header = NpyFormat.readHeader(answer);
        assertThat(header.dtype()).isEqualTo(Dtype.FLOAT32);
        assertThat(header.shape()).containsExactly(2, 3);
        assertThat(RawFloats.read(answer, header.dataOffset(), 6, Dtype.FLOAT32)).containsExactly(0, 2, 0, 4, 0, 6);
    }

    @Test
    void errorsShouldBeProblemDocumentsWhateverTheAccept() {
        MvcTestResult raw = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).accept(MediaType.APPLICATION_OCTET_STREAM)
                .content(new byte[3]).exchange();
        MvcTestResult npy = mvc.post().uri("/api/v1/activations/exponential/evaluate")
                .contentType(NPY).accept(NPY).content(npy(Dtype.FLOAT16, 12)).exchange();

        assertThat(raw).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(npy).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---- bad bodies ----

    @Test
    void anEmptyBodyShouldBe400() {
        problem(raw("relu", "", new byte[0]), 400, "x", "must not be empty");
        problem(npyRequest("relu", "", new byte[0]), 400, "x", "must not be empty");
        problem(npyRequest("relu", "", NpyFormatTest.resource("empty-f4.npy")), 400, "x", "shape (0,)");
    }

    @ParameterizedTest
    @CsvSource({"float64, 12", "float32, 6", "float16, 3", "bfloat16, 5"})
    void aBodyOfPartialElementsShouldBe400(String dtype, int bytes) {
        problem(raw("relu", "?dtype=" + dtype, new byte[bytes]), 400, "x",
                "not a whole number of " + dtype + " elements");
    }

    @Test
    void aNonFiniteInputShouldBe400NamingItsIndex() {
        problem(raw("relu", "", float64(0, 1, 2, 3, 4, Double.NaN, 6)), 400, "x[5]", "NaN or infinite");
        problem(raw("relu", "?dtype=float16", new byte[] {0, 0, 0, (byte) 0xfc}), 400, "x[1]", "NaN or infinite");
        problem(npyRequest("relu", "", NpyFormatTest.resource("nan-f4-batch.npy")), 400, "x[1][3]", "NaN or infinite");
    }

    @ParameterizedTest
    @CsvSource({
            "big-endian-f8.npy, big-endian",
            "int32.npy, not supported",
            "fortran-f8.npy, Fortran order",
            "three-dims-f8.npy, 3 dimensions",
            "scalar-f8.npy, 0 dimensions"})
    void npyFilesOutsideTheSubsetShouldBe400(String file, String why) {
        problem(npyRequest("relu", "", NpyFormatTest.resource(file)), 400, null, why);
    }

    @Test
    void malformedNpyShouldBe400() {
        byte[] good = NpyFormatTest.resource("v1-f8-vector.npy");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        byte[] badHeader = good.clone();
        badHeader[12] = '!';

        problem(npyRequest("relu", "", float64(1, 2)), 400, null, "magic");
        problem(npyRequest("relu", "", badHeader), 400, null, "malformed");
        problem(npyRequest("relu", "", truncated), 400, "x", "needs 64");
    }

    @Test
    void aDtypeQueryParameterShouldAgreeWithTheNpyFile() {
        problem(npyRequest("relu", "?dtype=float32", NpyFormatTest.resource("v1-f8-vector.npy")), 400, "dtype", "<f8");
        assertThat(npyRequest("relu", "?dtype=float64", NpyFormatTest.resource("v1-f8-vector.npy"))).hasStatus(200);
    }

    @Test
    void moreNumbersThanTheLimitShouldBe413() {
        problem(raw("relu", "", new byte[13 * 8]), 413, "x", "limit is 12");
        problem(npyRequest("relu", "", npy(Dtype.FLOAT64, new double[13])), 413, "x", "limit is 12");
        problem(mvc.post().uri("/api/v1/activations/softmax/derivative").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(new byte[5 * 8]).exchange(), 413, "x", "limit is 4");
    }

    @Test
    void aBodyBeyondTheBodyLimitShouldBe413() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(new byte[5000]).exchange();

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWrongContentTypeShouldBe415() {
        MvcTestResult result = mvc.post().uri("/api/v1/activations/relu/evaluate")
                .contentType(MediaType.TEXT_PLAIN).content(float64(1)).exchange();

        assertThat(result).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badQueryParametersShouldBe400NamingThem() {
        problem(raw("leaky_relu", "?alpha=abc", float64(1)), 400, "alpha", "finite number");
        problem(raw("leaky_relu", "?beta=1", float64(1)), 400, "beta", "beta");
        problem(raw("softplus", "?beta=-1", float64(1)), 400, "beta", "beta");
        problem(raw("relu", "?dtype=float8", float64(1)), 400, "dtype", "float64, float32");
        problem(raw("relu", "?dtype=float32&dtype=float64", float64(1)), 400, "dtype", "2 times");
    }

    @Test
    void aNonFiniteResultShouldBe422AsInJson() {
        problem(raw("exponential", "", float64(1, 710)), 422, "values[1]", "710.0");
        problem(npyRequest("exponential", "", npy(Dtype.FLOAT16, 1, 12)), 422, "values[1]", "12.0");
    }

    @Test
    void anOddLengthForAGatedUnitShouldBe400() {
        problem(raw("glu", "", float64(1, 2, 3)), 400, "x", "");
    }

    @Test
    void anUnknownActivationShouldBe404() {
        MvcTestResult result = raw("nope", "", float64(1));

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---- helpers ----

    private MvcTestResult raw(String name, String query, byte[] body) {
        return mvc.post().uri("/api/v1/activations/" + name + "/evaluate" + query)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(body).exchange();
    }

    private MvcTestResult npyRequest(String name, String query, byte[] body) {
        return mvc.post().uri("/api/v1/activations/" + name + "/evaluate" + query).contentType(NPY).content(body).exchange();
    }

    private void problem(MvcTestResult result, int status, String field, String detail) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ActivationControllerTest.assertNoInternals(result);
        JsonNode problem = jsonMapper.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("type").asString()).startsWith("urn:activation-lab:problem:");
        assertThat(problem.path("field").asString(null)).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    static byte[] float64(double... x) {
        ByteBuffer buffer = ByteBuffer.allocate(x.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    static double[] doubles(byte[] bytes) {
        return RawFloats.read(bytes, 0, bytes.length / 8, Dtype.FLOAT64);
    }

    /** A 1-D .npy file of the numbers (each a value of the dtype). */
    static byte[] npy(Dtype dtype, double... x) {
        byte[] header = NpyFormat.header(dtype, x.length);
        byte[] file = new byte[header.length + x.length * RawFloats.bytesPerElement(dtype)];
        System.arraycopy(header, 0, file, 0, header.length);
        RawFloats.write(x, dtype, file, header.length);
        return file;
    }
}
