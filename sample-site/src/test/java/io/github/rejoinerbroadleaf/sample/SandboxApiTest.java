package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.sandbox.RejoinerSandbox;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample store runs in sandbox mode by default: the sandbox is mounted and the settings point at it. */
@ExtendWith(RunningStore.class)
class SandboxApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSandboxPageIsServedOutsideBroadleafsFilters(SampleStore store) throws Exception {
        HttpResponse<String> page = get(store, "/rejoiner-sandbox/");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Rejoiner sandbox</h1>"), page.body());
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "no store session: " + page.headers().map());
    }

    @Test
    void withoutKeysTheSettingsPointAtTheSandboxWithDemoKeys(SampleStore store) {
        RejoinerSettings settings = settings(store);
        String base = "http://localhost:" + store.port();

        assertEquals(RejoinerSandbox.DEMO_SITE_ID + " " + RejoinerSandbox.DEMO_API_KEY + " " + base + "/rejoiner-sandbox "
                        + base + "/rejoiner-sandbox/js/v4/rejoiner.lib.js " + base,
                settings.siteId() + " " + settings.apiKey() + " " + settings.apiUrl() + " " + settings.jsUrl() + " "
                        + settings.storeBaseUrl());
    }

    @Test
    void theConfiguredLibraryUrlServesTheStandIn(SampleStore store) throws Exception {
        HttpResponse<String> library = HTTP.send(HttpRequest.newBuilder(URI.create(settings(store).jsUrl())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, library.statusCode());
        assertTrue(library.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertTrue(library.body().contains("window.rejoinerSandbox = sandbox"), library.body());
    }

    @Test
    void aSignedConversionFromTheResolvedSettingsIsAcceptedAndListed(SampleStore store) throws Exception {
        RejoinerSettings s = settings(store);
        long since = JSON.readTree(get(store, "/rejoiner-sandbox/api/events").body()).get("lastId").asLong();
        LeadConversion conversion = LeadConversion.builder()
                .email("sandbox-test@example.com")
                .cartData(CartData.builder().cartValueCents(1499).cartItemCount(1).customerOrderNumber("SBX-1").build())
                .item(CartItem.builder().productId("SKU-1").name("Hot sauce").category("hot-sauces")
                        .unitPriceCents(1499).quantity(1).build())
                .build();

        DeliveryOutcome outcome;
        try (RejoinerApiClient client = new RejoinerApiClient(RejoinerApiConfig.builder()
                .generation(s.apiGeneration()).siteId(s.siteId()).apiKey(s.apiKey()).apiSecret(s.apiSecret())
                .baseUrl(s.apiUrl()).build())) {
            outcome = client.convert(conversion);
        }

        JsonNode events = JSON.readTree(get(store, "/rejoiner-sandbox/api/events?since=" + since).body()).get("events");
        assertEquals("DELIVERED valid 200 SBX-1 []", outcome.kind() + " " + events.get(0).get("auth").asText() + " "
                + events.get(0).get("status").asInt() + " " + events.get(0).get("orderNumber").asText() + " "
                + events.get(0).get("problems"), events.toString());
    }

    /** The settings now (not a snapshot cached while another test class had set real keys). */
    private static RejoinerSettings settings(SampleStore store) {
        RejoinerSettingsService service = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        service.invalidate();
        return service.current();
    }

    private static HttpResponse<String> get(SampleStore store, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + store.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
