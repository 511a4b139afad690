package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;

/** Rejoiner 2: {@code Authorization: Rejoiner KEY}; anything else gets 401. */
class RejoinerTwoTokenTest {

    private static final String CONVERT = "/api/v1/sandbox-site/customer/convert/";
    private static SandboxServer server;
    private static RejoinerApiClient client;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start();
        client = server.rejoiner2();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void theModulesConvertIsAccepted() {
        assertEquals(DeliveryOutcome.Kind.DELIVERED, client.convert(RejoinerOneSignatureTest.fullConversion()).kind());
    }

    @Test
    void theModulesOptInIsAccepted() {
        assertEquals(200, client.optIn("buyer@example.com").httpStatus());
    }

    @Test
    void theModulesPingIsAnswered200() {
        DeliveryOutcome outcome = client.ping();

        assertEquals(DeliveryOutcome.Kind.DELIVERED + " 200", outcome.kind() + " " + outcome.httpStatus());
    }

    @Test
    void aWrongKeyIsRefusedWith401() {
        try (RejoinerApiClient wrong = server.client(ApiGeneration.REJOINER_2, "wrong-key", null, Duration.ofSeconds(10))) {
            DeliveryOutcome outcome = wrong.cancel("buyer@example.com");

            assertEquals(DeliveryOutcome.Kind.CREDENTIALS + " 401", outcome.kind() + " " + outcome.httpStatus());
        }
    }

    @Test
    void aMissingAuthorizationIsRefusedWith401() throws Exception {
        assertEquals(401, server.send("POST", CONVERT, "{\"email\":\"buyer@example.com\"}",
                "Content-Type", "application/json").statusCode());
    }

    @Test
    void aRejoinerOneSignatureIsRefusedWith401() throws Exception {
        assertEquals(401, server.send("POST", CONVERT, "{\"email\":\"buyer@example.com\"}",
                "Authorization", "Rejoiner sandbox-key:c2lnbmF0dXJl", "Content-Type", "application/json").statusCode());
    }

    @Test
    void aPathWithoutTheTrailingSlashIsNotFound() throws Exception {
        assertEquals(404, server.send("POST", "/api/v1/sandbox-site/customer/convert", "{\"email\":\"buyer@example.com\"}",
                "Authorization", "Rejoiner sandbox-key", "Content-Type", "application/json").statusCode());
    }
}
