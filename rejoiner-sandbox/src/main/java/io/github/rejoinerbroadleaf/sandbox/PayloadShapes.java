package io.github.rejoinerbroadleaf.sandbox;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.rejoinerbroadleaf.core.RejoinerFormats;

/**
 * The value shapes of Rejoiner's integration guide that several calls share: cart data, cart items
 * (where custom fields are allowed), product ids, categories, campaign types, e-mail addresses,
 * cents, counts and URLs, plus the checks {@link PayloadRules} builds on. Stateless; each method
 * adds what it finds to a {@link Findings} under the given JSON path. (A little over 300 lines: one
 * short method per shape of the guide; splitting them would scatter rules that are read together.)
 */
final class PayloadShapes {

    static final Set<String> CAMPAIGN_TYPES = set("abandonment", "conversion");
    private static final Set<String> CART_DATA_KEYS = set("cart_value", "cart_item_count", "customer_order_number",
            "promo", "return_url");
    private static final Set<String> CART_ITEM_KEYS = set("product_id", "name", "description", "category", "price",
            "item_qty", "qty_price", "product_url", "image_url");

    private PayloadShapes() {
    }

    static Set<String> set(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(values)));
    }

    static void cartData(JsonNode data, String path, Findings f) {
        if (!object(data, path, f)) {
            return;
        }
        cents(data.get("cart_value"), join(path, "cart_value"), f);
        JsonNode itemCount = data.get("cart_item_count");
        if (itemCount != null) {
            count(itemCount, join(path, "cart_item_count"), f);
        }
        optionalString(data, path, "customer_order_number", f);
        optionalString(data, path, "promo", f);
        optionalUrl(data, path, "return_url", f);
        unknownKeys(data, path, CART_DATA_KEYS, "not a cart_data parameter (custom fields are for cart items)", f);
    }

    static void cartItems(JsonNode items, String path, Findings f) {
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            f.error(path, "must be an array of cart item objects, got " + kind(items));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            cartItem(items.get(i), path + "[" + i + "]", f);
        }
    }

    static void cartItem(JsonNode item, String path, Findings f) {
        if (!object(item, path, f)) {
            return;
        }
        productId(item, join(path, "product_id"), f);
        categories(item, join(path, "category"), f);
        optionalString(item, path, "name", f);
        optionalString(item, path, "description", f);
        JsonNode price = item.get("price");
        JsonNode qty = item.get("item_qty");
        JsonNode qtyPrice = item.get("qty_price");
        boolean priceOk = price != null && cents(price, join(path, "price"), f);
        boolean qtyOk = qty != null && count(qty, join(path, "item_qty"), f);
        boolean qtyPriceOk = qtyPrice != null && cents(qtyPrice, join(path, "qty_price"), f);
        if (priceOk && qtyOk && qtyPriceOk) {
            BigInteger expected = price.bigIntegerValue().multiply(qty.bigIntegerValue());
            if (!expected.equals(qtyPrice.bigIntegerValue())) {
                f.warning(join(path, "qty_price"), "is " + qtyPrice.asText() + " but price x item_qty = "
                        + price.asText() + " x " + qty.asText() + " = " + expected);
            }
        }
        optionalUrl(item, path, "product_url", f);
        optionalUrl(item, path, "image_url", f);
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!CART_ITEM_KEYS.contains(e.getKey())) {
                f.info(join(path, e.getKey()), "custom field" + (e.getValue().isTextual() ? ""
                        : " (" + kind(e.getValue()) + "; Rejoiner stores it as a string)"));
            }
        }
    }

    static void productId(JsonNode parent, String path, Findings f) {
        JsonNode id = parent.get("product_id");
        if (id == null || id.isNull()) {
            f.error(path, "is required");
        } else if (id.isNumber()) {
            f.warning(path, "should be a string, got number " + id.asText());
        } else if (!id.isTextual()) {
            f.error(path, "must be a string, got " + kind(id));
        } else if (id.asText().trim().isEmpty()) {
            f.error(path, "is blank");
        }
    }

    static void categories(JsonNode parent, String path, Findings f) {
        JsonNode category = parent.get("category");
        if (category == null || category.isNull()) {
            f.error(path, "is required (an array of category strings)");
        } else if (!category.isArray()) {
            f.error(path, "must be an array of strings, got " + kind(category));
        } else if (category.size() == 0) {
            f.warning(path, "is empty; Rejoiner cannot group this product");
        } else {
            stringArray(category, path, f);
        }
    }

    static void stringArray(JsonNode array, String path, Findings f) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                f.error(path + "[" + i + "]", "must be a string, got " + kind(element));
            } else if (element.asText().trim().isEmpty()) {
                f.warning(path + "[" + i + "]", "is blank");
            }
        }
    }

    static void campaignTypeValue(JsonNode value, String path, Findings f) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                campaignType(value.get(i), path + "[" + i + "]", f);
            }
        } else {
            campaignType(value, path, f);
        }
    }

    static void campaignType(JsonNode value, String path, Findings f) {
        if (!value.isTextual() || !CAMPAIGN_TYPES.contains(value.asText())) {
            f.error(path, "must be \"abandonment\" or \"conversion\", got "
                    + (value.isTextual() ? "'" + value.asText() + "'" : kind(value)));
        }
    }

    static void email(JsonNode parent, String path, Findings f) {
        JsonNode email = parent.get("email");
        if (email == null || email.isNull()) {
            f.error(path, "is required");
        } else if (!email.isTextual()) {
            f.error(path, "must be a string, got " + kind(email));
        } else if (!RejoinerFormats.isEmail(email.asText().trim())) {
            f.error(path, "is not an e-mail address");
        } else if (!email.asText().equals(email.asText().trim())) {
            f.warning(path, "has surrounding spaces");
        }
    }

    /** Cents: an integral JSON number, not negative. */
    static boolean cents(JsonNode value, String path, Findings f) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            f.error(path, "must be an integer number of cents, not a string ('" + value.asText() + "')");
            return false;
        }
        if (!value.isNumber()) {
            f.error(path, "must be an integer number of cents, got " + kind(value));
            return false;
        }
        if (!value.isIntegralNumber()) {
            f.error(path, "must be an integer number of cents (e.g. 4599 for $45.99), got " + value.asText());
            return false;
        }
        if (value.bigIntegerValue().signum() < 0) {
            f.error(path, "is negative");
            return false;
        }
        if (value.bigIntegerValue().compareTo(BigInteger.valueOf(RejoinerFormats.MAX_SAFE_INTEGER)) > 0) {
            f.warning(path, "is larger than JavaScript represents exactly");
        }
        return true;
    }

    /** A count (quantity): an integral JSON number, not negative. */
    static boolean count(JsonNode value, String path, Findings f) {
        if (value.isTextual()) {
            f.error(path, "must be an integer, not a string ('" + value.asText() + "')");
            return false;
        }
        if (!value.isIntegralNumber()) {
            f.error(path, "must be an integer, got " + (value.isNumber() ? value.asText() : kind(value)));
            return false;
        }
        if (value.bigIntegerValue().signum() < 0) {
            f.error(path, "is negative");
            return false;
        }
        if (value.bigIntegerValue().bitLength() > 31) {
            f.error(path, "is too large");
            return false;
        }
        return true;
    }

    static void optionalString(JsonNode parent, String key, Findings f) {
        optionalString(parent, "", key, f);
    }

    static void optionalString(JsonNode parent, String path, String key, Findings f) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull()) {
            textual(value, join(path, key), f);
        }
    }

    static void optionalUrl(JsonNode parent, String key, Findings f) {
        optionalUrl(parent, "", key, f);
    }

    static void optionalUrl(JsonNode parent, String path, String key, Findings f) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull() && textual(value, join(path, key), f)) {
            absoluteUrl(value.asText(), join(path, key), f);
        }
    }

    static void absoluteUrl(String url, String path, Findings f) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                f.warning(path, "should be an absolute http(s) URL, got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            f.warning(path, "is not a valid URL: '" + url + "'");
        }
    }

    static boolean textual(JsonNode value, String path, Findings f) {
        if (!value.isTextual()) {
            f.error(path.isEmpty() ? "[1]" : path, "must be a string, got " + kind(value));
            return false;
        }
        return true;
    }

    static boolean object(JsonNode value, String path, Findings f) {
        if (value == null || !value.isObject()) {
            f.error(path.isEmpty() ? "[1]" : path, "must be an object, got " + kind(value));
            return false;
        }
        return true;
    }

    static boolean requiredArgument(JsonNode arg, String what, Findings f) {
        if (arg == null || arg.isNull()) {
            f.error("[1]", "argument missing; expected " + what);
            return false;
        }
        return true;
    }

    static void unknownKeys(JsonNode object, String path, Set<String> known, String why, Findings f) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                f.error(join(path, name), "unknown key: " + why);
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A short description of a JSON value's type for messages. */
    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a decimal number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
