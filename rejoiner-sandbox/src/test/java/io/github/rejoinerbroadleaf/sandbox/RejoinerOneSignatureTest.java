package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.CampaignType;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RequestSigner;

/** Rejoiner 1: the module's own signed requests pass; anything signed differently gets 403. */
class RejoinerOneSignatureTest {

    private static final String CONVERT = "/api/1.0/site/sandbox-site/lead/convert";
    private static SandboxServer server;
    private static RejoinerApiClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start();
        client = server.rejoiner1();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    static LeadConversion fullConversion() {
        return LeadConversion.builder()
                .email("buyer@example.com")
                .campaignType(CampaignType.ABANDONMENT)
                .cartData(CartData.builder().cartValueCents(4598).cartItemCount(2).customerOrderNumber("ORD-7")
                        .returnUrl("https://shop.example.com/orders/ORD-7").build())
                .item(CartItem.builder().productId("SKU-1").name("Hot \"sauce\" </script>").category("sauces")
                        .unitPriceCents(2299).quantity(2).productUrl("https://shop.example.com/p/1").build())
                .build();
    }

    @Test
    void theModulesConvertIsAccepted() {
        DeliveryOutcome outcome = client.convert(fullConversion());

        assertEquals(DeliveryOutcome.Kind.DELIVERED, outcome.kind(), outcome.toString());
    }

    @Test
    void theModulesCancelIsAccepted() {
        assertEquals(200, client.cancel("buyer@example.com").httpStatus());
    }

    @Test
    void theModulesUnsubscribeIsAccepted() {
        assertEquals(200, client.unsubscribe("buyer@example.com").httpStatus());
    }

    @Test
    void theModulesOptInIsAccepted() {
        assertEquals(200, client.optIn("buyer@example.com").httpStatus());
    }

    @Test
    void theModulesConnectionTestCountsAsReachable() {
        DeliveryOutcome outcome = client.ping();

        assertEquals(DeliveryOutcome.Kind.DELIVERED + " 404", outcome.kind() + " " + outcome.httpStatus());
    }

    @Test
    void theSignedPathIsTheFullRequestPathWithTheBasePrefix() throws Exception {
        client.cancel("prefix@example.com");

        assertEquals("/rejoiner-sandbox/api/1.0/site/sandbox-site/lead/cancel valid",
                server.newestEvent().get("path").asText() + " " + server.newestEvent().get("auth").asText());
    }

    @Test
    void aWrongSecretIsRefusedWith403() {
        try (RejoinerApiClient wrong = server.client(ApiGeneration.REJOINER_1, RejoinerSandbox.DEMO_API_KEY,
                "not-the-secret", Duration.ofSeconds(10))) {
            DeliveryOutcome outcome = wrong.convert(fullConversion());

            assertEquals(DeliveryOutcome.Kind.CREDENTIALS + " 403", outcome.kind() + " " + outcome.httpStatus());
        }
    }

    @Test
    void aWrongSecretFailsTheConnectionTest() {
        try (RejoinerApiClient wrong = server.client(ApiGeneration.REJOINER_1, RejoinerSandbox.DEMO_API_KEY,
                "not-the-secret", Duration.ofSeconds(10))) {
            assertEquals(DeliveryOutcome.Kind.CREDENTIALS, wrong.ping().kind());
        }
    }

    @Test
    void anUnknownApiKeyIsRefusedWith403() {
        try (RejoinerApiClient wrong = server.client(ApiGeneration.REJOINER_1, "other-key",
                RejoinerSandbox.DEMO_API_SECRET, Duration.ofSeconds(10))) {
            assertEquals(403, wrong.cancel("buyer@example.com").httpStatus());
        }
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        String signedFor = "{\"email\":\"buyer@example.com\"}";
        String auth = signer().authorization("POST", RejoinerSandbox.DEFAULT_PATH + CONVERT, bytes(signedFor));

        HttpResponse<String> response = server.send("POST", CONVERT, "{\"email\":\"other@example.com\"}",
                "Authorization", auth, "Content-Type", "application/json");

        assertEquals(403, response.statusCode());
    }

    @Test
    void aChangedPathIsRefused() throws Exception {
        String body = "{\"email\":\"buyer@example.com\"}";
        String auth = signer().authorization("POST", RejoinerSandbox.DEFAULT_PATH + "/api/1.0/site/sandbox-site/lead/cancel",
                bytes(body));

        HttpResponse<String> response = server.send("POST", CONVERT, body, "Authorization", auth,
                "Content-Type", "application/json");

        assertEquals(403, response.statusCode());
    }

    @Test
    void aPathSignedWithoutTheBasePrefixIsRefusedWithAHint() throws Exception {
        String body = "{\"email\":\"buyer@example.com\"}";
        String auth = signer().authorization("POST", CONVERT, bytes(body));

        HttpResponse<String> response = server.send("POST", CONVERT, body, "Authorization", auth,
                "Content-Type", "application/json");

        assertTrue(response.statusCode() == 403 && response.body().contains("without the base URL's prefix"),
                response.statusCode() + " " + response.body());
    }

    @Test
    void aMissingAuthorizationIsRefusedWith403() throws Exception {
        HttpResponse<String> response = server.send("POST", CONVERT, "{\"email\":\"buyer@example.com\"}",
                "Content-Type", "application/json");

        assertEquals(403, response.statusCode());
    }

    @Test
    void anInvalidPayloadIsAnswered400WithTheReasonsAsJson() {
        DeliveryOutcome outcome = client.send(LeadOperation.CONVERT, "{\"email\":\"buyer@example.com\",\"cart_data\":{\"cart_value\":45.98}}");

        assertTrue(outcome.kind() == DeliveryOutcome.Kind.REJECTED
                        && outcome.detail().contains("\"errors\":[\"cart_data.cart_value: must be an integer number of cents"),
                outcome.toString());
    }

    @Test
    void anUnknownSiteIdIsRefused() throws Exception {
        String path = "/api/1.0/site/other-site/lead/cancel";
        String body = "{\"email\":\"buyer@example.com\"}";
        String auth = signer().authorization("POST", RejoinerSandbox.DEFAULT_PATH + path, bytes(body));

        assertEquals(403, server.send("POST", path, body, "Authorization", auth, "Content-Type", "application/json").statusCode());
    }

    @Test
    void anUnknownOperationIsNotFound() throws Exception {
        String path = "/api/1.0/site/sandbox-site/lead/refund";
        String body = "{\"email\":\"buyer@example.com\"}";
        String auth = signer().authorization("POST", RejoinerSandbox.DEFAULT_PATH + path, bytes(body));

        assertEquals(404, server.send("POST", path, body, "Authorization", auth, "Content-Type", "application/json").statusCode());
    }

    @Test
    void theSecretAppearsNowhereInTheSandboxesOutput() throws Exception {
        String secret = RejoinerSandbox.DEMO_API_SECRET;
        client.send(LeadOperation.CONVERT, "{\"email\":\"leak@example.com\",\"promo\":\"" + secret + "\"}");
        try (RejoinerApiClient wrong = server.client(ApiGeneration.REJOINER_1, RejoinerSandbox.DEMO_API_KEY,
                "not-the-secret", Duration.ofSeconds(10))) {
            wrong.cancel("leak@example.com");
        }

        String everything = server.get("/api/events").body() + server.get("/").body() + server.get("/api/faults").body();

        assertTrue(!everything.contains(secret) && everything.contains("leak@example.com"));
    }

    private static RequestSigner signer() {
        return new RequestSigner(RejoinerSandbox.DEMO_API_KEY, RejoinerSandbox.DEMO_API_SECRET);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
