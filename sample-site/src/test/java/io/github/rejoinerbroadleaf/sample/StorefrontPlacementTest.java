package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Automatic placement on the sample store, whose templates have no Rejoiner line: every full page
 * (own {@code <body>}, or any of the four layouts) carries exactly one tracking script, as the last
 * element of its body; JSON, HTML fragments, redirects, the admin and the sandbox carry none.
 */
@ExtendWith(RunningStore.class)
class StorefrontPlacementTest {

    /** The first line of the base snippet: one per tracking script element. */
    static final String BASE_SNIPPET = "var _rejoiner = _rejoiner || [];";

    @Test
    void everyFullStorefrontPageCarriesTheScriptOnceAtTheEndOfItsBody(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        String email = "placement-" + System.nanoTime() + "@example.com";
        Map<String, Shopper.Page> pages = new LinkedHashMap<>();
        pages.put("register", shopper.get("/register"));
        shopper.post("/register", "customer.emailAddress", email, "customer.firstName", "Paula",
                "customer.lastName", "Placement", "password", "Secret123", "passwordConfirm", "Secret123");
        pages.put("home", shopper.get("/"));
        pages.put("category", shopper.get("/hot-sauces"));
        pages.put("search", shopper.get("/search?q=sauce"));
        pages.put("product", shopper.get("/hot-sauces/green-ghost"));
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        pages.put("cart", shopper.get("/cart"));
        pages.put("checkout", shopper.get("/checkout"));
        shopper.post("/checkout/savedetails", "emailAddress", email);
        shopper.post("/checkout/singleship", "address.firstName", "Paula", "address.lastName", "Placement",
                "address.addressLine1", "1 Main St", "address.city", "Austin", "address.state", "TX",
                "address.postalCode", "78701", "address.country", "US", "fulfillmentOptionId", "1");
        pages.put("confirmation", shopper.get(Shopper.location(shopper.post("/checkout/test-payment/complete"))));
        pages.put("account", shopper.get("/account/orders"));
        shopper.get("/logout");
        pages.put("login", shopper.get("/login"));

        pages.forEach((name, page) -> {
            assertEquals(200, page.status(), name);
            assertEquals(1, count(page.body(), BASE_SNIPPET), name + " carries one script:\n" + page.body());
            Element last = page.document().body().children().last();
            assertTrue(last != null && last.tagName().equals("script") && last.data().contains(BASE_SNIPPET),
                    name + ": the script is the body's last element:\n" + page.body());
        });
        assertTrue(pages.get("confirmation").document().body().hasClass("no-nav-layout"), "confirmation: no-nav layout");
        assertTrue(pages.get("account").document().body().hasClass("account-layout"), "account pages: account layout");
        assertTrue(pages.get("checkout").document().body().hasClass("checkout-layout"), "checkout layout");
    }

    @Test
    void pagesUseTheDemoStoresLayouts(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        assertTrue(shopper.get("/").document().body().hasClass("catalog-page"), "home renders its own body");
        assertTrue(shopper.get("/hot-sauces").document().body().hasClass("catalog-page"), "category renders its own body");
        assertTrue(shopper.get("/hot-sauces/green-ghost").document().body().hasClass("catalog-page"), "product renders its own body");
        assertTrue(shopper.get("/search?q=ghost").document().body().hasClass("catalog-page"), "search renders its own body");
        assertNotNull(shopper.get("/cart").document().selectFirst("body > main#content > .page.cart"), "cart: full page layout");
        shopper.get("/hot-sauces/green-ghost");
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        assertTrue(shopper.get("/checkout").document().body().hasClass("checkout-layout"), "checkout layout");
    }

    @Test
    void searchFindsProductsByName(SampleStore store) throws Exception {
        Shopper.Page page = new Shopper(store).get("/search?q=GHOST");

        assertEquals(200, page.status());
        assertEquals(1, page.document().select(".product-tile").size(), page.body());
        assertTrue(page.text(".product-tile .name").startsWith("Green Ghost"), page.body());
        assertNotNull(new Shopper(store).get("/search?q=no-such-thing").document().selectFirst("#no-results"));
    }

    @Test
    void addToCartByXhrAnswersJsonWithoutAScript(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/green-ghost");

        HttpResponse<String> added = shopper.postXhr("/cart/add", "application/json, text/javascript, */*; q=0.01",
                "productId", "2", "quantity", "2");

        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), added.headers().toString());
        assertTrue(added.body().contains("\"cartItemCount\":2"), added.body());
        assertFalse(added.body().contains("_rejoiner"), added.body());
        assertEquals("2", shopper.get("/cart").text("#cart-count"));
    }

    @Test
    void addToCartWithoutJavaScriptStillRedirectsToTheCart(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/green-ghost");

        HttpResponse<String> added = shopper.post("/cart/add", "productId", "2", "quantity", "1");

        assertEquals(302, added.statusCode());
        assertTrue(Shopper.location(added).endsWith("/cart"), Shopper.location(added));
        assertFalse(added.body().contains(BASE_SNIPPET));
    }

    @Test
    void cartChangesByXhrAnswerAnHtmlFragmentWithoutAScript(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/green-ghost");
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        shopper.post("/cart/add", "productId", "1", "quantity", "1");
        Shopper.Page cart = shopper.get("/cart");
        String ghostLine = cart.document().selectFirst("tr.cart-line[data-product-id=2]").attr("data-order-item-id");
        String otherLine = cart.document().selectFirst("tr.cart-line[data-product-id=1]").attr("data-order-item-id");

        HttpResponse<String> updated = shopper.postXhr("/cart/updateQuantity", "text/html, */*; q=0.01",
                "orderItemId", ghostLine, "productId", "2", "quantity", "3");
        assertFragment(updated);
        assertEquals("4", Jsoup.parse(updated.body()).selectFirst(".page.cart").attr("data-item-count"));

        HttpResponse<String> removed = shopper.postXhr("/cart/remove", "text/html, */*; q=0.01",
                "orderItemId", otherLine, "productId", "1");
        assertFragment(removed);
        assertEquals(1, Jsoup.parse(removed.body()).select("tr.cart-line").size());

        HttpResponse<String> promo = shopper.postXhr("/cart/promo", "text/html, */*; q=0.01", "promoCode", "HOT10");
        assertFragment(promo);
        Document withPromo = Jsoup.parse(promo.body());
        assertEquals("HOT10", withPromo.selectFirst(".applied-code").text(), promo.body());
        assertNotNull(withPromo.selectFirst("#cart-discount"), promo.body());
    }

    @Test
    void anUnknownOfferCodeIsRefusedWithAMessage(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/green-ghost");
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        shopper.get("/cart");

        HttpResponse<String> promo = shopper.postXhr("/cart/promo", "text/html, */*; q=0.01", "promoCode", "NOPE");

        assertFragment(promo);
        assertNotNull(Jsoup.parse(promo.body()).selectFirst("#promo-error"), promo.body());
    }

    @Test
    void theAdminAndTheSandboxCarryNoStoreScript(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);

        Shopper.Page adminLogin = shopper.get("/admin/login");
        assertEquals(200, adminLogin.status());
        assertEquals(0, count(adminLogin.body(), BASE_SNIPPET), adminLogin.body());
        Shopper.Page sandbox = shopper.get("/rejoiner-sandbox/");
        assertEquals(200, sandbox.status());
        assertEquals(0, count(sandbox.body(), BASE_SNIPPET), sandbox.body());
    }

    @Test
    void withAutomaticPlacementOffNoPageCarriesTheScript(SampleStore store) throws Exception {
        RejoinerSettingsService settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        System.setProperty("rejoiner.automaticPlacement", "false");
        settings.invalidate();
        try {
            Shopper shopper = new Shopper(store);
            Shopper.Page home = shopper.get("/");
            Shopper.Page product = shopper.get("/hot-sauces/green-ghost");

            assertEquals(200, home.status());
            assertEquals(0, count(home.body(), BASE_SNIPPET), home.body());
            assertEquals(0, count(product.body(), BASE_SNIPPET), product.body());
        } finally {
            System.clearProperty("rejoiner.automaticPlacement");
            settings.invalidate();
        }
    }

    private static void assertFragment(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Document fragment = Jsoup.parse(response.body());
        assertFalse(response.body().contains("<body"), "a fragment, not a page:\n" + response.body());
        assertNotNull(fragment.selectFirst(".page.cart"), response.body());
        assertEquals(0, count(response.body(), BASE_SNIPPET), response.body());
        assertFalse(response.body().contains("rejoiner-placement"), response.body());
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
