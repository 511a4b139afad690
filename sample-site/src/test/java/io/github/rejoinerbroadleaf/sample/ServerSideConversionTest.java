package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliveryMetrics;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.RequestSigner;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkout on the real store reaches a local fake Rejoiner as exactly one signed
 * {@code lead/convert}, and reloading the confirmation page sends nothing more.
 */
@ExtendWith(RunningStore.class)
class ServerSideConversionTest {

    private static final List<String> KEYS = List.of("rejoiner.apiGeneration", "rejoiner.siteId", "rejoiner.apiKey",
            "rejoiner.apiSecret", "rejoiner.apiUrl", "rejoiner.campaignType", "rejoiner.campaignIds");

    private final MockWebServer rejoiner = new MockWebServer();
    private RejoinerSettingsService settings;

    @BeforeEach
    void pointTheStoreAtAFakeRejoiner(SampleStore store) throws Exception {
        rejoiner.start();
        for (int i = 0; i < 5; i++) {
            rejoiner.enqueue(new MockResponse().setResponseCode(200));
        }
        System.setProperty("rejoiner.apiGeneration", "REJOINER_1");
        System.setProperty("rejoiner.siteId", "e2e-site");
        System.setProperty("rejoiner.apiKey", "e2e-key");
        System.setProperty("rejoiner.apiSecret", "e2e-secret");
        System.setProperty("rejoiner.apiUrl", rejoiner.url("/").toString());
        settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        settings.invalidate();
    }

    @AfterEach
    void restore() throws Exception {
        KEYS.forEach(System::clearProperty);
        settings.invalidate();
        rejoiner.shutdown();
    }

    @Test
    void aCheckoutIsConvertedOnceWithASignedCall(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        String orderNumber = shopper.placeOrder("convert@example.com", "/hot-sauces/habanero-hellfire", "1", "2");

        RecordedRequest convert = rejoiner.takeRequest(60, TimeUnit.SECONDS);
        assertNotNull(convert, "the conversion reached the fake Rejoiner");
        byte[] body = convert.getBody().readByteArray();
        assertEquals("POST", convert.getMethod());
        assertEquals("/api/1.0/site/e2e-site/lead/convert", convert.getPath());
        assertTrue(new RequestSigner("e2e-key", "e2e-secret")
                .verify(convert.getHeader("Authorization"), "POST", convert.getPath(), body), "signature");

        JsonNode json = new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8));
        assertEquals("convert@example.com", json.path("email").asText());
        assertEquals(orderNumber, json.path("cart_data").path("customer_order_number").asText());
        assertEquals(2198, json.path("cart_data").path("cart_value").asInt());
        assertEquals(2, json.path("cart_data").path("cart_item_count").asInt());
        JsonNode item = json.path("cart_items").get(0);
        assertEquals("1", item.path("product_id").asText());
        assertEquals(1099, item.path("price").asInt());
        assertEquals(2, item.path("item_qty").asInt());
        assertEquals(2198, item.path("qty_price").asInt());

        shopper.get("/confirmation/" + orderNumber);
        shopper.get("/confirmation/" + orderNumber);
        assertNull(rejoiner.takeRequest(3, TimeUnit.SECONDS), "nothing more is sent for the same order");
    }

    /**
     * The worker is woken once the checkout has saved the order, so the conversion leaves at once:
     * the worker never finds the order not yet submitted (which would put it back for the 1 s
     * recheck), and it does not wait for the next poll.
     */
    @Test
    void theConversionLeavesAsSoonAsTheCheckoutHasFinished(SampleStore store) throws Exception {
        DeliveryMetrics metrics = store.bean("blRejoinerConversionQueue", ConversionQueue.class).metrics();
        long deferredBefore = metrics.awaitingSubmission();
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/habanero-hellfire");
        shopper.post("/cart/add", "productId", "1", "quantity", "1");
        shopper.checkOut("fast@example.com");
        long completed = System.nanoTime();

        RecordedRequest convert = rejoiner.takeRequest(60, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - completed);

        assertNotNull(convert, "the conversion reached the fake Rejoiner");
        assertEquals(0, metrics.awaitingSubmission() - deferredBefore, "rows found before their order was submitted");
        assertTrue(waitedMillis < 1000, "sent " + waitedMillis + " ms after the checkout completed");
    }

    @Test
    void theConversionCarriesTheAppliedOfferCodeAndTheConfiguredCampaigns(SampleStore store) throws Exception {
        System.setProperty("rejoiner.campaignType", "conversion");
        System.setProperty("rejoiner.campaignIds", "cmp-7");
        settings.invalidate();
        Shopper shopper = new Shopper(store);
        shopper.get("/hot-sauces/habanero-hellfire");
        shopper.post("/cart/add", "productId", "1", "quantity", "2");
        shopper.get("/cart");
        shopper.post("/cart/promo", "promoCode", "HOT10");
        assertTrue(shopper.get("/cart").body().contains("HOT10"), "the offer code is applied");
        String orderNumber = shopper.checkOut("promo@example.com");

        RecordedRequest convert = rejoiner.takeRequest(60, TimeUnit.SECONDS);
        assertNotNull(convert, "the conversion reached the fake Rejoiner");
        JsonNode json = new ObjectMapper().readTree(convert.getBody().readUtf8());
        assertEquals(orderNumber, json.path("cart_data").path("customer_order_number").asText());
        assertEquals("HOT10", json.path("cart_data").path("promo").asText(), json.toString());
        assertEquals(1978, json.path("cart_data").path("cart_value").asInt(), "10 % off 21.98");
        assertEquals("conversion", json.path("campaign_type").asText(), json.toString());
        assertEquals("cmp-7", json.path("campaign_id").isArray() ? json.path("campaign_id").get(0).asText()
                : json.path("campaign_id").asText(), json.toString());
    }
}
