package dev.activationlab;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies built from a good example with some members replaced, for the bad-input tests. */
public final class JsonBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodies() {
    }

    /**
     * The JSON object {@code example} with the members of {@code {members}} put in place of its
     * own (the service refuses duplicate names, so a bad member cannot simply follow a good one).
     */
    public static String replacing(String example, String members) {
        ObjectNode body = (ObjectNode) JSON.readTree(example);
        body.setAll((ObjectNode) JSON.readTree("{" + members + "}"));
        return JSON.writeValueAsString(body);
    }
}
