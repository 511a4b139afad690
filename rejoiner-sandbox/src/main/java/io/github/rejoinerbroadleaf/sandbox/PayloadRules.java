package io.github.rejoinerbroadleaf.sandbox;

import static io.github.rejoinerbroadleaf.sandbox.PayloadShapes.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
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
 *
 * <p>This class holds what each call takes; the shapes several calls share (cart data, cart items,
 * cents, e-mail, URLs) are in {@link PayloadShapes}.
 */
final class PayloadRules {

    /** The JavaScript API v4 call names, in the guide's order. */
    static final Set<String> JS_CALLS = Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(
            "setAccount", "setDomain", "setCartData", "setCartItem", "removeCartItem", "sendConversion",
            "startNewOrder", "clearCartData", "trackPageView", "addPageView", "trackProductView",
            "setCustomerData", "setCustomerEmail")));

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
}
