package io.github.rejoinerbroadleaf.core;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;

/** Small shared pieces of the JSON trees of the value objects. */
final class JsonTrees {

    private JsonTrees() {
    }

    static void addCategory(List<String> categories, String category) {
        if (!Text.isBlank(category)) {
            categories.add(Text.clean(category));
        }
    }

    /** Always writes {@code category}, empty when unknown: the REST API lists it as required. */
    static void putCategories(ObjectNode o, List<String> categories) {
        ArrayNode a = o.putArray("category");
        for (String c : categories) {
            a.add(c);
        }
    }

    static ArrayNode itemsArray(Collection<CartItem> items) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(items.size());
        for (CartItem item : items) {
            a.add(item.toJson());
        }
        return a;
    }
}
