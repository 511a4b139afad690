package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML page: escaped, grouped, and free of the secret. */
class SandboxPageTest {

    /** The sample catalog's escaping-stress name. */
    static final String STRESS = "Grandma's \"Extra\" Hot \\ </script><!-- & Co.\u2028 \uD83C\uDF36";

    private static SandboxServer server;
    private static String page;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start();
        String name = SandboxServer.JSON.writeValueAsString(STRESS);
        server.send("POST", "/api/js-events", "{\"visitor\":\"v-<b>\",\"page\":\"http://shop/?q=<i>\",\"calls\":[[\"setCartItem\","
                + "{\"product_id\":\"SKU-1\",\"category\":[\"sauces\"],\"name\":" + name + "}],"
                + "[\"sendConversion\",{\"cart_data\":{\"customer_order_number\":\"ORD-\\\"1\"}}],"
                + "[\"<img src=x onerror=alert(1)>\"]]}");
        page = server.get("/").body();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theProductNameIsShownEscaped() {
        assertTrue(page.contains("Grandma&#39;s \\&quot;Extra\\&quot; Hot \\\\ &lt;/script&gt;&lt;!-- &amp; Co."), page);
    }

    @Test
    void noMarkupFromTheDataSurvives() {
        assertFalse(page.contains("</script><!--") || page.contains("<img src=x") || page.contains("v-<b>") || page.contains("q=<i>"));
    }

    @Test
    void emojiArriveIntact() {
        assertTrue(page.contains("\uD83C\uDF36"));
    }

    @Test
    void thePageHasNoScriptAndACsp() throws Exception {
        HttpResponse<String> response = server.get("/");

        assertTrue(!response.body().contains("<script") && response.headers().firstValue("Content-Security-Policy")
                .orElse("").startsWith("default-src 'none'"));
    }

    @Test
    void visitorsAndOrdersAreListedAsFilters() {
        assertTrue(page.contains("href=\"/rejoiner-sandbox/?visitor=v-%3Cb%3E\"")
                && page.contains("href=\"/rejoiner-sandbox/?order=ORD-%221\""), page);
    }

    @Test
    void aFilteredPageShowsOnlyThatOrder() throws Exception {
        String filtered = server.get("/?order=ORD-%221").body();

        assertEquals(1, filtered.split("<tr id=\"event-").length - 1);
    }

    @Test
    void theSecretIsNotOnThePage() {
        assertFalse(page.contains(RejoinerSandbox.DEMO_API_SECRET));
    }
}
