package dev.activationlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed snapshot of the OpenAPI document, {@code docs/openapi.json}, is the document the
 * service serves: every change of the API shows in review as a diff of that file, and the Java
 * client of the build is generated from it.
 *
 * <p>Regenerate it after changing the API: {@code ./mvnw test -Dtest=OpenApiSnapshotTest
 * -Dopenapi.snapshot.update=true} (see docs/openapi.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("docs", "openapi.json");
    private static final String REGENERATE =
            "./mvnw test -Dtest=OpenApiSnapshotTest -Dopenapi.snapshot.update=true";

    @LocalServerPort
    private int port;

    @Test
    void liveDocumentShouldEqualTheCommittedSnapshot() throws Exception {
        String live = canonical(liveDocument());
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.writeString(SNAPSHOT, live, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(SNAPSHOT)) {
            fail(SNAPSHOT + " is missing; write it with: " + REGENERATE);
        }
        String committed = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
        if (!committed.equals(live)) {
            Path written = Path.of("target", "openapi-live.json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, live, StandardCharsets.UTF_8);
            fail("The OpenAPI document differs from " + SNAPSHOT + " (the live one is in " + written
                    + "; compare them with diff). If the change is meant, regenerate the snapshot with: "
                    + REGENERATE + " and commit it; the first difference is at line "
                    + firstDifferentLine(committed, live) + ".");
        }
    }

    @Test
    void canonicalFormShouldSortMembersAndKeepArrayOrder() {
        String json = canonical("{\"b\": [3, 1, 2], \"a\": {\"d\": null, \"c\": 0.19999999999999996}}");

        assertThat(json).isEqualTo("""
                {
                  "a": {
                    "c": 0.19999999999999996,
                    "d": null
                  },
                  "b": [
                    3,
                    1,
                    2
                  ]
                }
                """);
    }

    /**
     * The document in a stable text: members sorted by name at every level (springdoc's order of
     * paths and schemas follows class scanning), arrays in their order, two spaces of indentation,
     * one value a line, a final newline.
     */
    static String canonical(String json) {
        JsonMapper mapper = JsonMapper.builder().build();
        Object sorted = sorted(mapper.readTree(json));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return mapper.writer().with(printer).writeValueAsString(sorted) + "\n";
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> members = new TreeMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), sorted(member.getValue()));
            }
            return members;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(sorted(item));
            }
            return items;
        }
        return node;
    }

    private static int firstDifferentLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int line = 0;
        while (line < left.length && line < right.length && left[line].equals(right[line])) {
            line++;
        }
        return line + 1;
    }

    private String liveDocument() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
