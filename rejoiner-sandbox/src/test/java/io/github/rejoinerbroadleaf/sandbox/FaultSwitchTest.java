package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;

/** The fault switch as the module's client sees it, and its CSRF-safe controls. */
class FaultSwitchTest {

    private SandboxServer server;
    private RejoinerApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(new RejoinerSandbox(RejoinerSandbox.DEMO_SITE_ID, RejoinerSandbox.DEMO_API_KEY,
                RejoinerSandbox.DEMO_API_SECRET, 100, 2000));
        client = server.rejoiner1();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void answer500IsTransient() {
        server.sandbox.setFault(FaultMode.ERROR_500);

        DeliveryOutcome outcome = client.cancel("a@example.com");

        assertEquals(DeliveryOutcome.Kind.TRANSIENT + " 500", outcome.kind() + " " + outcome.httpStatus());
    }

    @Test
    void answer403IsACredentialsProblem() {
        server.sandbox.setFault(FaultMode.FORBIDDEN_403);

        assertEquals(DeliveryOutcome.Kind.CREDENTIALS, client.cancel("a@example.com").kind());
    }

    @Test
    void aHangIsATimeoutForTheClient() {
        server.sandbox.setFault(FaultMode.HANG);
        try (RejoinerApiClient impatient = server.client(ApiGeneration.REJOINER_1, RejoinerSandbox.DEMO_API_KEY,
                RejoinerSandbox.DEMO_API_SECRET, Duration.ofMillis(300))) {
            DeliveryOutcome outcome = impatient.cancel("a@example.com");

            assertTrue(outcome.kind() == DeliveryOutcome.Kind.TRANSIENT && outcome.httpStatus() == 0
                    && outcome.detail().startsWith("timeout"), outcome.toString());
        }
    }

    @Test
    void aHangEndsWith503AfterTheConfiguredTime() {
        server.sandbox.setFault(FaultMode.HANG, 200);
        long start = System.nanoTime();

        DeliveryOutcome outcome = client.cancel("a@example.com");

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(outcome.httpStatus() == 503 && millis >= 150, outcome + " after " + millis + " ms");
    }

    @Test
    void switchingBackToNoneDeliversAgain() {
        server.sandbox.setFault(FaultMode.ERROR_500);
        client.cancel("a@example.com");
        server.sandbox.setFault(FaultMode.NONE);

        assertEquals(DeliveryOutcome.Kind.DELIVERED, client.cancel("a@example.com").kind());
    }

    @Test
    void stoppingReleasesAHangingRequest() throws Exception {
        server.sandbox.setFault(FaultMode.HANG, 60000);
        CompletableFuture<DeliveryOutcome> hanging = CompletableFuture.supplyAsync(() -> client.cancel("a@example.com"));
        awaitEvent();

        server.sandbox.stop();

        assertEquals(503, hanging.get(5, TimeUnit.SECONDS).httpStatus());
    }

    @Test
    void theJsonApiSwitchesTheMode() throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/faults", "{\"mode\":\"403\",\"hangMillis\":1500}",
                SandboxServlet.API_HEADER, "1", "Content-Type", "application/json");

        assertEquals("200 {\"mode\":\"403\",\"hangMillis\":1500}", response.statusCode() + " " + response.body());
    }

    @Test
    void theJsonApiRefusesCallsWithoutItsHeader() throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/faults", "{\"mode\":\"500\"}", "Content-Type", "application/json");

        assertEquals("403 none", response.statusCode() + " " + server.sandbox.faultMode().wireName());
    }

    @Test
    void theJsonApiRefusesAnUnknownMode() throws Exception {
        assertEquals(400, server.send("POST", "/api/faults", "{\"mode\":\"502\"}", SandboxServlet.API_HEADER, "1").statusCode());
    }

    @Test
    void theSameOriginFormSwitchesAndReturnsToThePage() throws Exception {
        HttpResponse<String> response = server.send("POST", "/faults", "mode=hang&hangSeconds=5",
                "Content-Type", "application/x-www-form-urlencoded", "Origin", server.origin());

        assertEquals("303 /rejoiner-sandbox/ hang 5000", response.statusCode() + " " + response.headers().firstValue("Location").orElse("")
                + " " + server.sandbox.faultMode().wireName() + " " + server.sandbox.hangMillis());
    }

    @Test
    void aCrossSiteFormPostIsRefused() throws Exception {
        HttpResponse<String> response = server.send("POST", "/faults", "mode=500",
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");

        assertEquals("403 none", response.statusCode() + " " + server.sandbox.faultMode().wireName());
    }

    private void awaitEvent() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.sandbox.lastEventId() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
