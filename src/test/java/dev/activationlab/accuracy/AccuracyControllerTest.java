package dev.activationlab.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The accuracy oracle and the dtype of evaluate/derivative/curve over Spring MVC, with bad inputs. */
@ApiSliceTest(value = AccuracyController.class, properties = {
        "spring.mvc.problemdetails.enabled=false"})
class AccuracyControllerTest {


    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper jsonMapper;

    private MvcTestResult post(String name, String body) {
        return mvc.post().uri("/api/v1/activations/" + name + "/accuracy")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void measuresGeluTailAndRoundingErrors() {
        // mpmath (50 digits): gelu(-8.547739028930664) = -5.3646953026e-17, where the float32 ulp is 2^-78,
        // so 0 is off by 1.62e7 ULPs; gelu(1) = 0.84134474606..., whose float32 is 0.8413447737693787.
        MvcTestResult result = post("gelu", "{\"x\": [-8.547739028930664, 1], "
                + "\"values\": [0.0, 0.8413447737693787], \"derivatives\": [\"NaN\", 1.0833154916763306], "
                + "\"dtype\": \"float32\"}");
        assertThat(result).hasStatusOk();
        JsonNode body = jsonMapper.readTree(result.getResponse().getContentAsByteArray());
        assertThat(body.get("activation").asString()).isEqualTo("gelu");
        assertThat(body.get("dtype").asString()).isEqualTo("float32");
        JsonNode values = body.get("values");
        assertThat(values.get("ulpErrors").get(0).asDouble()).isBetween(1.62e7, 1.63e7);
        assertThat(values.get("ulpErrors").get(1).asDouble()).isLessThanOrEqualTo(0.5);
        assertThat(values.get("worst").get("index").asInt()).isZero();
        assertThat(values.get("worst").get("expected").asDouble()).isEqualTo(-5.364695413708177e-17);
        assertThat(values.get("correctlyRounded").asInt()).isEqualTo(1);
        assertThat(values.get("histogram").get(">256").asInt()).isEqualTo(1);
        JsonNode derivatives = body.get("derivatives");
        assertThat(derivatives.get("maxUlp").isNull()).isTrue();
        assertThat(derivatives.get("infinitelyWrong").asInt()).isEqualTo(1);
        assertThat(derivatives.get("worst").get("got").asString()).isEqualTo("NaN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown dtype | {\"x\": [1], \"values\": [0.5], \"dtype\": \"float8\"} | dtype",
        "float64 is no kernel dtype | {\"x\": [1], \"values\": [0.5], \"dtype\": \"float64\"} | dtype",
        "missing dtype | {\"x\": [1], \"values\": [0.5]} | dtype",
        "not a float32 | {\"x\": [1, 2], \"values\": [0.5, 0.1], \"dtype\": \"float32\"} | values[1]",
        "not a bfloat16 | {\"x\": [1], \"derivatives\": [1.001], \"dtype\": \"bfloat16\"} | derivatives[0]",
        "bad string | {\"x\": [1], \"values\": [\"inf\"], \"dtype\": \"float16\"} | values[0]",
        "boolean | {\"x\": [1], \"values\": [true], \"dtype\": \"float16\"} | values[0]",
        "length mismatch | {\"x\": [1, 2], \"values\": [0.5], \"dtype\": \"float32\"} | values",
        "neither array | {\"x\": [1], \"dtype\": \"float32\"} | values",
        "x beyond float16 | {\"x\": [1e6], \"values\": [1.0], \"dtype\": \"float16\"} | x[0]",
    })
    void badInputIsA400NamingTheField(String what, String body, String field) {
        MvcTestResult result = post("sigmoid", body);
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = jsonMapper.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("field").asString()).isEqualTo(field);
    }

    @Test
    void vectorValuedIsA422() {
        assertThat(post("softmax", "{\"x\": [1, 2], \"values\": [0.25, 0.75], \"dtype\": \"float32\"}"))
                .hasStatus(422);
    }
}
