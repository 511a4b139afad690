package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AJAX endpoint on the real store, over HTTP: cart changes posted the way a page's script posts
 * them ({@code X-Requested-With: XMLHttpRequest}) are answered by {@code GET /rejoiner/ajax-calls}
 * with the calls computed from the server's cart, once; the next full page does not repeat them.
 * And a cart replaced across a logout is cleared before the new order starts (issue 14, item 2).
 */
@ExtendWith(RunningStore.class)
class AjaxCartPushTest {

    static final String ENDPOINT = "/rejoiner/ajax-calls";
    private static final String HABANERO_ID = "1";
    private static final String GHOST_ID = "2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SETTINGS = Map.of(
            "rejoiner.siteId", "ajax-site",
            "rejoiner.conversionsEnabled", "false");

    private RejoinerSettingsService settings;

    @BeforeEach
    void configureTracking(SampleStore store) {
        SETTINGS.forEach(System::setProperty);
        settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        settings.invalidate();
    }

    @AfterEach
    void restore() {
        SETTINGS.keySet().forEach(System::clearProperty);
        settings.invalidate();
    }

    @Test
    void pagesCarryTheBootstrapAndTheEndpointAnswersJsonThatNoCacheKeeps(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        HttpResponse<String> first = shopper.getRaw(ENDPOINT);
        assertEquals(200, first.statusCode());
        assertEquals("[]", first.body(), "no session yet: nothing to tell");

        Shopper.Page home = shopper.get("/");
        assertTrue(home.body().contains("var ep = \"" + ENDPOINT + "\""), "the base snippet asks the endpoint");
        HttpResponse<String> push = shopper.getRaw(ENDPOINT);
        assertEquals(200, push.statusCode());
        assertEquals("[]", push.body(), "nothing changed since the page");
        assertEquals("no-store", push.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(push.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void cartChangesByXhrArePushedOnceAndTheNextPageDoesNotRepeatThem(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/habanero-hellfire");

        assertOk(shopper.xhrPost("/cart/add", "productId", HABANERO_ID, "quantity", "1"));
        List<JsonNode> added = push(shopper); // the add answers JSON: no page view
        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"), names(added));
        assertEquals(1099, added.get(1).get(1).get("cart_value").asLong());
        assertEquals(HABANERO_ID, added.get(2).get(1).get("product_id").asText());
        assertEquals(List.of(), push(shopper), "asked again: nothing new");

        assertOk(shopper.xhrPost("/cart/add", "productId", GHOST_ID, "quantity", "2"));
        List<JsonNode> second = push(shopper);
        assertEquals(List.of("setCartData", "setCartItem", "setCartItem"), names(second));
        assertEquals(1099 + 2 * 849, second.get(0).get(1).get("cart_value").asLong());

        Shopper.Page cart = shopper.get("/cart");
        assertEquals(List.of("setCartData", "setCartItem", "setCartItem"), names(pageCalls(cart)), "no startNewOrder again");

        assertOk(shopper.xhrPost("/cart/updateQuantity", "orderItemId", lineId(cart, GHOST_ID), "quantity", "3"));
        List<JsonNode> updated = push(shopper); // the cart fragment is a page view of the cart
        assertEquals(List.of("addPageView", "setCartData", "setCartItem", "setCartItem"), names(updated));
        assertEquals(1099 + 3 * 849, updated.get(1).get(1).get("cart_value").asLong());

        assertOk(shopper.xhrPost("/cart/remove", "orderItemId", lineId(cart, HABANERO_ID)));
        List<JsonNode> removed = push(shopper);
        assertEquals(List.of("addPageView", "removeCartItem", "setCartData", "setCartItem"), names(removed));
        assertEquals(HABANERO_ID, removed.get(1).get(1).get("product_id").asText());
        assertEquals(List.of("setCartData", "setCartItem"), names(pageCalls(shopper.get("/cart"))), "removed once");

        assertOk(shopper.xhrPost("/cart/promo", "promoCode", "HOT10"));
        List<JsonNode> promo = push(shopper);
        assertEquals(List.of("addPageView", "setCartData", "setCartItem"), names(promo));
        assertEquals(2547 - 255, promo.get(1).get(1).get("cart_value").asLong(), "10 % off 25.47 (2.547 rounds to 2.55)");

        assertOk(shopper.xhrPost("/cart/empty"));
        assertEquals(List.of("clearCartData"), names(push(shopper)), "Broadleaf answers an emptied cart with a redirect: no view");
        assertEquals(List.of(), names(pageCalls(shopper.get("/"))));
    }

    @Test
    void anXhrFragmentIsAPageViewOfThePageItCameFrom(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/habanero-hellfire");
        shopper.post("/cart/add", "productId", HABANERO_ID, "quantity", "1");
        Shopper.Page cart = shopper.get("/cart");

        HttpResponse<String> fragment = shopper.xhrPost("/cart/updateQuantity",
                "orderItemId", lineId(cart, HABANERO_ID), "quantity", "2");
        assertOk(fragment);
        List<JsonNode> calls = push(shopper);

        assertEquals("addPageView", calls.get(0).get(0).asText(), calls.toString());
        assertTrue(calls.get(0).get(1).get("url").asText().startsWith(store.baseUrl()), calls.toString());
    }

    @Test
    void aCartReplacedAfterALogoutIsClearedBeforeTheNewOrderStarts(SampleStore store) throws Exception {
        String email = "ajax-" + System.nanoTime() + "@example.com";
        Shopper shopper = new Shopper(store);
        shopper.get("/register");
        assertTrue(Shopper.isRedirect(shopper.post("/register", "customer.emailAddress", email,
                "customer.firstName", "Ada", "customer.lastName", "Jax", "password", "Secret123",
                "passwordConfirm", "Secret123").statusCode()));
        shopper.get("/hot-sauces/habanero-hellfire");
        shopper.post("/cart/add", "productId", HABANERO_ID, "quantity", "1");
        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"), names(cartCalls(pageCalls(shopper.get("/cart")))));

        shopper.get("/logout");
        assertEquals(List.of(), names(pageCalls(shopper.get("/"))), "the customer's cart is not cleared by a logout");
        shopper.get("/hot-sauces/green-ghost");
        assertOk(shopper.xhrPost("/cart/add", "productId", GHOST_ID, "quantity", "1"));

        assertEquals(List.of("clearCartData", "startNewOrder", "setCartData", "setCartItem"), names(push(shopper)));
        assertEquals(List.of("setCartData", "setCartItem"), names(pageCalls(shopper.get("/cart"))), "once");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertOk(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || Shopper.isRedirect(response.statusCode()),
                response.statusCode() + ": " + response.body());
    }

    static List<JsonNode> push(Shopper shopper) throws Exception {
        HttpResponse<String> response = shopper.getRaw(ENDPOINT, "X-Requested-With", "XMLHttpRequest");
        assertEquals(200, response.statusCode());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(response.body()).forEach(out::add);
        return out;
    }

    /** The calls about the cart (without the page views an XHR fragment adds). */
    private static List<JsonNode> cartCalls(List<JsonNode> calls) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : calls) {
            if (!c.get(0).asText().equals("addPageView")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The calls a full page's script pushes after the base snippet (setAccount). */
    static List<JsonNode> pageCalls(Shopper.Page page) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : page.body().split("\n")) {
            if (line.startsWith("_rejoiner.push([") && line.endsWith(");")) {
                JsonNode call = JSON.readTree(line.substring("_rejoiner.push(".length(), line.length() - 2));
                String name = call.get(0).asText();
                if (!name.equals("setAccount") && !name.equals("setDomain")) {
                    out.add(call);
                }
            }
        }
        return out;
    }

    static List<String> names(List<JsonNode> calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.get(0).asText()));
        return out;
    }

    private static String lineId(Shopper.Page cart, String productId) {
        Element line = cart.document().selectFirst("tr.cart-line[data-product-id='" + productId + "']");
        if (line == null) {
            throw new AssertionError("no cart line for product " + productId + ":\n" + cart.body());
        }
        return line.attr("data-order-item-id");
    }
}
