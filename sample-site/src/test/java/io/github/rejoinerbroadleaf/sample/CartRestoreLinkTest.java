package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreServiceImpl;
import io.github.rejoinerbroadleaf.broadleaf.restore.RestoreKeyProvider;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.offer.service.OfferService;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cart restore links end to end: shopper A's cart becomes a signed link (made by the running store's
 * own {@code blRejoinerCartRestoreService}), and shopper B, a fresh browser without A's cookies,
 * opens it and finds the same lines in the cart.
 */
@ExtendWith(RunningStore.class)
class CartRestoreLinkTest {

    // ---- the happy path ----------------------------------------------------------------------

    @Test
    void anotherBrowserGetsTheSameLines(SampleStore store) throws Exception {
        Shopper a = new Shopper(store);
        a.get("/hot-sauces/habanero-hellfire");
        a.post("/cart/add", "productId", "1", "quantity", "2");
        a.post("/cart/add", "productId", "7", "quantity", "1", "itemAttributes[SIZE]", "M");
        a.post("/cart/add", "productId", "3", "quantity", "4");
        Map<String, String> cartOfA = lines(a.get("/cart"));
        assertEquals(3, cartOfA.size(), cartOfA.toString());

        String url = restoreUrlFor(store, a);

        assertTrue(url.matches("http://localhost:" + store.port() + "/rejoiner/cart/restore\\?t=[A-Za-z0-9_-]+"), url);
        Shopper b = new Shopper(store);
        Shopper.Page cart = b.get(url);
        assertEquals(200, cart.status());
        assertEquals(cartOfA, lines(cart));
        assertTrue(cart.document().select(".rejoiner-restore-message").isEmpty(), cart.body());
        assertEquals("7", b.get("/").text("#cart-count"));
    }

    @Test
    void theCartPagesTrackingCarriesTheRestoreLinkAsReturnUrl(SampleStore store) throws Exception {
        Shopper a = new Shopper(store);
        a.get("/merchandise/heat-clinic-tee");
        a.post("/cart/add", "productId", "7", "quantity", "2", "itemAttributes[SIZE]", "L");
        a.post("/cart/add", "productId", "9", "quantity", "1");
        Shopper.Page cartOfA = a.get("/cart");

        Matcher returnUrl = Pattern.compile("\"return_url\"\\s*:\\s*\"([^\"]+)\"").matcher(cartOfA.body());
        assertTrue(returnUrl.find(), "setCartData carries a return_url:\n" + cartOfA.body());
        String url = unescapeJs(returnUrl.group(1));
        assertTrue(url.startsWith("http://localhost:" + store.port() + "/rejoiner/cart/restore?t="), url);

        assertEquals(lines(cartOfA), lines(new Shopper(store).get(url)));
    }

    private static String unescapeJs(String s) {
        Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\(.)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(escape.group(1) != null
                    ? String.valueOf((char) Integer.parseInt(escape.group(1), 16)) : escape.group(2)));
        }
        escape.appendTail(out);
        return out.toString();
    }

    @Test
    void aRegisteredCustomersLinkRevealsNothingAboutThem(SampleStore store) throws Exception {
        Shopper a = new Shopper(store);
        a.get("/register");
        a.post("/register", "customer.emailAddress", "link-owner@example.com", "customer.firstName", "Linda",
                "customer.lastName", "Owner", "password", "Secret123", "passwordConfirm", "Secret123");
        a.get("/hot-sauces/green-ghost");
        a.post("/cart/add", "productId", "2", "quantity", "3");
        String url = restoreUrlFor(store, a);
        long customerId = customerIdOf(orderIdOf(a));

        assertFalse(url.contains("link-owner"), url);
        assertFalse(url.contains(Long.toString(customerId)) && !url.contains("t="), url);
        assertEquals(List.of("t"), List.of(URI.create(url).getQuery().replaceAll("=.*", "")));

        Shopper b = new Shopper(store);
        Shopper.Page cart = b.get(url);
        assertEquals(Map.of("2", "3"), lines(cart));
        assertFalse(cart.body().contains("Linda"), "B is not logged in as A");
        assertFalse(cart.body().contains("link-owner@example.com"));
        assertTrue(customerIdOf(orderIdOf(b)) != customerId, "B's cart belongs to B");
    }

    @Test
    void mergesIntoTheVisitorsCartAndIsIdempotent(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(RestoreLine.of(1L, 1L, 2), RestoreLine.of(3L, 3L, 1)), base(store));
        Shopper b = new Shopper(store);
        b.get("/hot-sauces/green-ghost");
        b.post("/cart/add", "productId", "2", "quantity", "1");
        b.post("/cart/add", "productId", "1", "quantity", "5");

        Map<String, String> merged = lines(b.get(url));

        // B's own line stays, the common line keeps the larger quantity, the new line is added
        assertEquals(Map.of("2", "1", "1", "5", "3", "1"), merged);
        assertEquals(merged, lines(b.get(url)), "opening the link again changes nothing");

        Shopper c = new Shopper(store);
        c.get("/hot-sauces/habanero-hellfire");
        c.post("/cart/add", "productId", "1", "quantity", "1");
        assertEquals(Map.of("1", "1"), lines(c.get("/cart")));
        assertEquals(Map.of("1", "2", "3", "1"), lines(c.get(url)), "a smaller quantity is raised to the link's");
    }

    @Test
    void quantitiesAreCapped(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(RestoreLine.of(4L, 4L, 5000)), base(store));
        assertEquals(Map.of("4", "99"), lines(new Shopper(store).get(url)));
    }

    @Test
    void unavailableProductsAreSkippedWithAMessage(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(
                RestoreLine.of(999999L, 999999L, 1),
                RestoreLine.of(13L, 13L, 1),
                RestoreLine.of(4L, 4L, 2)), base(store));
        setSkuEnd(13L, new Date(System.currentTimeMillis() - 86_400_000L));
        try {
            Shopper b = new Shopper(store);
            Shopper.Page cart = b.get(url);

            assertEquals(200, cart.status());
            assertEquals(Map.of("4", "2"), lines(cart));
            String messages = cart.document().select(".rejoiner-restore-message").text();
            assertTrue(messages.contains("An item from your saved cart is no longer available."), messages);
            assertTrue(messages.contains("Hot Sauce of the Month Box is no longer available"), messages);
        } finally {
            setSkuEnd(13L, null);
        }
    }

    // ---- the redirect ------------------------------------------------------------------------

    @Test
    void trackingParametersSurviveTheRedirect(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(RestoreLine.of(2L, 2L, 1)), base(store));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url
                        + "&utm_source=rejoiner&utm_campaign=cart%20abandon&rjid=abc123&rejoiner_email=x%26y"
                        + "&evil=1&next=https%3A%2F%2Fevil.example&utm_long=" + "x".repeat(300))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode());
        URI location = URI.create(Shopper.location(response));
        assertEquals("/cart", location.getPath());
        assertEquals("rejoiner_email=x%26y&rjid=abc123&utm_campaign=cart+abandon&utm_source=rejoiner",
                location.getRawQuery());
        HttpResponse<String> cart = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + store.port()).resolve(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(Map.of("2", "1"), lines(Jsoup.parse(cart.body())));
    }

    @Test
    void anInvalidPromoShowsAMessage(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(RestoreLine.of(2L, 2L, 1)), base(store));
        Shopper b = new Shopper(store);

        Shopper.Page cart = b.get(url + "&promo=NOSUCHCODE&utm_source=rejoiner");

        assertEquals(200, cart.status());
        assertEquals(Map.of("2", "1"), lines(cart));
        assertEquals("The promo code NOSUCHCODE is not valid.", cart.text(".rejoiner-restore-message"));

        Shopper.Page odd = new Shopper(store).get(url + "&promo=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals("The promo code is not valid.", odd.text(".rejoiner-restore-message"));
        assertFalse(odd.body().contains("<script>alert(1)"));
    }

    @Test
    void theOutcomeIsPlacedOnceAtTheStartOfTheCartPageWithoutATemplateLine(SampleStore store) throws Exception {
        String url = service().restoreUrl(List.of(RestoreLine.of(2L, 2L, 1)), base(store));
        Shopper b = new Shopper(store);

        Shopper.Page cart = b.get(url + "&promo=NOSUCHCODE");

        Element block = cart.document().body().child(0);
        assertEquals("rejoiner-restore-messages", block.className(), cart.body());
        assertEquals("status", block.attr("role"));
        assertEquals(1, cart.document().select(".rejoiner-restore-messages").size(), cart.body());
        assertEquals(1, cart.document().select(".rejoiner-restore-message").size(), cart.body());
        assertTrue(b.get("/cart").document().select(".rejoiner-restore-messages").isEmpty(), "only right after the link");
    }

    // ---- bad links ---------------------------------------------------------------------------

    @Test
    void badLinksAreRefusedAndLeaveTheCartAlone(SampleStore store) throws Exception {
        String good = service().restoreUrl(List.of(RestoreLine.of(5L, 5L, 3)), base(store));
        String token = good.substring(good.indexOf("t=") + 2);
        int middle = token.length() / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);

        Shopper b = new Shopper(store);
        b.get("/hot-sauces/green-ghost");
        b.post("/cart/add", "productId", "2", "quantity", "1");
        Map<String, String> before = lines(b.get("/cart"));
        assertEquals(Map.of("2", "1"), before);

        for (String bad : new String[] {tampered, token.substring(0, token.length() - 5), token + "AA", "garbage",
                "%3Cscript%3E", "x".repeat(5000), ""}) {
            Shopper.Page page = b.get("/rejoiner/cart/restore?t=" + bad);
            assertEquals(400, page.status(), bad);
            assertEquals("This cart link is not valid. Please check that you opened the whole link.",
                    page.text(".rejoiner-restore-message"));
            assertEquals(before, lines(page), "the cart shown is B's own, unchanged");
        }
        assertEquals(400, b.get("/rejoiner/cart/restore").status());
        assertEquals(before, lines(b.get("/cart")));
    }

    @Test
    void anExpiredLinkIsGone(SampleStore store) throws Exception {
        // The store's own collaborators, with a clock 31 days back: the link was issued then.
        CartRestoreService issuedLastMonth = new CartRestoreServiceImpl(
                running.bean("blRejoinerSettingsService", RejoinerSettingsService.class),
                running.bean("blRejoinerRestoreKeyProvider", RestoreKeyProvider.class),
                running.bean("blOrderService", OrderService.class),
                running.bean("blCatalogService", CatalogService.class),
                running.bean("blOfferService", OfferService.class),
                Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC));
        String expired = issuedLastMonth.restoreUrl(List.of(RestoreLine.of(5L, 5L, 1)), base(store));
        Shopper b = new Shopper(store);
        b.get("/hot-sauces/green-ghost");
        b.post("/cart/add", "productId", "2", "quantity", "1");

        Shopper.Page page = b.get(expired);

        assertEquals(410, page.status());
        assertEquals("This cart link has expired. Your cart has not been changed.", page.text(".rejoiner-restore-message"));
        assertEquals(Map.of("2", "1"), lines(b.get("/cart")));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static SampleStore running;

    @BeforeEach
    void remember(SampleStore store) {
        running = store;
    }

    private static CartRestoreService service() {
        return running.bean("blRejoinerCartRestoreService", CartRestoreService.class);
    }

    private static <T> T inTransaction(org.springframework.transaction.support.TransactionCallback<T> work) {
        return new TransactionTemplate(running.bean("blTransactionManager", PlatformTransactionManager.class)).execute(work);
    }

    private static String base(SampleStore store) {
        return "http://localhost:" + store.port();
    }

    /** The link the store makes for this shopper's cart, as Rejoiner would receive it. */
    private static String restoreUrlFor(SampleStore store, Shopper shopper) throws Exception {
        long orderId = orderIdOf(shopper);
        String url = inTransaction(status -> {
            Order cart = running.bean("blOrderService", OrderService.class).findOrderById(orderId);
            return service().restoreUrl(cart, store.baseUrl());
        });
        assertNotNull(url);
        return url;
    }

    private static long orderIdOf(Shopper shopper) throws Exception {
        Element line = shopper.get("/cart").document().selectFirst("tr.cart-line");
        assertNotNull(line, "the shopper has a cart line");
        try (Connection db = RunningStore.database();
             PreparedStatement query = db.prepareStatement("SELECT ORDER_ID FROM BLC_ORDER_ITEM WHERE ORDER_ITEM_ID = ?")) {
            query.setLong(1, Long.parseLong(line.attr("data-order-item-id")));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getLong(1);
            }
        }
    }

    private static long customerIdOf(long orderId) throws Exception {
        try (Connection db = RunningStore.database();
             PreparedStatement query = db.prepareStatement("SELECT CUSTOMER_ID FROM BLC_ORDER WHERE ORDER_ID = ?")) {
            query.setLong(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getLong(1);
            }
        }
    }

    private static void setSkuEnd(long skuId, Date end) {
        inTransaction(status -> {
            CatalogService catalog = running.bean("blCatalogService", CatalogService.class);
            Sku sku = catalog.findSkuById(skuId);
            sku.setActiveEndDate(end);
            catalog.saveSku(sku);
            return null;
        });
    }

    /** Cart lines as "productId[ options]" -> quantity. */
    private static Map<String, String> lines(Shopper.Page page) {
        return lines(page.document());
    }

    private static Map<String, String> lines(Document page) {
        Map<String, String> lines = new TreeMap<>();
        for (Element row : page.select("tr.cart-line")) {
            String options = row.select(".line-option").text();
            String key = row.attr("data-product-id") + (options.isEmpty() ? "" : " " + options);
            lines.put(key, row.selectFirst("input.line-quantity").val());
        }
        return lines;
    }
}
