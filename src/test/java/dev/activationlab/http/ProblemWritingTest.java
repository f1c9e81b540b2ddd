package dev.activationlab.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pieces that write problems where Spring MVC does not: JSON text, query names, Jackson messages. */
class ProblemWritingTest {

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    @Test
    void problemJsonShouldEscapeAndParseBack() {
        String json = ProblemJson.of(ProblemType.TOO_LARGE, 0, "a \"quoted\" \\ detail\nwith\u0001control",
                "/api/v1/x", "x[1]");

        JsonNode problem = jsonMapper.readTree(json);
        assertThat(problem.get("type").asString()).isEqualTo("urn:activation-lab:problem:too-large");
        assertThat(problem.get("title").asString()).isEqualTo("Request too large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).isEqualTo("a \"quoted\" \\ detail\nwith\u0001control");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/x");
        assertThat(problem.get("field").asString()).isEqualTo("x[1]");
    }

    @Test
    void problemJsonShouldLeaveOutUnknownMembersAndTakeAnExplicitStatus() {
        JsonNode problem = jsonMapper.readTree(ProblemJson.of(ProblemType.INVALID_REQUEST, 431, "too big", null, null));

        assertThat(problem.get("status").asInt()).isEqualTo(431);
        assertThat(problem.has("instance")).isFalse();
        assertThat(problem.has("field")).isFalse();
    }

    @Test
    void firstMalformedQueryParameterShouldNameIt() {
        assertThat(ProblemHandler.firstMalformedQueryParameter("points=5&from=%zz")).isEqualTo("from");
        assertThat(ProblemHandler.firstMalformedQueryParameter("al%zzpha=1")).isEqualTo("al%zzpha");
        assertThat(ProblemHandler.firstMalformedQueryParameter("alpha=%ff")).isEqualTo("alpha");
        assertThat(ProblemHandler.firstMalformedQueryParameter("alpha=%4")).isEqualTo("alpha");
        assertThat(ProblemHandler.firstMalformedQueryParameter("from=-1&to=%2B1&x=%C3%A9")).isNull();
        assertThat(ProblemHandler.firstMalformedQueryParameter(null)).isNull();
    }

    @Test
    void jacksonMessagesShouldLoseImplementationDetails() {
        assertThat(JsonPaths.stripImplementationDetails("Number value length (5000) exceeds the maximum allowed "
                + "(1000, from `StreamReadConstraints.getMaxNumberLength()`)"))
                .isEqualTo("Number value length (5000) exceeds the maximum allowed (1000)");
        assertThat(JsonPaths.stripImplementationDetails("Cannot deserialize value of type `java.lang.Double` from "
                + "String \"a\": not a valid `double` value"))
                .doesNotContain("`", "java.lang");
        assertThat(JsonPaths.stripImplementationDetails("Illegal character: enable `JsonReadFeature.X` to allow"))
                .isEqualTo("Illegal character");
        assertThat(JsonPaths.stripImplementationDetails("Unexpected end-of-input in VALUE_STRING"))
                .isEqualTo("Unexpected end-of-input in a string");
        assertThat(JsonPaths.stripImplementationDetails("failed in tools.jackson.core.json.ReaderBasedJsonParser"))
                .isEqualTo("failed in value");
    }
}
