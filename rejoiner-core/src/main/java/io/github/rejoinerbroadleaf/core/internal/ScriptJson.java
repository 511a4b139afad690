package io.github.rejoinerbroadleaf.core.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes JSON for the HTML script context with {@link ScriptSafeEscapes}. One shared, immutable
 * factory; a generator per render (Jackson recycles its buffers), walking the trees directly to
 * avoid the per-call serializer-provider setup of ObjectMapper. Raw text (the script around the
 * JSON) goes through the same generator so that everything lands in one buffer.
 */
public final class ScriptJson {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new ScriptSafeEscapes())
            .rootValueSeparator((String) null)
            .build();

    private static final ObjectMapper READER = new ObjectMapper();

    private static final boolean RECYCLERS_ARE_POOLED = hasReleaseToPool();

    private static boolean hasReleaseToPool() {
        try {
            BufferRecycler.class.getMethod("releaseToPool");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private ScriptJson() {
    }

    /** Writes JSON (and raw text) into a generator. */
    public interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * Runs {@code body} on a generator and returns the text, the way ObjectMapper.writeValueAsString
     * does it: Jackson's segmented writer with recycled buffers, one String at the end.
     */
    public static String write(Body body) {
        // Jackson 2.16+ pools recyclers and wants them back; older versions (Spring Boot 2.7 manages
        // 2.13) keep one per thread and lack the method, which is then never called.
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                body.writeTo(g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen for an in-memory writer", e);
        } finally {
            if (RECYCLERS_ARE_POOLED) {
                recycler.releaseToPool();
            }
        }
    }

    /** Runs {@code body} on a generator writing to {@code out}. */
    public static void write(Writer out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            body.writeTo(g);
        }
    }

    /** Reads JSON written by this class (or any JSON) back into a tree. */
    public static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** The script-safe JSON string literal (with quotes) of {@code s}. */
    public static String quote(final String s) {
        return write(g -> g.writeString(s));
    }

    /** Writes {@code [name]} or {@code [name, argument]}. */
    public static void writeCall(JsonGenerator g, String name, JsonNode argument) throws IOException {
        g.writeStartArray();
        g.writeString(name);
        if (argument != null) {
            writeTree(g, argument);
        }
        g.writeEndArray();
    }

    /** Writes a tree of objects, arrays, strings, integral numbers, booleans and nulls. */
    public static void writeTree(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    g.writeFieldName(field.getKey());
                    writeTree(g, field.getValue());
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (int i = 0, n = node.size(); i < n; i++) {
                    writeTree(g, node.get(i));
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(node.textValue());
                break;
            case NUMBER:
                if (node.canConvertToLong() && node.isIntegralNumber()) {
                    g.writeNumber(node.longValue());
                } else {
                    g.writeNumber(node.decimalValue());
                }
                break;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                break;
            default:
                g.writeNull();
                break;
        }
    }
}
