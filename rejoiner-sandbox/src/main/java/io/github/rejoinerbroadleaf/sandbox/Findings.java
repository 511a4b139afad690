package io.github.rejoinerbroadleaf.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What validation found in one request or call. Errors make Rejoiner answer 400 (REST) or drop
 * the call (JavaScript); warnings are accepted but probably not what the store meant; info notes
 * things worth knowing (custom fields).
 */
final class Findings {

    static final String ERROR = "error";
    static final String WARNING = "warning";
    static final String INFO = "info";

    /** One finding; {@code field} is a JSON path such as {@code cart_items[0].category}, or "" for the whole. */
    static final class Problem {
        final String level;
        final String field;
        final String message;

        Problem(String level, String field, String message) {
            this.level = level;
            this.field = field;
            this.message = message;
        }

        /** "field: message", or the message alone for the whole body. */
        String text() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }

    private final List<Problem> problems = new ArrayList<Problem>();

    void error(String field, String message) {
        problems.add(new Problem(ERROR, field, message));
    }

    void warning(String field, String message) {
        problems.add(new Problem(WARNING, field, message));
    }

    void info(String field, String message) {
        problems.add(new Problem(INFO, field, message));
    }

    boolean hasErrors() {
        return count(ERROR) > 0;
    }

    int count(String level) {
        int n = 0;
        for (Problem p : problems) {
            if (p.level.equals(level)) {
                n++;
            }
        }
        return n;
    }

    List<Problem> all() {
        return Collections.unmodifiableList(problems);
    }

    /** The texts of one level, in the order found. */
    List<String> texts(String level) {
        List<String> texts = new ArrayList<String>();
        for (Problem p : problems) {
            if (p.level.equals(level)) {
                texts.add(p.text());
            }
        }
        return texts;
    }

    ArrayNode toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Problem p : problems) {
            ObjectNode o = array.addObject();
            o.put("level", p.level);
            o.put("field", p.field);
            o.put("message", p.message);
        }
        return array;
    }
}
