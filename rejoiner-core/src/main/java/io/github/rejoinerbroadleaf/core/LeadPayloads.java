package io.github.rejoinerbroadleaf.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * JSON bodies of the lead calls, as strings a delivery queue can store and later hand to
 * {@link LeadSender#send(LeadOperation, String)}. Plain compact JSON (no HTML escaping needed).
 */
public final class LeadPayloads {

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private LeadPayloads() {
    }

    /** Body of {@link LeadOperation#CONVERT}. */
    public static String conversion(LeadConversion conversion) {
        if (conversion == null) {
            throw new IllegalArgumentException("conversion is null");
        }
        return write(conversion.toJson());
    }

    /**
     * {@code {"email": ...}}, the body of CANCEL, UNSUBSCRIBE, OPT_IN (and of a bare CONVERT).
     *
     * @throws IllegalArgumentException when the address is missing or malformed (not in the message)
     */
    public static String email(String email) {
        String e = email == null ? null : email.trim();
        if (!Validation.isEmail(e)) {
            throw new IllegalArgumentException("email is missing or malformed");
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("email", e);
        return write(o);
    }

    private static String write(ObjectNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of strings and numbers", e);
        }
    }
}
