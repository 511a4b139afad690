package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shopper walks the real store in headless Chromium; after every step the test reads what the
 * page pushed onto {@code window._rejoiner} (the Rejoiner library itself is blocked, so the array
 * is exactly what the module's inline script rendered) and checks every call and value.
 *
 * <p>The store's own cart script ({@code js/cart.js}, which turns cart forms into XHRs) is blocked
 * too: this is the shopper without JavaScript, whose every cart change is a full page that must
 * carry the calls. The XHR path is tested by the end-to-end AJAX test.
 */
@ExtendWith(RunningStore.class)
class StorefrontTrackingBrowserTest {

    private static final String STRESS_ID = "6";
    private static final String TEE_ID = "7";
    private static final Map<String, String> SETTINGS = Map.of(
            "rejoiner.siteId", "browser-site",
            "rejoiner.domain", ".store.test",
            "rejoiner.conversionsEnabled", "false",
            "rejoiner.campaignType", "abandonment",
            "rejoiner.campaignIds", "cmp-1");

    /** The sample store's cart script, blocked so that every form posts as without JavaScript. */
    private static final String STORE_CART_SCRIPT = "*/js/cart.js";

    private final BrowserTrackingSettings tracking = new BrowserTrackingSettings(SETTINGS);
    private String libraryUrl;

    @BeforeEach
    void configureTracking(SampleStore store) {
        libraryUrl = tracking.apply(store);
    }

    @AfterEach
    void restore() {
        tracking.restore();
    }

    @Test
    void everyStepOfAShoppingTripTellsRejoinerExactlyWhatHappened(SampleStore store) throws Exception {
        String email = "tracy-" + System.nanoTime() + "@example.com";
        register(store, email, "Tracy");

        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of(libraryUrl, STORE_CART_SCRIPT))) {
            String base = browser.baseUrl() + "/";

            // Home: the base snippet only.
            browser.go("/");
            assertNames(browser.calls());
            assertTrue(browser.source().contains(libraryUrl), "the loader points at the configured library");

            // Product page of the escaping-stress product: one product view with its exact name.
            browser.go("/hot-sauces/grandmas-extra-hot");
            List<JsonNode> calls = assertNames(browser.calls(), "trackProductView");
            JsonNode view = calls.get(2).get(1);
            assertEquals(STRESS_ID, view.get("product_id").asText());
            assertEquals(CatalogPagesTest.STRESS_NAME, view.get("name").asText());
            assertEquals(List.of("Hot Sauces"), texts(view.get("category")));
            assertEquals(1234, view.get("price").asLong());
            assertEquals(base + "hot-sauces/grandmas-extra-hot", view.get("product_url").asText());
            assertEquals(base + "img/products/grandmas-extra-hot.svg", view.get("image_url").asText());

            // Add it: a new cart, then the cart itself.
            browser.submit(browser.find("#add-to-cart"));
            assertEquals("/cart", browser.currentPath());
            calls = assertNames(browser.calls(), "startNewOrder", "setCartData", "setCartItem");
            assertCartData(calls.get(3).get(1), 1234, 1, base);
            JsonNode stressItem = calls.get(4).get(1);
            assertEquals(STRESS_ID, stressItem.get("product_id").asText());
            assertEquals(CatalogPagesTest.STRESS_NAME, stressItem.get("name").asText());
            assertEquals(1234, stressItem.get("price").asLong());
            assertEquals(1, stressItem.get("item_qty").asInt());
            assertEquals(1234, stressItem.get("qty_price").asLong());
            assertEquals(base + "img/products/grandmas-extra-hot.svg", stressItem.get("image_url").asText());
            assertTrue(stressItem.get("description").asText().contains("</script><script>alert(1)</script>"));

            // The shirt in two sizes: one Rejoiner item, quantities summed, sizes as a custom field.
            browser.go("/merchandise/heat-clinic-tee");
            calls = assertNames(browser.calls(), "setCartData", "setCartItem", "trackProductView");
            assertEquals(TEE_ID, calls.get(4).get(1).get("product_id").asText());
            new Select(browser.find("#option-SIZE")).selectByValue("M");
            browser.submit(browser.find("#add-to-cart"));
            browser.go("/merchandise/heat-clinic-tee");
            new Select(browser.find("#option-SIZE")).selectByValue("L");
            browser.submit(browser.find("#add-to-cart"));
            calls = assertNames(browser.calls(), "setCartData", "setCartItem", "setCartItem");
            assertCartData(calls.get(2).get(1), 1234 + 3600, 3, base);
            JsonNode tee = item(calls, TEE_ID);
            assertEquals(1, item(calls, STRESS_ID).get("item_qty").asInt());
            assertEquals(TEE_ID, tee.get("product_id").asText());
            assertEquals("Heat Clinic T-Shirt", tee.get("name").asText());
            assertEquals(List.of("Merchandise"), texts(tee.get("category")));
            assertEquals(1800, tee.get("price").asLong());
            assertEquals(2, tee.get("item_qty").asInt());
            assertEquals(3600, tee.get("qty_price").asLong());
            assertEquals("M, L", tee.get("SIZE").asText());
            assertEquals(base + "merchandise/heat-clinic-tee", tee.get("product_url").asText());

            // Three of the sauce.
            WebElement stressLine = browser.find("tr.cart-line[data-product-id='" + STRESS_ID + "']");
            WebElement quantity = stressLine.findElement(By.cssSelector(".line-quantity"));
            quantity.clear();
            quantity.sendKeys("3");
            browser.submit(stressLine.findElement(By.cssSelector(".update-quantity")));
            calls = assertNames(browser.calls(), "setCartData", "setCartItem", "setCartItem");
            assertCartData(calls.get(2).get(1), 3 * 1234 + 3600, 5, base);
            assertEquals(3, item(calls, STRESS_ID).get("item_qty").asInt());
            assertEquals(3 * 1234, item(calls, STRESS_ID).get("qty_price").asLong());
            assertEquals(2, item(calls, TEE_ID).get("item_qty").asInt());

            // Remove the sauce: removeCartItem, then setCartData again, on this response only.
            stressLine = browser.find("tr.cart-line[data-product-id='" + STRESS_ID + "']");
            browser.submit(stressLine.findElement(By.cssSelector(".remove-line")));
            calls = assertNames(browser.calls(), "removeCartItem", "setCartData", "setCartItem");
            assertEquals(STRESS_ID, calls.get(2).get(1).get("product_id").asText());
            assertEquals(1, calls.get(2).get(1).size());
            assertCartData(calls.get(3).get(1), 3600, 2, base);
            browser.go("/");
            assertNames(browser.calls(), "setCartData", "setCartItem");

            // Log in: the customer becomes known once; the cart stays the same Rejoiner order.
            browser.go("/login");
            browser.type("#login-email", email);
            browser.type("#login-password", "Secret123");
            browser.submit(browser.find("#login-submit"));
            calls = assertNames(browser.calls(), "setCustomerEmail", "setCustomerData", "setCartData", "setCartItem");
            assertEquals(email, calls.get(2).get(1).get("email").asText());
            assertEquals("Tracy", calls.get(3).get(1).get("name").asText());
            assertEquals("en", calls.get(3).get(1).get("language").asText());

            // Account pages are not recorded as page views (default pattern /account/**).
            browser.go("/account/orders");
            assertNames(browser.calls(), "trackPageView", "setCartData", "setCartItem");
            assertFalse(browser.calls().get(2).get(1).asBoolean());

            // Checkout.
            browser.go("/checkout");
            assertNames(browser.calls(), "setCartData", "setCartItem");
            browser.type("#emailAddress", email);
            browser.submit(browser.find("#save-email"));
            browser.type("input[name='address.firstName']", "Tracy");
            browser.type("input[name='address.lastName']", "Tracker");
            browser.type("input[name='address.addressLine1']", "1 Main St");
            browser.type("input[name='address.city']", "Austin");
            new Select(browser.find("select[name='address.state']")).selectByValue("TX");
            browser.type("input[name='address.postalCode']", "78701");
            browser.submit(browser.find("#save-shipping"));
            assertNames(browser.calls(), "setCartData", "setCartItem");
            browser.submit(browser.find("#place-order"));

            // Confirmation: one conversion with the order's data; no clearCartData for a submitted order.
            assertTrue(browser.currentPath().startsWith("/confirmation/"), browser.currentPath());
            String orderNumber = browser.find("#order-number").getText();
            calls = assertNames(browser.calls(), "sendConversion");
            JsonNode conversion = calls.get(2).get(1);
            assertEquals(List.of("abandonment"), texts(conversion.get("campaign_type")));
            assertEquals(List.of("cmp-1"), texts(conversion.get("campaign_ids")));
            JsonNode cartData = conversion.get("cart_data");
            assertEquals(3600, cartData.get("cart_value").asLong());
            assertEquals(2, cartData.get("cart_item_count").asInt());
            assertEquals(orderNumber, cartData.get("customer_order_number").asText());
            assertFalse(cartData.has("promo"), "no offer codes were applied");
            assertTrue(cartData.get("return_url").asText().startsWith(base), cartData.toString());
            assertEquals(1, conversion.get("cart_items").size());
            JsonNode converted = conversion.get("cart_items").get(0);
            assertEquals(TEE_ID, converted.get("product_id").asText());
            assertEquals(2, converted.get("item_qty").asInt());
            assertEquals("M, L", converted.get("SIZE").asText());

            // Reloading (or coming back later) never converts again.
            browser.reload();
            assertNames(browser.calls());
            browser.go("/confirmation/" + orderNumber);
            assertNames(browser.calls());
            browser.go("/account/orders");
            assertNames(browser.calls(), "trackPageView");
        }
    }

    @Test
    void emptyingTheCartClearsTheRejoinerOrderOnce(SampleStore store) throws Exception {
        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of(libraryUrl, STORE_CART_SCRIPT))) {
            browser.go("/hot-sauces/habanero-hellfire");
            browser.submit(browser.find("#add-to-cart"));
            assertNames(browser.calls(), "startNewOrder", "setCartData", "setCartItem");

            browser.submit(browser.find("#empty-cart"));
            assertNames(browser.calls(), "clearCartData");
            browser.go("/");
            assertNames(browser.calls());
        }
    }

    private static void register(SampleStore store, String email, String firstName) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/register");
        HttpResponse<String> registered = shopper.post("/register",
                "customer.emailAddress", email, "customer.firstName", firstName,
                "customer.lastName", "Tracker", "password", "Secret123", "passwordConfirm", "Secret123");
        assertTrue(Shopper.isRedirect(registered.statusCode()), registered.statusCode() + "\n" + registered.body());
    }

    /** Asserts the base snippet (account, domain) followed by exactly these calls; returns all calls. */
    private static List<JsonNode> assertNames(List<JsonNode> calls, String... names) {
        List<String> expected = new ArrayList<>(List.of("setAccount", "setDomain"));
        expected.addAll(List.of(names));
        List<String> actual = calls.stream().map(c -> c.get(0).asText()).collect(Collectors.toList());
        assertEquals(expected, actual, "calls: " + calls);
        assertEquals("browser-site", calls.get(0).get(1).asText());
        assertEquals(".store.test", calls.get(1).get(1).asText());
        return calls;
    }

    /** The setCartItem argument for a product. */
    private static JsonNode item(List<JsonNode> calls, String productId) {
        return calls.stream().filter(c -> c.get(0).asText().equals("setCartItem"))
                .map(c -> c.get(1)).filter(i -> i.get("product_id").asText().equals(productId))
                .findFirst().orElseThrow(() -> new AssertionError("no setCartItem for " + productId + " in " + calls));
    }

    private static void assertCartData(JsonNode data, long cents, int count, String base) {
        assertEquals(cents, data.get("cart_value").asLong(), data.toString());
        assertEquals(count, data.get("cart_item_count").asInt(), data.toString());
        assertTrue(data.get("return_url").asText().startsWith(base), data.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
