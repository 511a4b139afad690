package io.github.rejoinerbroadleaf.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reading request bodies as JSON, strictly: a duplicate key or trailing garbage is malformed (a
 * lenient parser would hide what Rejoiner may reject), and decimals stay exact so that
 * {@code 45.99} is reported as not a whole number of cents.
 */
final class JsonBodies {

    private static final int MAX_RAW_BODY_CHARS = 4000;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    ObjectMapper mapper() {
        return mapper;
    }

    /** The body as JSON (also set as the event's payload), or null after recording why it is not. */
    JsonNode parse(byte[] body, SandboxEvent.Builder e) {
        if (body.length == 0) {
            e.findings().error("", "the body is empty; expected JSON");
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            e.payload(node);
            return node;
        } catch (JsonProcessingException malformed) {
            e.findings().error("", "malformed JSON: " + malformed.getOriginalMessage());
            e.rawBody(shorten(new String(body, StandardCharsets.UTF_8)));
            return null;
        } catch (IOException unreadable) {
            e.findings().error("", "unreadable body");
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= MAX_RAW_BODY_CHARS ? s : s.substring(0, MAX_RAW_BODY_CHARS) + "...(truncated)";
    }

    /** A non-blank string value, else null. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().trim().isEmpty() ? node.asText() : null;
    }

    static ArrayNode strings(List<String> texts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String t : texts) {
            array.add(t);
        }
        return array;
    }
}
