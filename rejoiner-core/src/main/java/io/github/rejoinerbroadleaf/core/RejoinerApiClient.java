package io.github.rejoinerbroadleaf.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.internal.HttpOutcomes;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The Rejoiner REST API over OkHttp. Every call returns a classified {@link DeliveryOutcome}
 * and never throws for network or HTTP problems.
 *
 * <p>A POST is sent at most once per call: no retry on connection failure and no redirects
 * (a redirect would re-send the body, possibly elsewhere). Retrying is the caller's decision,
 * based on {@link DeliveryOutcome.Kind#TRANSIENT} and {@link DeliveryOutcome#retryAfter()}.
 *
 * <p>Authentication: Rejoiner 1 signs {@code VERB\nPATH\nBODY} with {@link RequestSigner} over
 * the very bytes sent; PATH is the encoded path of the request URL (so a base URL with a path
 * prefix is signed with that prefix). Rejoiner 2 sends {@code Authorization: Rejoiner API_KEY}.
 *
 * <p>Thread-safe; create one per site and share it. Pass an application-wide OkHttpClient to share
 * its connection pool and dispatcher (this client derives its own settings from it and does not
 * shut it down); otherwise {@link #close()} releases the client it created.
 */
public final class RejoinerApiClient implements LeadSender, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerApiClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** Response bodies of rejected calls are kept up to this many bytes. */
    static final int MAX_DETAIL_BYTES = 2048;
    /** Longest detail (response body, reason phrase, I/O message) passed on to the delivery log and logs. */
    static final int MAX_DETAIL_CHARS = 1000;

    private final RejoinerApiConfig config;
    private final RequestSigner signer;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Clock clock;

    /** A client with its own OkHttpClient; call {@link #close()} when done. */
    public RejoinerApiClient(RejoinerApiConfig config) {
        this(config, null, Clock.systemUTC());
    }

    /** A client sharing {@code shared}'s connection pool and dispatcher; {@link #close()} leaves them alone. */
    public RejoinerApiClient(RejoinerApiConfig config, OkHttpClient shared) {
        this(config, requireShared(shared), Clock.systemUTC());
    }

    RejoinerApiClient(RejoinerApiConfig config, OkHttpClient shared, Clock clock) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
        this.clock = clock;
        this.signer = config.generation() == ApiGeneration.REJOINER_1
                ? new RequestSigner(config.apiKey(), config.apiSecret()) : null;
        this.ownsHttp = shared == null;
        OkHttpClient.Builder b = shared == null ? new OkHttpClient.Builder() : shared.newBuilder();
        this.http = b.connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    private static OkHttpClient requireShared(OkHttpClient shared) {
        if (shared == null) {
            throw new IllegalArgumentException("shared OkHttpClient is null; use the one-argument constructor");
        }
        return shared;
    }

    /**
     * POSTs {@code jsonBody} to the operation's path. The body is sent (and signed) as its UTF-8 bytes.
     *
     * @throws IllegalArgumentException for a null operation or body (a programming error, not a delivery problem)
     */
    @Override
    public DeliveryOutcome send(LeadOperation operation, String jsonBody) {
        if (operation == null || jsonBody == null) {
            throw new IllegalArgumentException("operation and jsonBody are required");
        }
        HttpUrl url = url(config.operationPath(operation));
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization("POST", url, body))
                .post(RequestBody.create(body, JSON))
                .build();
        return execute(request, operation.name());
    }

    /** {@code lead/convert} with the full request. */
    public DeliveryOutcome convert(LeadConversion conversion) {
        return send(LeadOperation.CONVERT, LeadPayloads.conversion(conversion));
    }

    /** {@code lead/cancel}; a malformed address is REJECTED without sending anything. */
    public DeliveryOutcome cancel(String email) {
        return sendEmail(LeadOperation.CANCEL, email);
    }

    /** {@code lead/unsubscribe}; a malformed address is REJECTED without sending anything. */
    public DeliveryOutcome unsubscribe(String email) {
        return sendEmail(LeadOperation.UNSUBSCRIBE, email);
    }

    /** {@code lead/opt_in}; a malformed address is REJECTED without sending anything. */
    public DeliveryOutcome optIn(String email) {
        return sendEmail(LeadOperation.OPT_IN, email);
    }

    private DeliveryOutcome sendEmail(LeadOperation operation, String email) {
        String body;
        try {
            body = LeadPayloads.email(email);
        } catch (IllegalArgumentException malformed) {
            return DeliveryOutcome.of(DeliveryOutcome.Kind.REJECTED, 0, "email is missing or malformed; nothing sent", null);
        }
        return send(operation, body);
    }

    /**
     * Connection test that changes nothing at Rejoiner.
     * <ul>
     * <li>Rejoiner 2: {@code GET /api/v1/{site_id}/ping/}, classified as usual.</li>
     * <li>Rejoiner 1 has no ping endpoint, and every lead call has effects. So this sends a signed
     * {@code GET /api/1.0/site/{site_id}/} (empty body signed). 401/403 mean CREDENTIALS;
     * 2xx, 404 and 405 count as DELIVERED ("host reachable, signature not refused"), which
     * proves less than a Rejoiner 2 ping: the detail says so.</li>
     * </ul>
     */
    public DeliveryOutcome ping() {
        HttpUrl url = url(config.sitePath() + (signer == null ? "ping/" : ""));
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization("GET", url, new byte[0]))
                .get()
                .build();
        DeliveryOutcome outcome = execute(request, "PING");
        int status = outcome.httpStatus();
        if (signer != null && (status == 404 || status == 405)) {
            return DeliveryOutcome.of(DeliveryOutcome.Kind.DELIVERED, status,
                    "reachable and signature not refused (HTTP " + status + "; Rejoiner 1 has no ping endpoint)", null);
        }
        return outcome;
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(config.baseUrl() + path);
    }

    private String authorization(String verb, HttpUrl url, byte[] body) {
        return signer == null ? RequestSigner.SCHEME + " " + config.apiKey()
                : signer.authorization(verb, url.encodedPath(), body);
    }

    private DeliveryOutcome execute(Request request, String what) {
        DeliveryOutcome outcome;
        try (Response response = http.newCall(request).execute()) {
            String body = response.code() == 400 ? readBounded(response.body()) : "";
            // What the other side sends back is stored in the delivery log and logged: it gets the same
            // scrubbing as our own I/O messages (it may echo a key or the signature) and a length cap.
            outcome = HttpOutcomes.classify(response.code(), scrub(response.message(), request),
                    scrub(body, request), response.header("Retry-After"), clock);
        } catch (InterruptedIOException e) {
            outcome = DeliveryOutcome.ioFailure(scrub("timeout: " + e));
        } catch (IOException e) {
            outcome = DeliveryOutcome.ioFailure(scrub("I/O error: " + e));
        }
        if (outcome.isDelivered()) {
            LOG.debug("Rejoiner {} {}: {}", what, request.url().encodedPath(), outcome.kind());
        } else {
            LOG.warn("Rejoiner {} {}: {} (HTTP {})", what, request.url().encodedPath(), outcome.kind(),
                    outcome.httpStatus());
        }
        return outcome;
    }

    /** At most {@link #MAX_DETAIL_BYTES} of the body; a body that breaks off keeps what arrived. */
    private static String readBounded(ResponseBody body) {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        boolean more;
        try {
            more = source.request(MAX_DETAIL_BYTES + 1L);
        } catch (IOException e) {
            more = false;
        }
        long n = Math.min(source.getBuffer().size(), MAX_DETAIL_BYTES);
        try {
            String text = source.getBuffer().readString(n, StandardCharsets.UTF_8);
            return more ? text + "...(truncated)" : text;
        } catch (IOException e) {
            return "(body unreadable)";
        }
    }

    /** Defence in depth: no I/O message should ever contain the secret, but never pass one on. */
    private String scrub(String detail) {
        return scrub(detail, null);
    }

    /**
     * Removes the secret, the API key (for Rejoiner 2 a credential itself) and the request's
     * Authorization value from a text that came from the network, replaces control characters (a
     * body may try to forge log lines) and caps it at {@link #MAX_DETAIL_CHARS} characters.
     */
    private String scrub(String detail, Request request) {
        if (detail == null) {
            return null;
        }
        String t = detail;
        String authorization = request == null ? null : request.header("Authorization");
        if (authorization != null && authorization.length() >= 8) {
            t = t.replace(authorization, "(hidden)");
        }
        t = hide(t, config.apiSecret());
        t = hide(t, config.apiKey());
        StringBuilder sb = new StringBuilder(Math.min(t.length(), MAX_DETAIL_CHARS + 16));
        for (int i = 0; i < t.length() && sb.length() < MAX_DETAIL_CHARS; i++) {
            char c = t.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (t.length() > MAX_DETAIL_CHARS) {
            sb.append("...(truncated)");
        }
        return sb.toString();
    }

    private static String hide(String text, String value) {
        // Very short values (a test key "k") would shred the text without protecting anything.
        return value == null || value.length() < 4 ? text : text.replace(value, "(hidden)");
    }

    public RejoinerApiConfig config() {
        return config;
    }

    /** Shuts down the dispatcher and connection pool if this client created them; otherwise a no-op. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "RejoinerApiClient{" + config + "}";
    }
}
