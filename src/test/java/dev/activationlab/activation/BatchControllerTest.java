package dev.activationlab.activation;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Batches in JSON ({@code "x": [[..], [..]]}): each row answered as the same row sent alone, and
 * every bad batch. Limits are small so that they can be reached: 12 numbers, Jacobian rows of 4,
 * Jacobians of 16 numbers together (max(12, 4²)).
 */
@ApiSliceTest(value = ActivationController.class, properties = {
        "activation-lab.limits.max-vector-length=12",
        "activation-lab.limits.max-jacobian-length=4",
        "activation-lab.limits.max-body-size=4KB",
        "activation-lab.limits.max-curve-points=101"})
class BatchControllerTest {

    private static final String PROBLEM = "urn:activation-lab:problem:";


    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JsonMapper jsonMapper;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sigmoid     | float64  | [[-2, -0.5, 0], [0.5, 2, 40], [-800, 1e-3, 3]]
            leaky_relu  | float32  | [[-2, 0.1], [0, 3.3]]
            prelu       | bfloat16 | [[-2, 0.1, 7], [0, -3.3, 1]]
            gelu        | float16  | [[-2.2, 0.1], [0.7, -3.3], [1, 2]]
            softmax     | float64  | [[1000, 0], [1, 2], [-1, -1]]
            log_softmax | float32  | [[0, -1000], [0.5, 0.25]]
            softmin     | float16  | [[0.5, 1], [3, 2]]
            sparsemax   | float64  | [[0.1, 0.8, 0.2]]
            sparsemax   | float32  | [[0.1, 0.8], [2, 0], [0.5, 0.5]]
            glu         | float64  | [[1, 2, 3, 4], [-1, 0.5, 2, -3]]
            swiglu      | bfloat16 | [[1, 2], [-1, 0.5], [3, 3]]
            geglu       | float32  | [[0.3, -2, 1, 1.5]]
            """)
    void eachRowOfABatchShouldBeAnsweredAsThatRowAlone(String name, String dtype, String x) {
        JsonNode rows = jsonMapper.readTree(x);
        for (String endpoint : new String[] {"evaluate", "derivative"}) {
            JsonNode batch = json(post("/api/v1/activations/" + name + "/" + endpoint,
                    "{\"x\": " + x + ", \"dtype\": \"" + dtype + "\"}"), 200);
            assertThat(batch.get("activation").asString()).isEqualTo(name);
            assertThat(batch.get("dtype").asString()).isEqualTo(dtype);
            for (int r = 0; r < rows.size(); r++) {
                JsonNode alone = json(post("/api/v1/activations/" + name + "/" + endpoint,
                        "{\"x\": " + rows.get(r) + ", \"dtype\": \"" + dtype + "\"}"), 200);
                assertThat(batch.get("params")).isEqualTo(alone.get("params"));
                for (String field : new String[] {"values", "derivatives", "jacobian"}) {
                    assertThat(batch.has(field)).as(field).isEqualTo(alone.has(field));
                    if (alone.has(field)) {
                        assertThat(batch.get(field).size()).isEqualTo(rows.size());
                        assertThat(batch.get(field).get(r)).as("%s[%d]", field, r).isEqualTo(alone.get(field));
                    }
                }
                if (alone.has("parameterGradients")) {
                    assertThat(batch.get("parameterGradients").get("alpha").get(r))
                            .isEqualTo(alone.get("parameterGradients").get("alpha"));
                }
            }
        }
    }

    @Test
    void theDocumentedBatchExampleShouldBeWhatTheServiceAnswers() {
        JsonNode body = json(post("/api/v1/activations/softmax/evaluate", ActivationController.BATCH_EXAMPLE_REQUEST), 200);

        assertThat(body).isEqualTo(jsonMapper.readTree(ActivationController.BATCH_EXAMPLE_RESPONSE));
    }

    @Test
    void aBatchShouldKeepItsShapeWhenItHasOneRow() {
        JsonNode body = json(post("/api/v1/activations/relu/evaluate", "{\"x\": [[-1, 2]]}"), 200);

        assertThat(body.get("values")).isEqualTo(jsonMapper.readTree("[[0.0, 2.0]]"));
    }

    @Test
    void aVectorShouldStillBeAnsweredAsAVector() {
        JsonNode body = json(post("/api/v1/activations/softmax/derivative", "{\"x\": [0, 0]}"), 200);

        assertThat(body.get("jacobian")).isEqualTo(jsonMapper.readTree("[[0.25, -0.25], [-0.25, 0.25]]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ragged                    | {"x": [[1, 2], [3, 4], [5]]}          | x[2]    | 1 numbers but x[0] has 2
            ragged, longer            | {"x": [[1], [2, 3], [4, 5]]}          | x[1]    | 2 numbers but x[0] has 1
            null row                  | {"x": [[1, 2], null]}                 | x[1]    | must be an array of numbers
            empty rows                | {"x": [[], []]}                       | x[0]    | must not be empty
            non-finite                | {"x": [[1, 2], [3, 1e999]]}           | x[1][1] | not a finite number
            string in a row           | {"x": [[1, 2], [3, "4"]]}             | x[1][1] | expected a number
            number among rows         | {"x": [[1, 2], 3]}                    | x[1]    | Wrong type
            three dimensions          | {"x": [[[1]]]}                        | x[0][0] | Wrong type
            beyond float16            | {"x": [[1], [70000]], "dtype": "float16"} | x[1][0] | beyond the range of float16
            """)
    void badBatchesShouldBe400NamingTheFirstBadPlace(String label, String body, String field, String detail) {
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", body), 400);

        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    @Test
    void aGatedUnitShouldRefuseRowsOfOddLength() {
        JsonNode problem = problem(post("/api/v1/activations/glu/evaluate", "{\"x\": [[1, 2, 3], [4, 5, 6]]}"), 400);

        assertThat(problem.get("field").asString()).isEqualTo("x");
    }

    @Test
    void moreNumbersThanTheLimitInAllRowsShouldBe413() {
        // 15 numbers: more than max-vector-length (12), though each row is short
        String x = "[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]";
        JsonNode problem = problem(post("/api/v1/activations/relu/evaluate", "{\"x\": " + x + "}"), 413);

        assertThat(problem.get("field").asString()).isEqualTo("x");
        assertThat(problem.get("detail").asString()).contains("15 numbers in 3 rows", "limit is 12");
    }

    @Test
    void aJacobianRowBeyondMaxJacobianLengthShouldBe413() {
        JsonNode problem = problem(post("/api/v1/activations/softmax/derivative", "{\"x\": [[1, 2, 3, 4, 5]]}"), 413);

        assertThat(problem.get("detail").asString()).contains("limit for one row is 4");
    }

    @Test
    void jacobiansBeyondTheirBudgetTogetherShouldBe413WhileTheValuesAreGiven() {
        // 2 rows of 3: 18 Jacobian numbers > max(12, 4·4) = 16; their 6 values are well within 12.
        String body = "{\"x\": [[1, 2, 3], [4, 5, 6]]}";
        JsonNode problem = problem(post("/api/v1/activations/softmax/derivative", body), 413);
        json(post("/api/v1/activations/softmax/evaluate", body), 200);
        json(post("/api/v1/activations/softmax/derivative", "{\"x\": [[1, 2], [4, 5], [6, 7], [8, 9]]}"), 200);

        assertThat(problem.get("detail").asString()).contains("18 numbers", "limit is 16");
    }

    @Test
    void aNonFiniteResultShouldBe422NamingItsRowAndColumn() {
        JsonNode values = problem(post("/api/v1/activations/exponential/evaluate", "{\"x\": [[0, 1], [2, 710]]}"), 422);
        JsonNode derivatives = problem(post("/api/v1/activations/exponential/derivative",
                "{\"x\": [[0, 1], [710, 2]]}"), 422);

        assertThat(values.get("field").asString()).isEqualTo("values[1][1]");
        assertThat(values.get("detail").asString()).contains("x[1][1] = 710.0");
        assertThat(derivatives.get("field").asString()).isEqualTo("derivatives[1][0]");
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private JsonNode json(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return jsonMapper.readTree(result.getResponse().getContentAsByteArray());
    }

    private JsonNode problem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ActivationControllerTest.assertNoInternals(result);
        JsonNode problem = jsonMapper.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.get("type").asString()).startsWith(PROBLEM);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
