package io.github.rejoinerbroadleaf.sample;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded catalog as a shopper sees it. */
@ExtendWith(RunningStore.class)
class CatalogPagesTest {

    /** The escaping-stress product's name, exactly as seeded. */
    static final String STRESS_NAME = "Grandma's \"Extra\" Hot \\ </script><!-- & Co.\u2028 \uD83C\uDF36 "
            + "\u041E\u0441\u0442\u0440\u044B\u0439 \u8FA3\u6912\u91AC";

    @Test
    void threeCategoriesHoldAtLeastTwelveProductsEachWithAnImageTheStoreServes(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        List<String> categoryUrls = shopper.get("/").document().select("a.category-link").eachAttr("href");
        assertEquals(3, categoryUrls.size(), "categories on the home page");

        Set<String> productUrls = new LinkedHashSet<>();
        Set<String> imageUrls = new LinkedHashSet<>();
        for (String categoryUrl : categoryUrls) {
            for (Element tile : shopper.get(categoryUrl).document().select(".product-tile")) {
                productUrls.add(tile.selectFirst("a.product-link").attr("href"));
                imageUrls.add(tile.selectFirst("img").attr("src"));
            }
        }
        assertTrue(productUrls.size() >= 12, "products: " + productUrls);
        HttpClient http = HttpClient.newHttpClient();
        for (String image : imageUrls) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + store.port() + image)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), image);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("image/"), image);
        }
    }

    @Test
    void aProductOnSaleShowsBothPrices(SampleStore store) throws Exception {
        Shopper.Page page = new Shopper(store).get("/hot-sauces/carolina-reaper-reserve");

        assertEquals("$14.99", page.text("#sale-price"));
        assertEquals("$19.99", page.text("#retail-price"));
    }

    @Test
    void theShirtOffersItsSizes(SampleStore store) throws Exception {
        Shopper.Page page = new Shopper(store).get("/merchandise/heat-clinic-tee");

        assertEquals(List.of("S", "M", "L"), page.document().select("#option-SIZE option").eachAttr("value"));
    }

    @Test
    void theEscapingStressProductRendersItsNameExactly(SampleStore store) throws Exception {
        Shopper.Page page = new Shopper(store).get("/hot-sauces/grandmas-extra-hot");

        assertEquals(200, page.status());
        assertEquals(STRESS_NAME, page.document().selectFirst("#product-name").wholeText());
        // The only script elements are the store's own cart.js and the Rejoiner tracking script (when
        // tracking is on): none came from the product's text.
        assertTrue(page.document().select("script").size() <= 2, "script elements: " + page.document().select("script"));
        for (Element script : page.document().select("script")) {
            assertTrue(script.attr("src").equals("/js/cart.js") && script.data().isEmpty()
                    || script.data().startsWith("\nvar _rejoiner = _rejoiner || [];"), "unexpected script: " + script);
        }
    }
}
