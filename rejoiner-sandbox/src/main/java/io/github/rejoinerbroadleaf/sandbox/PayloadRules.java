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
 * The payload rules of Rejoiner's integration guide, for the REST lead calls and the JavaScript
 * API v4 calls. Stateless; each method adds what it finds to a {@link Findings}.
 *
 * <p>Custom fields are allowed only in cart items (the guide stores them as strings); an unknown
 * key anywhere else is an error, because Rejoiner would silently drop it (a typo such as
 * {@code cart_vaule} loses data).
 */
final class PayloadRules {

    /** The JavaScript API v4 call names, in the guide's order. */
    static final Set<String> JS_CALLS = Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(
            "setAccount", "setDomain", "setCartData", "setCartItem", "removeCartItem", "sendConversion",
            "startNewOrder", "clearCartData", "trackPageView", "addPageView", "trackProductView",
            "setCustomerData", "setCustomerEmail")));

    static final Set<String> CAMPAIGN_TYPES = set("abandonment", "conversion");
    private static final Set<String> CART_DATA_KEYS = set("cart_value", "cart_item_count", "customer_order_number",
            "promo", "return_url");
    private static final Set<String> CART_ITEM_KEYS = set("product_id", "name", "description", "category", "price",
            "item_qty", "qty_price", "product_url", "image_url");
    private static final Set<String> PRODUCT_VIEW_KEYS = set("product_id", "name", "category", "price",
            "product_url", "image_url");
    private static final Set<String> CONVERT_KEYS = set("email", "campaign_id", "campaign_type", "cart_data", "cart_items");
    private static final Set<String> EMAIL_ONLY_KEYS = set("email");
    private static final Set<String> SEND_CONVERSION_KEYS = set("campaign_type", "campaign_ids", "cart_data", "cart_items");
    private static final Set<String> CUSTOMER_DATA_KEYS = set("age", "gender", "language", "name");
    private static final Set<String> GENDERS = set("male", "female", "m", "f");
    private static final int MAX_AGE = 150;

    private final String siteId;

    /** @param siteId the site id {@code setAccount} must name */
    PayloadRules(String siteId) {
        this.siteId = siteId;
    }

    private static Set<String> set(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(values)));
    }

    // ---------------------------------------------------------------- REST

    /**
     * A lead call's body. {@code operation} is the wire name: convert, cancel, unsubscribe or opt_in.
     * Only convert takes more than {@code email}.
     */
    void leadBody(String operation, JsonNode body, Findings f) {
        if (body == null || !body.isObject()) {
            f.error("", "the body must be a JSON object, got " + kind(body));
            return;
        }
        email(body, "email", f);
        boolean convert = "convert".equals(operation);
        unknownKeys(body, "", convert ? CONVERT_KEYS : EMAIL_ONLY_KEYS,
                convert ? "not a lead/convert parameter" : "lead/" + operation + " takes only email", f);
        if (!convert) {
            return;
        }
        JsonNode campaignId = body.get("campaign_id");
        if (campaignId != null) {
            if (campaignId.isArray()) {
                stringArray(campaignId, "campaign_id", f);
            } else if (!campaignId.isTextual() || campaignId.asText().trim().isEmpty()) {
                f.error("campaign_id", "must be a campaign id string or an array of them, got " + kind(campaignId));
            }
        }
        JsonNode campaignType = body.get("campaign_type");
        if (campaignType != null) {
            campaignTypeValue(campaignType, "campaign_type", f);
        }
        JsonNode cartData = body.get("cart_data");
        if (cartData != null) {
            cartData(cartData, "cart_data", f);
        }
        cartItems(body.get("cart_items"), "cart_items", f);
    }

    // ---------------------------------------------------------------- JavaScript

    /**
     * One {@code _rejoiner.push} item, i.e. {@code [name]} or {@code [name, argument]}.
     *
     * @return the call name when the item names one, else null
     */
    String jsCall(JsonNode call, Findings f) {
        if (call == null || !call.isArray() || call.size() == 0) {
            f.error("", "each _rejoiner.push item must be an array [name, argument], got " + kind(call));
            return null;
        }
        JsonNode nameNode = call.get(0);
        if (!nameNode.isTextual()) {
            f.error("[0]", "the call name must be a string, got " + kind(nameNode));
            return null;
        }
        String name = nameNode.asText();
        if (call.size() > 2) {
            f.warning("", "only [name, argument] is read; " + (call.size() - 2) + " more element(s) ignored");
        }
        JsonNode arg = call.size() > 1 ? call.get(1) : null;
        if (!JS_CALLS.contains(name)) {
            f.error("[0]", "'" + name + "' is not a call of the JavaScript API v4 (known: " + JS_CALLS + ")");
            return name;
        }
        if ("setAccount".equals(name)) {
            if (requiredArgument(arg, "a site id string", f) && textual(arg, "[1]", f)) {
                if (arg.asText().trim().isEmpty()) {
                    f.error("[1]", "the site id is blank");
                } else if (!arg.asText().equals(siteId)) {
                    f.error("[1]", "'" + arg.asText() + "' is not this sandbox's site id");
                }
            }
        } else if ("setDomain".equals(name)) {
            if (requiredArgument(arg, "a domain string", f) && textual(arg, "[1]", f) && arg.asText().trim().isEmpty()) {
                f.warning("[1]", "the domain is blank");
            }
        } else if ("setCartData".equals(name)) {
            if (requiredArgument(arg, "an object", f)) {
                cartData(arg, "", f);
            }
        } else if ("setCartItem".equals(name)) {
            if (requiredArgument(arg, "an object", f)) {
                cartItem(arg, "", f);
            }
        } else if ("removeCartItem".equals(name)) {
            if (requiredArgument(arg, "{product_id: ...}", f) && object(arg, "", f)) {
                productId(arg, "product_id", f);
                unknownKeys(arg, "", set("product_id"), "removeCartItem takes only product_id", f);
            }
        } else if ("sendConversion".equals(name)) {
            if (arg == null || arg.isNull()) {
                f.info("", "sendConversion without cart_data and cart_items; the guide recommends sending both");
            } else {
                sendConversion(arg, f);
            }
        } else if ("startNewOrder".equals(name) || "clearCartData".equals(name)) {
            if (arg != null && !arg.isNull()) {
                f.warning("[1]", name + " takes no argument; it is ignored");
            }
        } else if ("trackPageView".equals(name)) {
            if (requiredArgument(arg, "false (or true)", f) && !arg.isBoolean()) {
                f.error("[1]", "must be a boolean, got " + kind(arg));
            }
        } else if ("addPageView".equals(name)) {
            if (requiredArgument(arg, "{url: ...}", f) && object(arg, "", f)) {
                JsonNode url = arg.get("url");
                if (url == null || url.isNull()) {
                    f.error("url", "is required");
                } else if (textual(url, "url", f)) {
                    absoluteUrl(url.asText(), "url", f);
                }
                unknownKeys(arg, "", set("url"), "addPageView takes only url", f);
            }
        } else if ("trackProductView".equals(name)) {
            if (requiredArgument(arg, "an object", f)) {
                productView(arg, f);
            }
        } else if ("setCustomerData".equals(name)) {
            if (requiredArgument(arg, "an object", f)) {
                customerData(arg, f);
            }
        } else if ("setCustomerEmail".equals(name)) {
            if (requiredArgument(arg, "{email: ...}", f) && object(arg, "", f)) {
                email(arg, "email", f);
                unknownKeys(arg, "", EMAIL_ONLY_KEYS, "setCustomerEmail takes only email", f);
            }
        }
        return name;
    }

    private void sendConversion(JsonNode arg, Findings f) {
        if (!object(arg, "", f)) {
            return;
        }
        unknownKeys(arg, "", SEND_CONVERSION_KEYS, "not a sendConversion parameter", f);
        JsonNode types = arg.get("campaign_type");
        if (types != null) {
            campaignTypeValue(types, "campaign_type", f);
        }
        JsonNode ids = arg.get("campaign_ids");
        if (ids != null) {
            if (ids.isArray()) {
                stringArray(ids, "campaign_ids", f);
            } else {
                f.error("campaign_ids", "must be an array of campaign id strings, got " + kind(ids));
            }
        }
        JsonNode cartData = arg.get("cart_data");
        if (cartData == null) {
            f.info("cart_data", "not sent; the guide recommends it for accurate conversions");
        } else {
            cartData(cartData, "cart_data", f);
        }
        cartItems(arg.get("cart_items"), "cart_items", f);
    }

    private void productView(JsonNode arg, Findings f) {
        if (!object(arg, "", f)) {
            return;
        }
        productId(arg, "product_id", f);
        categories(arg, "category", f);
        optionalString(arg, "name", f);
        cents(arg.get("price"), "price", f);
        optionalUrl(arg, "product_url", f);
        optionalUrl(arg, "image_url", f);
        unknownKeys(arg, "", PRODUCT_VIEW_KEYS, "not a trackProductView parameter (custom fields are for cart items)", f);
    }

    private void customerData(JsonNode arg, Findings f) {
        if (!object(arg, "", f)) {
            return;
        }
        JsonNode age = arg.get("age");
        if (age != null && count(age, "age", f) && age.asLong() > MAX_AGE) {
            f.error("age", "is out of range 0.." + MAX_AGE);
        }
        JsonNode gender = arg.get("gender");
        if (gender != null && textual(gender, "gender", f) && !GENDERS.contains(gender.asText())) {
            f.error("gender", "must be one of male, female, m, f, got '" + gender.asText() + "'");
        }
        JsonNode language = arg.get("language");
        if (language != null && textual(language, "language", f)) {
            String code = RejoinerFormats.languageCode(language.asText());
            if (code == null) {
                f.error("language", "'" + language.asText() + "' is not an ISO 639-1 or 639-2 code");
            } else if (!code.equals(language.asText())) {
                f.warning("language", "'" + language.asText() + "' should be sent as '" + code + "'");
            }
        }
        optionalString(arg, "name", f);
        unknownKeys(arg, "", CUSTOMER_DATA_KEYS, "not a setCustomerData parameter", f);
    }

    // ---------------------------------------------------------------- shared shapes

    private void cartData(JsonNode data, String path, Findings f) {
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

    private void cartItems(JsonNode items, String path, Findings f) {
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

    private void cartItem(JsonNode item, String path, Findings f) {
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

    private static void productId(JsonNode parent, String path, Findings f) {
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

    private static void categories(JsonNode parent, String path, Findings f) {
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

    private static void stringArray(JsonNode array, String path, Findings f) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                f.error(path + "[" + i + "]", "must be a string, got " + kind(element));
            } else if (element.asText().trim().isEmpty()) {
                f.warning(path + "[" + i + "]", "is blank");
            }
        }
    }

    private static void campaignTypeValue(JsonNode value, String path, Findings f) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                campaignType(value.get(i), path + "[" + i + "]", f);
            }
        } else {
            campaignType(value, path, f);
        }
    }

    private static void campaignType(JsonNode value, String path, Findings f) {
        if (!value.isTextual() || !CAMPAIGN_TYPES.contains(value.asText())) {
            f.error(path, "must be \"abandonment\" or \"conversion\", got "
                    + (value.isTextual() ? "'" + value.asText() + "'" : kind(value)));
        }
    }

    private static void email(JsonNode parent, String path, Findings f) {
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
    private static boolean cents(JsonNode value, String path, Findings f) {
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
    private static boolean count(JsonNode value, String path, Findings f) {
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

    private static void optionalString(JsonNode parent, String key, Findings f) {
        optionalString(parent, "", key, f);
    }

    private static void optionalString(JsonNode parent, String path, String key, Findings f) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull()) {
            textual(value, join(path, key), f);
        }
    }

    private static void optionalUrl(JsonNode parent, String key, Findings f) {
        optionalUrl(parent, "", key, f);
    }

    private static void optionalUrl(JsonNode parent, String path, String key, Findings f) {
        JsonNode value = parent.get(key);
        if (value != null && !value.isNull() && textual(value, join(path, key), f)) {
            absoluteUrl(value.asText(), join(path, key), f);
        }
    }

    private static void absoluteUrl(String url, String path, Findings f) {
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

    private static boolean textual(JsonNode value, String path, Findings f) {
        if (!value.isTextual()) {
            f.error(path.isEmpty() ? "[1]" : path, "must be a string, got " + kind(value));
            return false;
        }
        return true;
    }

    private static boolean object(JsonNode value, String path, Findings f) {
        if (value == null || !value.isObject()) {
            f.error(path.isEmpty() ? "[1]" : path, "must be an object, got " + kind(value));
            return false;
        }
        return true;
    }

    private static boolean requiredArgument(JsonNode arg, String what, Findings f) {
        if (arg == null || arg.isNull()) {
            f.error("[1]", "argument missing; expected " + what);
            return false;
        }
        return true;
    }

    private static void unknownKeys(JsonNode object, String path, Set<String> known, String why, Findings f) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                f.error(join(path, name), "unknown key: " + why);
            }
        }
    }

    private static String join(String path, String key) {
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
