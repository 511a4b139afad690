package io.github.rejoinerbroadleaf.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.ScriptJson;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * One call of the Rejoiner JavaScript API v4, i.e. one {@code _rejoiner.push([name, argument])}.
 * Immutable; created only through the static factories, one per call of the guide.
 *
 * <p>Factories never throw. When their input is unusable (no product id, malformed e-mail,
 * URL that cannot be made absolute) they return a <em>skipped</em> command
 * ({@link #isSkipped()}) that renderers leave out, after one logged warning.
 */
public final class TrackingCommand {

    private static final TrackingCommand SKIPPED = new TrackingCommand(null, null, null);

    private final String name;
    private final JsonNode argument;
    /** The call as script-safe JSON ({@code [name, argument]}) when prerendered, else null. */
    private final String json;

    private TrackingCommand(String name, JsonNode argument, String json) {
        this.name = name;
        this.argument = argument;
        this.json = json;
    }

    private static TrackingCommand of(String name, JsonNode argument) {
        return new TrackingCommand(name, argument, null);
    }

    private static ObjectNode object(String key, String value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(key, value);
        return o;
    }

    /** {@code ['setAccount', siteId]}. Normally rendered by {@link TrackingScript} from its configuration. */
    public static TrackingCommand setAccount(String siteId) {
        String id = Validation.requiredId("setAccount site id", siteId);
        return id == null ? SKIPPED : of("setAccount", JsonNodeFactory.instance.textNode(id));
    }

    /** {@code ['setDomain', domain]}. Normally rendered by {@link TrackingScript} from its configuration. */
    public static TrackingCommand setDomain(String domain) {
        String d = Validation.requiredId("setDomain domain", domain);
        return d == null ? SKIPPED : of("setDomain", JsonNodeFactory.instance.textNode(d));
    }

    /** {@code ['setCartData', {...}]}; skipped when data is null. */
    public static TrackingCommand setCartData(CartData data) {
        return data == null ? SKIPPED : of("setCartData", data.toJson());
    }

    /** {@code ['setCartItem', {...}]}; skipped when the item has no product id. */
    public static TrackingCommand setCartItem(CartItem item) {
        return item == null || !item.hasProductId() ? SKIPPED : of("setCartItem", item.toJson());
    }

    /**
     * The usual cart page: {@code setCartData} followed by one {@code setCartItem} per item with a
     * product id. Use {@link CartData.Builder#cartItemCountFrom} for a consistent item count.
     */
    public static List<TrackingCommand> cart(CartData data, Collection<CartItem> items) {
        List<TrackingCommand> commands = new ArrayList<TrackingCommand>(1 + (items == null ? 0 : items.size()));
        if (data != null) {
            commands.add(setCartData(data));
        }
        if (items != null) {
            for (CartItem item : items) {
                TrackingCommand c = setCartItem(item);
                if (!c.isSkipped()) {
                    commands.add(c);
                }
            }
        }
        return Collections.unmodifiableList(commands);
    }

    /** {@code ['removeCartItem', {'product_id': ...}]}; re-send {@code setCartData} after it (guide). */
    public static TrackingCommand removeCartItem(String productId) {
        String id = Validation.requiredId("removeCartItem product_id", productId);
        return id == null ? SKIPPED : of("removeCartItem", object("product_id", id));
    }

    /** {@code ['sendConversion']} without argument. Prefer {@link #sendConversion(Conversion)}. */
    public static TrackingCommand sendConversion() {
        return of("sendConversion", null);
    }

    /** {@code ['sendConversion', {campaign_type, campaign_ids, cart_data, cart_items}]}. */
    public static TrackingCommand sendConversion(Conversion conversion) {
        return conversion == null ? sendConversion() : of("sendConversion", conversion.toJson());
    }

    /** {@code ['startNewOrder']}. */
    public static TrackingCommand startNewOrder() {
        return of("startNewOrder", null);
    }

    /** {@code ['clearCartData']}: detaches the session from its order and stops its campaigns. */
    public static TrackingCommand clearCartData() {
        return of("clearCartData", null);
    }

    /** {@code ['trackPageView', false]}: the library then does not record this page view. */
    public static TrackingCommand disablePageViewTracking() {
        return of("trackPageView", BooleanNode.FALSE);
    }

    /** {@code ['addPageView', {'url': ...}]} for an absolute URL; skipped otherwise. */
    public static TrackingCommand addPageView(String url) {
        return addPageView(url, UrlResolver.none());
    }

    /** {@code ['addPageView', {'url': ...}]}, a relative URL resolved with {@code urls}. */
    public static TrackingCommand addPageView(String url, UrlResolver urls) {
        String absolute = (urls == null ? UrlResolver.none() : urls).resolve("addPageView url", url);
        return absolute == null ? SKIPPED : of("addPageView", object("url", absolute));
    }

    /** {@code ['trackProductView', {...}]}; skipped when the view has no product id. */
    public static TrackingCommand trackProductView(ProductView view) {
        return view == null || !view.hasProductId() ? SKIPPED : of("trackProductView", view.toJson());
    }

    /** {@code ['setCustomerData', {...}]}; skipped when no field is valid. */
    public static TrackingCommand setCustomerData(CustomerData data) {
        return data == null || data.isEmpty() ? SKIPPED : of("setCustomerData", data.toJson());
    }

    /** {@code ['setCustomerEmail', {'email': ...}]}; skipped when the address is malformed. */
    public static TrackingCommand setCustomerEmail(String email) {
        String e = Validation.email(email);
        return e == null ? SKIPPED : of("setCustomerEmail", object("email", e));
    }

    /**
     * This command with its JSON rendered now, for a command that appears on many pages (the calls
     * of an unchanged cart): renderers copy the text instead of writing the tree again, and the
     * output is the same character for character. Returns this when skipped or already prerendered.
     */
    public TrackingCommand prerendered() {
        if (isSkipped() || json != null) {
            return this;
        }
        // Only the text is kept: a cached 20-line cart then takes ~9 KB instead of ~34 KB with its trees.
        return new TrackingCommand(name, null, ScriptJson.write(g -> ScriptJson.writeCall(g, name, argument)));
    }

    /** The prerendered call text for the renderers in this package, or null. */
    String prerenderedJson() {
        return json;
    }

    /** True for the placeholder returned for unusable input; renderers leave it out. */
    public boolean isSkipped() {
        return name == null;
    }

    /** The API call name, e.g. "setCartItem"; null when skipped. */
    public String name() {
        return name;
    }

    /**
     * A copy of the argument tree, or null for calls without argument. For a {@link #prerendered()}
     * command the tree is parsed back from its text: the same values, though an integer may come
     * back as another numeric node type.
     */
    public JsonNode argument() {
        if (json != null) {
            JsonNode call = ScriptJson.parse(json);
            return call.size() > 1 ? call.get(1) : null;
        }
        return argument == null ? null : argument.deepCopy();
    }

    /** The argument without copying, for the renderers in this package (they only read it). */
    JsonNode argumentTree() {
        return argument;
    }

    @Override
    public String toString() {
        if (isSkipped()) {
            return "TrackingCommand{skipped}";
        }
        if (json != null) {
            return "TrackingCommand" + json;
        }
        return "TrackingCommand[" + name + (argument == null ? "" : ", " + argument) + "]";
    }
}
