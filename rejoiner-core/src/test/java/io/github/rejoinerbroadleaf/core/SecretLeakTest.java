package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

/** The API secret must not show up in toString, log lines, outcome details or exception messages. */
class SecretLeakTest {

    private static final String SECRET = "Sup3rS3cretValue-4158524bba7a";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private RejoinerApiConfig.Builder config(String baseUrl) {
        return RejoinerApiConfig.builder().siteId("site1").apiKey("key1").apiSecret(SECRET).baseUrl(baseUrl)
                .readTimeout(Duration.ofMillis(300));
    }

    @Test
    void configToString() {
        assertFalse(config(server.url("/").toString()).build().toString().contains(SECRET));
    }

    @Test
    void clientToString() {
        try (RejoinerApiClient client = new RejoinerApiClient(config(server.url("/").toString()).build())) {
            assertFalse(client.toString().contains(SECRET));
        }
    }

    @Test
    void theApiKeyIsNotInToStringEither() {
        String key = "Rj2-Key-Value-9f8e7d";
        RejoinerApiConfig config = config(server.url("/").toString()).generation(ApiGeneration.REJOINER_2).apiKey(key).build();
        try (RejoinerApiClient client = new RejoinerApiClient(config)) {
            String seen = config + " " + client + " " + new RequestSigner(key, SECRET);
            assertFalse(seen.contains(key), seen);
        }
    }

    @Test
    void signerToString() {
        assertFalse(new RequestSigner("key1", SECRET).toString().contains(SECRET));
    }

    @Test
    void badBaseUrlMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("ftp://" + SECRET).build());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void badSiteIdMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(server.url("/").toString()).siteId("bad site").build());
        assertFalse(e.getMessage().contains(SECRET));
    }

    /** Runs a call against a server that behaves as {@code setup} says; returns log text plus outcome. */
    private String logAndOutcomeOf(Consumer<MockWebServer> setup, String baseUrl) {
        setup.accept(server);
        try (LogCapture log = LogCapture.start();
                RejoinerApiClient client = new RejoinerApiClient(config(baseUrl).build())) {
            DeliveryOutcome outcome = client.send(LeadOperation.CONVERT, "{\"email\":\"a@b.co\"}");
            DeliveryOutcome ping = client.ping();
            return log.text() + outcome + outcome.detail() + ping + ping.detail();
        }
    }

    @Test
    void notInLogsOnRejection() {
        assertFalse(logAndOutcomeOf(s -> {
            s.enqueue(new MockResponse().setResponseCode(400).setBody("bad"));
            s.enqueue(new MockResponse().setResponseCode(403));
        }, server.url("/").toString()).contains(SECRET));
    }

    @Test
    void aRejectionBodyEchoingTheSecretOrKeyIsScrubbedBeforeLogAndDeliveryLog() {
        String key = "Rj2-Key-Value-9f8e7d";
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"bad\",\"echo\":\"" + SECRET + " " + key + "\"}\nWARN forged log line"));
        try (LogCapture log = LogCapture.start();
                RejoinerApiClient client = new RejoinerApiClient(config(server.url("/").toString()).apiKey(key).build())) {
            DeliveryOutcome outcome = client.send(LeadOperation.CONVERT, "{\"email\":\"a@b.co\"}");
            String seen = log.text() + outcome + outcome.detail();

            assertFalse(seen.contains(SECRET) || seen.contains(key) || outcome.detail().contains("\n"), seen);
        }
    }

    @Test
    void aReasonPhraseEchoingTheSecretIsScrubbed() {
        server.enqueue(new MockResponse().setStatus("HTTP/1.1 418 " + SECRET));
        try (RejoinerApiClient client = new RejoinerApiClient(config(server.url("/").toString()).build())) {
            DeliveryOutcome outcome = client.send(LeadOperation.CONVERT, "{\"email\":\"a@b.co\"}");

            assertFalse(outcome.detail().contains(SECRET), outcome.detail());
        }
    }

    @Test
    void notInLogsOnServerError() {
        assertFalse(logAndOutcomeOf(s -> {
            s.enqueue(new MockResponse().setResponseCode(500));
            s.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "x"));
        }, server.url("/").toString()).contains(SECRET));
    }

    @Test
    void notInLogsOnTimeoutOrDisconnect() {
        assertFalse(logAndOutcomeOf(s -> {
            s.enqueue(new MockResponse().setHeadersDelay(1, TimeUnit.SECONDS));
            s.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }, server.url("/").toString()).contains(SECRET));
    }

    @Test
    void notInLogsOnConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertFalse(logAndOutcomeOf(s -> { }, "http://127.0.0.1:" + port).contains(SECRET));
    }
}
