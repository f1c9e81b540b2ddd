package dev.activationlab.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.activationlab.activation.ActivationRegistry;
import dev.activationlab.activation.BoundActivation;
import dev.activationlab.activation.ActivationCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain cases of {@code golden/gradients.json} (exact values rounded once), computed by
 * {@link GradientChain} directly, with the golden tolerance: relative 1e-12 or absolute 1e-300.
 * Cases whose activation is not in the catalogue yet are skipped, not failed.
 */
class GradientChainGoldenTest {

    private static final ActivationRegistry REGISTRY =
            new ActivationRegistry(ActivationCatalogue.all());

    static Stream<Arguments> chainCases() throws IOException {
        JsonNode root;
        try (InputStream in = GradientChainGoldenTest.class.getResourceAsStream("/golden/gradients.json")) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            if (c.get("path").asString().equals("/api/v1/gradients/chain") && c.get("status").asInt() == 200) {
                cases.add(Arguments.of(c.get("id").asString(), c));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chainCases")
    void chainMatchesGolden(String id, JsonNode c) {
        JsonNode body = c.get("body");
        String name = body.get("activation").asString();
        Map<String, Double> params = new HashMap<>();
        body.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asDouble()));
        BoundActivation bound = REGISTRY.bindScalar(name, params);
        int n = body.get("layers").asInt();
        double[] z = perLayer(body, "preActivations", "preActivation", n, 0.0);
        double[] w = perLayer(body, "weights", "weight", n, 1.0);

        ChainResult result = GradientChain.backward(bound.function(), z, w,
                body.path("vanishingThreshold").asDouble(1e-6), body.path("explodingThreshold").asDouble(1e6));

        JsonNode expected = c.get("expected");
        assertClose(result.inputGradient(), expected.get("inputGradient"), id + " inputGradient");
        assertClose(result.log10InputGradient(), expected.get("log10InputGradient"), id + " log10InputGradient");
        assertNullableInt(result.vanishedAfterLayers(), expected.get("vanishedAfterLayers"));
        assertNullableInt(result.explodedAfterLayers(), expected.get("explodedAfterLayers"));
        JsonNode perLayer = expected.get("perLayer");
        if (perLayer.isArray()) {
            assertThat(result.perLayer()).hasSize(perLayer.size());
            for (int i = 0; i < perLayer.size(); i++) {
                assertLayer(result.perLayer().get(i), perLayer.get(i), id + " perLayer[" + i + "]");
            }
        } else {
            assertThat(result.perLayer()).hasSize(perLayer.get("$length").asInt());
            perLayer.get("$items").properties().forEach(e -> {
                int i = Integer.parseInt(e.getKey());
                assertLayer(result.perLayer().get(i), e.getValue(), id + " perLayer[" + i + "]");
            });
        }
    }

    private static double[] perLayer(JsonNode body, String arrayField, String scalarField, int n, double fallback) {
        if (body.has(arrayField)) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = body.get(arrayField).get(i).asDouble();
            }
            return values;
        }
        double[] values = new double[n];
        Arrays.fill(values, body.path(scalarField).asDouble(fallback));
        return values;
    }

    private static void assertLayer(ChainLayer actual, JsonNode expected, String where) {
        assertThat(actual.layer()).as(where).isEqualTo(expected.get("layer").asInt());
        if (expected.has("localDerivative")) {
            assertClose(actual.localDerivative(), expected.get("localDerivative"), where + ".localDerivative");
        }
        assertClose(actual.gradient(), expected.get("gradient"), where + ".gradient");
        assertClose(actual.log10Gradient(), expected.get("log10Gradient"), where + ".log10Gradient");
    }

    private static void assertClose(Double actual, JsonNode expected, String where) {
        if (expected.isNull()) {
            assertThat(actual).as(where).isNull();
            return;
        }
        double e = expected.asDouble();
        assertThat(actual).as(where).isNotNull();
        double a = actual;
        double tolerance = Math.max(1e-12 * Math.max(Math.abs(a), Math.abs(e)), 1e-300);
        assertThat(Math.abs(a - e)).as(where + ": expected " + e + ", got " + a).isLessThanOrEqualTo(tolerance);
    }

    private static void assertNullableInt(Integer actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualTo(expected.asInt());
        }
    }
}
