package dev.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every backward and train case of {@code golden/training.json} (PyTorch float64 autograd and torch.optim on the
 * same network, data and minibatch order), sent to the controllers and compared with each case's
 * tolerance; the error cases must answer their status as a problem document.
 */
@ApiSliceTest(value = TrainingController.class)
class TrainingGoldenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    static Stream<JsonNode> cases() throws Exception {
        try (InputStream in = TrainingGoldenTest.class.getResourceAsStream("/golden/training.json")) {
            List<JsonNode> cases = new ArrayList<>();
            JSON.readTree(in).get("cases").forEach(cases::add);
            return cases.stream().filter(c -> c.get("path").asText().startsWith("/api/v1/networks/"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answerShouldMatchPyTorch(JsonNode testCase) throws Exception {
        String path = testCase.get("path").asText();
        MvcTestResult result = testCase.get("method").asText().equals("GET")
                ? mvc.get().uri(path).exchange()
                : mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(testCase.get("body"))).exchange();
        int status = testCase.get("status").asInt();
        assertThat(result).hasStatus(status);
        if (status >= 400) {
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            return;
        }
        JsonNode tolerance = testCase.get("tolerance");
        double rel = tolerance == null ? 1e-12 : tolerance.get("rel").asDouble();
        double abs = tolerance == null ? 1e-300 : tolerance.get("abs").asDouble();
        JsonNode actual = JSON.readTree(result.getResponse().getContentAsString());
        compare(testCase.get("expected"), actual, "$", rel, abs);
    }

    private static void compare(JsonNode expected, JsonNode actual, String at, double rel, double abs) {
        assertThat(actual).as(at).isNotNull();
        if (expected.isObject() && expected.has("$length")) {
            assertThat(actual.size()).as(at + " length").isEqualTo(expected.get("$length").asInt());
            for (Map.Entry<String, JsonNode> item : expected.get("$items").properties()) {
                int i = Integer.parseInt(item.getKey());
                compare(item.getValue(), actual.get(i), at + "[" + i + "]", rel, abs);
            }
        } else if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                compare(field.getValue(), actual.get(field.getKey()), at + "." + field.getKey(), rel, abs);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(at + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), at + "[" + i + "]", rel, abs);
            }
        } else if (expected.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertThat(Math.abs(a - e) <= rel * Math.max(Math.abs(a), Math.abs(e)) || Math.abs(a - e) <= abs)
                    .as("%s: expected %s, got %s", at, e, a).isTrue();
        } else {
            assertThat(actual).as(at).isEqualTo(expected);
        }
    }
}
