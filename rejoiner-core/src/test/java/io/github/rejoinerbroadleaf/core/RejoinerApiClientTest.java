package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

class RejoinerApiClientTest {

    private static final String SITE = "53b53e65346e712ffe5756f2";
    private static final String KEY = "60d870b9d5b6497e9f55689c4ab1f54b";
    private static final String SECRET = "4158524bba7a4e5cb88a725c334da24c";
    private static final String BODY = "{\"email\":\"j\u00fcrgen@example.com\",\"name\":\"\u4e2d\u6587 \uD83D\uDE00\"}";
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-09-17T10:00:00Z"), ZoneOffset.UTC);

    private MockWebServer server;
    private RejoinerApiClient client;
    private LogCapture log;

    @BeforeEach
    void start() throws IOException {
        log = LogCapture.start();
        server = new MockWebServer();
        server.start();
        client = new RejoinerApiClient(config(ApiGeneration.REJOINER_1, server.url("/").toString()), null, NOW);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
        log.close();
    }

    private static RejoinerApiConfig config(ApiGeneration generation, String baseUrl) {
        return RejoinerApiConfig.builder().generation(generation).siteId(SITE).apiKey(KEY).apiSecret(SECRET)
                .baseUrl(baseUrl).connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(500))
                .writeTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(5)).build();
    }

    private DeliveryOutcome convert() {
        return client.send(LeadOperation.CONVERT, BODY);
    }

    private RecordedRequest recorded() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    // --- classification, one request each -------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "200, DELIVERED", "204, DELIVERED", "400, REJECTED", "401, CREDENTIALS", "403, CREDENTIALS",
        "404, CONFIGURATION", "408, TRANSIENT", "429, TRANSIENT", "500, TRANSIENT", "503, TRANSIENT",
        "302, CONFIGURATION"
    })
    void classifiesStatus(int status, Kind kind) {
        server.enqueue(new MockResponse().setResponseCode(status));
        assertEquals(kind, convert().kind());
    }

    @ParameterizedTest(name = "HTTP {0} is sent once")
    @ValueSource(ints = {200, 204, 400, 401, 403, 404, 408, 429, 500, 503, 302, 307})
    void sendsExactlyOneRequest(int status) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", server.url("/elsewhere")));
        server.enqueue(new MockResponse().setResponseCode(200));
        convert();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void rejectedKeepsBody() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"missing email\"}"));
        assertEquals("{\"error\":\"missing email\"}", convert().detail());
    }

    @Test
    void rejectedBodyIsCappedAt1000Characters() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("x".repeat(10_000)));
        assertEquals("x".repeat(1000) + "...(truncated)", convert().detail());
    }

    @Test
    void retryAfterSeconds() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));
        assertEquals(Duration.ofSeconds(120), convert().retryAfter());
    }

    @Test
    void retryAfterHttpDate() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "Tue, 17 Sep 2024 10:05:00 GMT"));
        assertEquals(Duration.ofMinutes(5), convert().retryAfter());
    }

    @Test
    void retryAfterOn503() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "30"));
        assertEquals(Duration.ofSeconds(30), convert().retryAfter());
    }

    @Test
    void noRetryAfterHeaderIsNull() {
        server.enqueue(new MockResponse().setResponseCode(500));
        assertNull(convert().retryAfter());
    }

    // --- network failures --------------------------------------------------------------------

    @Test
    void slowServerIsTransient() {
        server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));
        DeliveryOutcome outcome = convert();
        assertEquals(Kind.TRANSIENT, outcome.kind());
    }

    @Test
    void slowServerGetsOneRequest() {
        server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));
        server.enqueue(new MockResponse());
        convert();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void slowServerHasNoStatus() {
        server.enqueue(new MockResponse().setHeadersDelay(2, TimeUnit.SECONDS));
        assertEquals(0, convert().httpStatus());
    }

    @Test
    void disconnectAfterRequestIsTransient() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertEquals(Kind.TRANSIENT, convert().kind());
    }

    @Test
    void disconnectAfterRequestIsNotResent() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse());
        convert();
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (RejoinerApiClient refused = new RejoinerApiClient(config(ApiGeneration.REJOINER_1, "http://127.0.0.1:" + port))) {
            DeliveryOutcome outcome = refused.send(LeadOperation.CONVERT, BODY);
            assertEquals(Kind.TRANSIENT, outcome.kind());
        }
    }

    // --- what is sent --------------------------------------------------------------------------

    @Test
    void bodyBytesAreTheSignedBytes() throws InterruptedException {
        server.enqueue(new MockResponse());
        convert();
        RecordedRequest r = recorded();
        byte[] sent = r.getBody().readByteArray();
        String expected = new RequestSigner(KEY, SECRET).authorization("POST", r.getRequestUrl().encodedPath(), sent);
        assertEquals(expected, r.getHeader("Authorization"));
    }

    @Test
    void bodyIsUtf8OfTheJson() throws InterruptedException {
        server.enqueue(new MockResponse());
        convert();
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), recorded().getBody().readByteArray());
    }

    @Test
    void signatureMatchesPythonVector() throws InterruptedException {
        server.enqueue(new MockResponse());
        client.send(LeadOperation.CONVERT, "{\"email\": \"foo@bar.com\"}");
        assertEquals("Rejoiner " + KEY + ":C9vJttriEN7cikdx4Wej3zcI594=", recorded().getHeader("Authorization"));
    }

    @Test
    void contentTypeIsExactlyJson() throws InterruptedException {
        server.enqueue(new MockResponse());
        convert();
        assertEquals("application/json", recorded().getHeader("Content-Type"));
    }

    @Test
    void contentLengthIsByteLength() throws InterruptedException {
        server.enqueue(new MockResponse());
        convert();
        assertEquals(String.valueOf(BODY.getBytes(StandardCharsets.UTF_8).length), recorded().getHeader("Content-Length"));
    }

    @ParameterizedTest
    @CsvSource({"CONVERT, lead/convert", "CANCEL, lead/cancel", "UNSUBSCRIBE, lead/unsubscribe", "OPT_IN, lead/opt_in"})
    void rejoiner1Paths(LeadOperation operation, String path) throws InterruptedException {
        server.enqueue(new MockResponse());
        client.send(operation, "{}");
        assertEquals("POST /api/1.0/site/" + SITE + "/" + path, recorded().getRequestLine().replace(" HTTP/1.1", ""));
    }

    @ParameterizedTest
    @CsvSource({"CONVERT, customer/convert/", "CANCEL, customer/cancel/", "UNSUBSCRIBE, customer/unsubscribe/",
        "OPT_IN, customer/opt_in/"})
    void rejoiner2Paths(LeadOperation operation, String path) throws InterruptedException {
        server.enqueue(new MockResponse());
        try (RejoinerApiClient rj2 = new RejoinerApiClient(config(ApiGeneration.REJOINER_2, server.url("/").toString()))) {
            rj2.send(operation, "{}");
        }
        assertEquals("POST /api/v1/" + SITE + "/" + path, recorded().getRequestLine().replace(" HTTP/1.1", ""));
    }

    @Test
    void rejoiner2SendsKeyOnly() throws InterruptedException {
        server.enqueue(new MockResponse());
        try (RejoinerApiClient rj2 = new RejoinerApiClient(config(ApiGeneration.REJOINER_2, server.url("/").toString()))) {
            rj2.send(LeadOperation.CONVERT, BODY);
        }
        assertEquals("Rejoiner " + KEY, recorded().getHeader("Authorization"));
    }

    @Test
    void basePathPrefixIsSigned() throws InterruptedException {
        server.enqueue(new MockResponse());
        try (RejoinerApiClient prefixed = new RejoinerApiClient(config(ApiGeneration.REJOINER_1, server.url("/proxy/").toString()))) {
            prefixed.send(LeadOperation.CONVERT, BODY);
        }
        RecordedRequest r = recorded();
        assertTrue(new RequestSigner(KEY, SECRET).verify(r.getHeader("Authorization"), "POST",
                "/proxy/api/1.0/site/" + SITE + "/lead/convert", r.getBody().readByteArray()));
    }

    @Test
    void typedConvertSendsPayload() throws InterruptedException {
        server.enqueue(new MockResponse());
        client.convert(LeadConversion.builder().email("a@b.co").campaignType(CampaignType.CONVERSION).build());
        assertEquals("{\"email\":\"a@b.co\",\"campaign_type\":\"conversion\"}", recorded().getBody().readUtf8());
    }

    @Test
    void typedOptInSendsEmail() throws InterruptedException {
        server.enqueue(new MockResponse());
        client.optIn("a@b.co");
        assertEquals("{\"email\":\"a@b.co\"}", recorded().getBody().readUtf8());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nobody", "a@b"})
    void malformedEmailIsRejected(String email) {
        assertEquals(Kind.REJECTED, client.cancel(email).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nobody", "a@b"})
    void malformedEmailSendsNothing(String email) {
        client.unsubscribe(email);
        assertEquals(0, server.getRequestCount());
    }

    // --- ping ----------------------------------------------------------------------------------

    @Test
    void rejoiner2PingIsGetPing() throws InterruptedException {
        server.enqueue(new MockResponse());
        try (RejoinerApiClient rj2 = new RejoinerApiClient(config(ApiGeneration.REJOINER_2, server.url("/").toString()))) {
            rj2.ping();
        }
        assertEquals("GET /api/v1/" + SITE + "/ping/", recorded().getRequestLine().replace(" HTTP/1.1", ""));
    }

    @Test
    void rejoiner1PingIsSignedGetOfSite() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(404));
        client.ping();
        RecordedRequest r = recorded();
        assertTrue(new RequestSigner(KEY, SECRET).verify(r.getHeader("Authorization"), "GET",
                "/api/1.0/site/" + SITE + "/", new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"DELIVERED"})
    void rejoiner1PingTreats404AsReachable(Kind kind) {
        server.enqueue(new MockResponse().setResponseCode(404));
        assertEquals(kind, client.ping().kind());
    }

    @Test
    void rejoiner1PingReportsBadCredentials() {
        server.enqueue(new MockResponse().setResponseCode(403));
        assertEquals(Kind.CREDENTIALS, client.ping().kind());
    }

    // --- OkHttp lifecycle ------------------------------------------------------------------------

    @Test
    void sharedOkHttpClientIsNotShutDown() {
        OkHttpClient shared = new OkHttpClient();
        new RejoinerApiClient(config(ApiGeneration.REJOINER_1, server.url("/").toString()), shared).close();
        assertFalse(shared.dispatcher().executorService().isShutdown());
    }

    @Test
    void sharedOkHttpClientKeepsItsPool() throws IOException {
        server.enqueue(new MockResponse());
        OkHttpClient shared = new OkHttpClient();
        try (RejoinerApiClient c = new RejoinerApiClient(config(ApiGeneration.REJOINER_1, server.url("/").toString()), shared)) {
            c.send(LeadOperation.CONVERT, BODY);
        }
        assertEquals(1, shared.connectionPool().connectionCount());
    }
}
