package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end walk of issue 13 on the reshaped sample store, in headless Chromium with the
 * store's own JavaScript ({@code js/cart.js}: add to cart by XHR answered with JSON, quantity,
 * removal and offer code by XHR answered with HTML fragments) and no Rejoiner line in any template.
 * After each step, before any navigation, it reads {@code window._rejoiner} (the Rejoiner library
 * is blocked, so the array holds exactly what the page and the module's AJAX bootstrap pushed):
 * catalog pages carry the base snippet, the product page its view, every XHR cart change pushes its
 * exact calls within one second of the store's XHR completing, checkout pages carry the cart, the
 * confirmation converts once (with the offer code and the campaigns), account pages send
 * {@code trackPageView false}; no page has a JavaScript error or a second script.
 */
@ExtendWith(RunningStore.class)
class AjaxCartBrowserTest {

    private static final String HABANERO_ID = "1";
    private static final String TEE_ID = "7";
    private static final long PUSH_DEADLINE_MILLIS = 1000;
    private static final Map<String, String> SETTINGS = Map.of(
            "rejoiner.siteId", "ajax-browser-site",
            "rejoiner.domain", ".store.test",
            "rejoiner.conversionsEnabled", "false",
            "rejoiner.campaignType", "conversion",
            "rejoiner.campaignIds", "cmp-9");

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
    void everyPageAndEveryXhrCartChangeReachesRejoinerAtOnce(SampleStore store) throws Exception {
        String email = "ajax-walk-" + System.nanoTime() + "@example.com";
        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of(libraryUrl))) {
            browser.recordPageErrorsAndCartEvents();
            String base = browser.baseUrl() + "/";

            // Registration with the optional age and gender: the customer data carries both.
            page(browser, "/register");
            browser.type("#register-email", email);
            browser.type("#register-first-name", "Ajax");
            browser.type("#register-last-name", "Walker");
            browser.type("#register-age", "41");
            new Select(browser.find("#register-gender")).selectByValue("female");
            browser.type("#register-password", "Secret123");
            browser.type("#register-password-confirm", "Secret123");
            browser.submit(browser.find("#register-submit"));
            List<JsonNode> calls = assertPage(browser, "setCustomerEmail", "setCustomerData");
            JsonNode customer = calls.get(3).get(1);
            assertEquals(41, customer.get("age").asInt(), customer.toString());
            assertEquals("female", customer.get("gender").asText(), customer.toString());

            // Catalog pages (each renders its own <body>): the base snippet.
            page(browser, "/");
            assertPage(browser);
            page(browser, "/hot-sauces");
            assertPage(browser);
            page(browser, "/search?q=sauce");
            assertPage(browser);

            // Product page: its view. Then "Add to cart" by XHR (JSON answer): the new order, at once.
            page(browser, "/hot-sauces/habanero-hellfire");
            calls = assertPage(browser, "trackProductView");
            assertEquals(HABANERO_ID, calls.get(2).get(1).get("product_id").asText());
            List<JsonNode> pushed = xhr(browser, () -> browser.find("#add-to-cart").click(),
                    "startNewOrder", "setCartData", "setCartItem");
            assertEquals(1099, pushed.get(1).get(1).get("cart_value").asLong());
            assertEquals(HABANERO_ID, pushed.get(2).get(1).get("product_id").asText());

            // A product with options, added by XHR: the fresh cart with both items.
            page(browser, "/merchandise/heat-clinic-tee");
            assertPage(browser, "setCartData", "setCartItem", "trackProductView");
            new Select(browser.find("#option-SIZE")).selectByValue("M");
            pushed = xhr(browser, () -> browser.find("#add-to-cart").click(), "setCartData", "setCartItem", "setCartItem");
            assertEquals(1099 + 1800, pushed.get(0).get(1).get("cart_value").asLong());
            assertEquals("M", item(pushed, TEE_ID).get("SIZE").asText());

            // The cart page: the cart, and no new order again.
            page(browser, "/cart");
            assertPage(browser, "setCartData", "setCartItem", "setCartItem");

            // Quantity by XHR (HTML fragment): a page view of the cart and the fresh cart.
            pushed = xhr(browser, () -> {
                WebElement q = line(browser, HABANERO_ID).findElement(By.cssSelector(".line-quantity"));
                q.clear();
                q.sendKeys("3");
                line(browser, HABANERO_ID).findElement(By.cssSelector(".update-quantity")).click();
            }, "addPageView", "setCartData", "setCartItem", "setCartItem");
            assertEquals(base + "cart", pushed.get(0).get(1).get("url").asText());
            assertEquals(3 * 1099 + 1800, pushed.get(1).get(1).get("cart_value").asLong());
            assertEquals(3, item(pushed, HABANERO_ID).get("item_qty").asInt());

            // Removal by XHR: removeCartItem, then setCartData again.
            pushed = xhr(browser, () -> line(browser, TEE_ID).findElement(By.cssSelector(".remove-line")).click(),
                    "addPageView", "removeCartItem", "setCartData", "setCartItem");
            assertEquals("{\"product_id\":\"" + TEE_ID + "\"}", pushed.get(1).get(1).toString());
            assertEquals(3 * 1099, pushed.get(2).get(1).get("cart_value").asLong());

            // Offer code by XHR: the discounted cart.
            pushed = xhr(browser, () -> {
                browser.type("#promo-code", "HOT10");
                browser.find("#apply-promo").click();
            }, "addPageView", "setCartData", "setCartItem");
            long discounted = pushed.get(1).get(1).get("cart_value").asLong();
            assertTrue(discounted < 3 * 1099 && discounted >= 3 * 1099 * 9 / 10, "10 % off: " + discounted);

            // Checkout pages (checkout layout): the cart.
            page(browser, "/checkout");
            assertPage(browser, "setCartData", "setCartItem");
            browser.type("#emailAddress", email);
            browser.submit(browser.find("#save-email"));
            assertPage(browser, "setCartData", "setCartItem");
            browser.type("input[name='address.firstName']", "Ajax");
            browser.type("input[name='address.lastName']", "Walker");
            browser.type("input[name='address.addressLine1']", "1 Main St");
            browser.type("input[name='address.city']", "Austin");
            new Select(browser.find("select[name='address.state']")).selectByValue("TX");
            browser.type("input[name='address.postalCode']", "78701");
            browser.submit(browser.find("#save-shipping"));
            assertPage(browser, "setCartData", "setCartItem");
            browser.submit(browser.find("#place-order"));

            // Confirmation (no-nav layout): one conversion with the offer code and the campaigns.
            assertTrue(browser.currentPath().startsWith("/confirmation/"), browser.currentPath());
            calls = assertPage(browser, "sendConversion");
            JsonNode conversion = calls.get(2).get(1);
            assertEquals("HOT10", conversion.get("cart_data").get("promo").asText(), conversion.toString());
            assertEquals(discounted, conversion.get("cart_data").get("cart_value").asLong());
            assertEquals(browser.find("#order-number").getText(), conversion.get("cart_data").get("customer_order_number").asText());
            assertEquals("[\"conversion\"]", conversion.get("campaign_type").toString());
            assertEquals("[\"cmp-9\"]", conversion.get("campaign_ids").toString());
            // A converted order links to the order (the registered shopper's order page), not to a cart refill.
            String returnUrl = conversion.get("cart_data").get("return_url").asText();
            assertTrue(returnUrl.endsWith("/account/orders/" + browser.find("#order-number").getText()), returnUrl);
            browser.reload();
            assertPage(browser);

            // Account pages (account layout): not page views.
            page(browser, "/account/orders");
            calls = assertPage(browser, "trackPageView");
            assertFalse(calls.get(2).get(1).asBoolean());
        }
    }

    @Test
    void aCartReplacedAfterALogoutIsClearedBeforeTheNewOrderStarts(SampleStore store) throws Exception {
        String email = "ajax-replaced-" + System.nanoTime() + "@example.com";
        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of(libraryUrl))) {
            browser.recordPageErrorsAndCartEvents();
            page(browser, "/register");
            browser.type("#register-email", email);
            browser.type("#register-first-name", "Rita");
            browser.type("#register-last-name", "Replaced");
            browser.type("#register-password", "Secret123");
            browser.type("#register-password-confirm", "Secret123");
            browser.submit(browser.find("#register-submit"));
            page(browser, "/hot-sauces/habanero-hellfire");
            xhr(browser, () -> browser.find("#add-to-cart").click(), "startNewOrder", "setCartData", "setCartItem");

            page(browser, "/logout");
            assertPage(browser); // the customer's cart is still theirs: nothing is cleared by the logout

            page(browser, "/merchandise/fire-mug");
            assertPage(browser, "trackProductView");
            List<JsonNode> pushed = xhr(browser, () -> browser.find("#add-to-cart").click(),
                    "clearCartData", "startNewOrder", "setCartData", "setCartItem");
            assertEquals(1, pushed.get(2).get(1).get("cart_item_count").asInt());

            page(browser, "/cart");
            assertPage(browser, "setCartData", "setCartItem"); // cleared once
        }
    }

    // ------------------------------------------------------------------ steps

    /** Loads a page and times later pushes onto its {@code _rejoiner}. */
    private static void page(StorefrontBrowser browser, String path) {
        browser.go(path);
    }

    /**
     * Asserts the current page: no JavaScript error, one tracking script, the base snippet followed
     * by exactly these calls. Returns all calls.
     */
    private static List<JsonNode> assertPage(StorefrontBrowser browser, String... names) throws Exception {
        assertEquals(List.of(), browser.pageErrors(), "JavaScript errors on " + browser.currentPath());
        String source = browser.source();
        assertEquals(1, count(source, StorefrontPlacementTest.BASE_SNIPPET), "one script on " + browser.currentPath());
        assertEquals(1, count(source, "var ep = "), "one AJAX bootstrap on " + browser.currentPath());
        List<JsonNode> calls = browser.calls();
        List<String> expected = new ArrayList<>(List.of("setAccount", "setDomain"));
        expected.addAll(List.of(names));
        assertEquals(expected, names(calls), "calls on " + browser.currentPath() + ": " + calls);
        assertEquals("ajax-browser-site", calls.get(0).get(1).asText());
        return calls;
    }

    /**
     * Performs a cart change that the store's script sends by XHR (the page stays), and returns the
     * calls pushed after it: exactly {@code names}, the last one within one second of the store's
     * XHR completing, and nothing more after them.
     */
    private static List<JsonNode> xhr(StorefrontBrowser browser, Runnable action, String... names) throws Exception {
        String url = (String) browser.script("return location.href;");
        int before = browser.calls().size();
        browser.script("window.__cartChangedAt = null; window.__lastPushAt = null;"
                + "var r = window._rejoiner; if (!r.__timed) { var push = r.push; r.__timed = true;"
                + " r.push = function () { window.__lastPushAt = performance.now(); return push.apply(r, arguments); }; }");
        action.run();
        List<JsonNode> pushed = awaitCalls(browser, before, names.length);
        assertEquals(List.of(names), names(pushed), "pushed after the XHR: " + pushed);
        assertEquals(url, browser.script("return location.href;"), "no navigation");
        Number changed = (Number) browser.script("return window.__cartChangedAt;");
        Number lastPush = (Number) browser.script("return window.__lastPushAt;");
        assertTrue(changed != null, "the store's script finished its XHR");
        double delay = lastPush.doubleValue() - changed.doubleValue();
        assertTrue(delay >= 0 && delay < PUSH_DEADLINE_MILLIS, "pushed " + delay + " ms after the store's XHR completed");
        assertNoMoreCalls(browser, before + names.length);
        assertEquals(List.of(), browser.pageErrors(), "JavaScript errors after the XHR");
        return pushed;
    }

    /** Polls until the page has {@code count} calls after the first {@code before} (5 s at most). */
    private static List<JsonNode> awaitCalls(StorefrontBrowser browser, int before, int count) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<JsonNode> calls = browser.calls();
        while (calls.size() < before + count && System.nanoTime() < deadline) {
            pause(20);
            calls = browser.calls();
        }
        return new ArrayList<>(calls.subList(Math.min(before, calls.size()), calls.size()));
    }

    /** The page keeps exactly {@code expected} calls for another 400 ms (nothing is pushed twice). */
    private static void assertNoMoreCalls(StorefrontBrowser browser, int expected) throws Exception {
        long until = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < until) {
            assertEquals(expected, browser.calls().size(), "calls: " + browser.calls());
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static WebElement line(StorefrontBrowser browser, String productId) {
        return browser.find("tr.cart-line[data-product-id='" + productId + "']");
    }

    private static JsonNode item(List<JsonNode> calls, String productId) {
        return calls.stream().filter(c -> c.get(0).asText().equals("setCartItem")).map(c -> c.get(1))
                .filter(i -> i.get("product_id").asText().equals(productId)).findFirst()
                .orElseThrow(() -> new AssertionError("no setCartItem for " + productId + " in " + calls));
    }

    private static List<String> names(List<JsonNode> calls) {
        return calls.stream().map(c -> c.get(0).asText()).collect(Collectors.toList());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
