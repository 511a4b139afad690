package io.github.rejoinerbroadleaf.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helper: expected JSON written with single quotes, like the guide. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private Json() {
    }

    /** A tree of the same JSON text, so that int/long node types do not matter in comparisons. */
    static JsonNode normal(JsonNode node) {
        return parse(node.toString());
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("bad test JSON: " + json, e);
        }
    }
}
