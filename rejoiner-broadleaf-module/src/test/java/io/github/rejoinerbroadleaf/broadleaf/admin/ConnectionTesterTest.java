package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.broadleaf.admin.ConnectionTestResult.Verdict;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionTesterTest {

    private static final String SECRET = "test-secret-ABC123";
    private final MockWebServer server = new MockWebServer();
    private final ConnectionTester tester = new ConnectionTester(Duration.ofSeconds(2));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private SettingsForm form(String generation) {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.API_GENERATION, generation);
        f.set(SettingKey.SITE_ID, "site1");
        f.setTyped(SettingKey.API_KEY, "key1");
        f.set(SettingKey.API_URL, server.url("/").toString());
        return f;
    }

    /** A saved row with the secret, for the API URL the form shows. */
    private RejoinerSettingsRecord storedSecret() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_SECRET, SECRET);
        r.setValue(SettingKey.API_URL, server.url("/").toString());
        return r;
    }

    @Test
    void rejoiner2PingOk() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
        ConnectionTestResult result = tester.test(form("REJOINER_2"), null);
        assertEquals(Verdict.OK, result.getVerdict(), result.toString());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/api/v1/site1/ping/", request.getPath());
        assertTrue(result.getMessage().startsWith("Connection OK"));
    }

    @Test
    void rejoiner1UsesTheStoredSecretWhenNoneIsTyped() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        ConnectionTestResult result = tester.test(form("REJOINER_1"), storedSecret());
        assertEquals(Verdict.OK, result.getVerdict(), result.toString());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/api/1.0/site/site1/", request.getPath());
        assertNotNull(request.getHeader("Authorization"));
        assertFalse(request.getHeader("Authorization").contains(SECRET));
        assertFalse(result.getMessage().contains(SECRET));
    }

    @Test
    void forbiddenMeansBadCredentials() {
        server.enqueue(new MockResponse().setResponseCode(403));
        SettingsForm f = form("REJOINER_1");
        f.setTyped(SettingKey.API_SECRET, SECRET);
        ConnectionTestResult result = tester.test(f, null);
        assertEquals(Verdict.BAD_CREDENTIALS, result.getVerdict());
        assertEquals(403, result.getHttpStatus());
        assertTrue(result.getMessage().startsWith("Bad credentials"));
        assertFalse(result.getMessage().contains(SECRET));
    }

    @Test
    void serverErrorsAndNotFoundAreUnexpectedAnswers() {
        server.enqueue(new MockResponse().setResponseCode(503));
        assertEquals(Verdict.UNEXPECTED_ANSWER, tester.test(form("REJOINER_2"), null).getVerdict());
        server.enqueue(new MockResponse().setResponseCode(404));
        ConnectionTestResult notFound = tester.test(form("REJOINER_2"), null);
        assertEquals(Verdict.UNEXPECTED_ANSWER, notFound.getVerdict());
        assertTrue(notFound.getMessage().contains("check the site id"));
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SettingsForm f = form("REJOINER_2");
        f.set(SettingKey.API_URL, "http://127.0.0.1:" + port);
        ConnectionTestResult result = tester.test(f, null);
        assertEquals(Verdict.UNREACHABLE, result.getVerdict(), result.toString());
        assertEquals(0, result.getHttpStatus());
        assertTrue(result.getMessage().startsWith("Unreachable"));
    }

    @Test
    void missingValuesAreReportedWithoutCalling() {
        SettingsForm f = form("REJOINER_1");
        ConnectionTestResult result = tester.test(f, null);
        assertEquals(Verdict.INCOMPLETE, result.getVerdict());
        assertTrue(result.getMessage().contains("apiSecret is required"), result.getMessage());
        f.setTyped(SettingKey.API_SECRET, SECRET);
        f.setCleared(SettingKey.API_SECRET, true);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void clearingTheSecretIgnoresTheStoredOne() {
        SettingsForm f = form("REJOINER_1");
        f.setCleared(SettingKey.API_SECRET, true);
        assertEquals(Verdict.INCOMPLETE, tester.test(f, storedSecret()).getVerdict());
    }

    @Test
    void aRejoiner1NotFoundIsNotCalledOk() {
        server.enqueue(new MockResponse().setResponseCode(404));
        SettingsForm f = form("REJOINER_1");
        f.setTyped(SettingKey.API_SECRET, SECRET);
        ConnectionTestResult result = tester.test(f, null);
        assertEquals(Verdict.UNEXPECTED_ANSWER, result.getVerdict(), result.toString());
        assertFalse(result.isOk());
    }

    @Test
    void theAnswerNeverQuotesWhatTheTargetSent() {
        server.enqueue(new MockResponse().setStatus("HTTP/1.1 400 Reason-From-Target").setBody("Body-From-Target"));
        server.enqueue(new MockResponse().setStatus("HTTP/1.1 404 Reason-From-Target").setBody("Body-From-Target"));
        server.enqueue(new MockResponse().setStatus("HTTP/1.1 200 Reason-From-Target").setBody("Body-From-Target"));
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            messages.append(tester.test(form("REJOINER_2"), null).getMessage()).append('\n');
        }
        assertFalse(messages.toString().contains("From-Target"), messages.toString());
    }

    @Test
    void aHostOutsideRejoinerComIsWarnedAbout() {
        server.enqueue(new MockResponse().setResponseCode(200));
        ConnectionTestResult result = tester.test(form("REJOINER_2"), null);
        assertTrue(result.isForeignHost());
        assertTrue(result.getMessage().contains("is not a Rejoiner address"), result.getMessage());
    }

    @Test
    void aChangedApiUrlNeverReceivesTheSavedSecret() {
        RejoinerSettingsRecord saved = storedSecret();
        saved.setValue(SettingKey.API_URL, "https://app.rejoiner.com");
        ConnectionTestResult result = tester.test(form("REJOINER_1"), saved);
        assertEquals(Verdict.INCOMPLETE, result.getVerdict(), result.toString());
        assertTrue(result.getMessage().contains("Type it again"), result.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aChangedApiUrlNeverReceivesTheSavedRejoiner2Key() {
        RejoinerSettingsRecord saved = new RejoinerSettingsRecord();
        saved.setValue(SettingKey.API_KEY, "saved-rj2-key-0001");
        saved.setValue(SettingKey.API_URL, "https://rj2.rejoiner.com");
        SettingsForm f = form("REJOINER_2");
        f.setTyped(SettingKey.API_KEY, null);
        assertEquals(Verdict.INCOMPLETE, tester.test(f, saved).getVerdict());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theSavedKeyIsUsedForTheUrlItWasSavedWith() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        RejoinerSettingsRecord saved = new RejoinerSettingsRecord();
        saved.setValue(SettingKey.API_KEY, "saved-rj2-key-0001");
        saved.setValue(SettingKey.API_URL, server.url("/").toString());
        SettingsForm f = form("REJOINER_2");
        f.setTyped(SettingKey.API_KEY, null);
        assertEquals(Verdict.OK, tester.test(f, saved).getVerdict());
        assertTrue(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization").contains("saved-rj2-key-0001"));
    }
}
