package io.github.rejoinerbroadleaf.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.RequestSigner;

/**
 * The sandbox itself: demo credentials, the in-memory event store, the fault switch and the
 * rules that check what arrives. {@link SandboxServlet} puts it on HTTP. Thread-safe.
 *
 * <p>It accepts exactly one site id, API key and secret (by default the clearly fake demo keys
 * below). The secret is used only to verify signatures: it never appears in its output, logs or
 * {@link #toString()}.
 */
public final class RejoinerSandbox {

    /** The demo site id the sample store uses when no Rejoiner keys are configured. */
    public static final String DEMO_SITE_ID = "sandbox-site";
    /** The demo API key. */
    public static final String DEMO_API_KEY = "sandbox-key";
    /** The demo API secret: fake, public, and useless anywhere but in the sandbox. */
    public static final String DEMO_API_SECRET = "sandbox-secret-not-for-production";
    /** The path the sample store mounts the sandbox at; also what {@link SandboxSettingsLayer} assumes by default. */
    public static final String DEFAULT_PATH = "/rejoiner-sandbox";
    /** Events kept by default; older ones are dropped. */
    public static final int DEFAULT_MAX_EVENTS = 1000;
    /** How long the {@link FaultMode#HANG} switch holds a request by default. */
    public static final long DEFAULT_HANG_MILLIS = 30000L;

    static final String API_REJOINER_1 = "rejoiner1";
    static final String API_REJOINER_2 = "rejoiner2";
    static final String API_JS = "javascript";
    /** Calls taken from one page report; more are dropped with a warning. */
    static final int MAX_CALLS_PER_REPORT = 500;
    private static final int MAX_RAW_BODY_CHARS = 4000;
    private static final String R1_PREFIX = "/api/1.0/site/";
    private static final String R2_PREFIX = "/api/v1/";
    private static final List<String> OPERATIONS = Collections.unmodifiableList(
            java.util.Arrays.asList("convert", "cancel", "unsubscribe", "opt_in"));

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerSandbox.class);

    private final String siteId;
    private final String apiKey;
    private final String apiSecret;
    private final RequestSigner signer;
    private final PayloadRules rules;
    private final EventStore events;
    private final ObjectMapper mapper;

    private final Object faultLock = new Object();
    private FaultMode faultMode = FaultMode.NONE;
    private long hangMillis;
    private long faultGeneration;
    private boolean stopped;

    /** A sandbox with the demo keys, {@value #DEFAULT_MAX_EVENTS} events and a 30 s hang. */
    public RejoinerSandbox() {
        this(DEMO_SITE_ID, DEMO_API_KEY, DEMO_API_SECRET);
    }

    /** A sandbox accepting exactly these credentials. */
    public RejoinerSandbox(String siteId, String apiKey, String apiSecret) {
        this(siteId, apiKey, apiSecret, DEFAULT_MAX_EVENTS, DEFAULT_HANG_MILLIS);
    }

    /**
     * @param maxEvents  events kept in memory (at least 1)
     * @param hangMillis how long {@link FaultMode#HANG} holds a request (positive)
     * @throws IllegalArgumentException for blank credentials or out-of-range numbers (messages never contain the secret)
     */
    public RejoinerSandbox(String siteId, String apiKey, String apiSecret, int maxEvents, long hangMillis) {
        this(siteId, apiKey, apiSecret, maxEvents, hangMillis, Clock.systemUTC());
    }

    RejoinerSandbox(String siteId, String apiKey, String apiSecret, int maxEvents, long hangMillis, Clock clock) {
        if (isBlank(siteId) || isBlank(apiKey) || isBlank(apiSecret)) {
            throw new IllegalArgumentException("siteId, apiKey and apiSecret are required");
        }
        requirePositive(hangMillis);
        this.siteId = siteId.trim();
        this.apiKey = apiKey.trim();
        this.apiSecret = apiSecret;
        this.signer = new RequestSigner(this.apiKey, apiSecret);
        this.rules = new PayloadRules(this.siteId);
        this.events = new EventStore(maxEvents, clock);
        this.hangMillis = hangMillis;
        this.mapper = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public String siteId() {
        return siteId;
    }

    public String apiKey() {
        return apiKey;
    }

    /** Events currently kept. */
    public int eventCount() {
        return events.size();
    }

    /** The id of the newest event ever stored (0 before the first). */
    public long lastEventId() {
        return events.lastId();
    }

    public void clearEvents() {
        events.clear();
    }

    EventStore events() {
        return events;
    }

    // ---------------------------------------------------------------- faults

    public FaultMode faultMode() {
        synchronized (faultLock) {
            return faultMode;
        }
    }

    public long hangMillis() {
        synchronized (faultLock) {
            return hangMillis;
        }
    }

    /** Switches the fault mode; requests hanging now are released (and answer 503). */
    public void setFault(FaultMode mode) {
        setFault(mode, hangMillis());
    }

    /** Switches the fault mode and the hang time; requests hanging now are released. */
    public void setFault(FaultMode mode, long hangMillis) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        requirePositive(hangMillis);
        synchronized (faultLock) {
            this.faultMode = mode;
            this.hangMillis = hangMillis;
            this.faultGeneration++;
            faultLock.notifyAll();
        }
        LOG.info("Rejoiner sandbox fault mode: {} (hang {} ms)", mode.wireName(), hangMillis);
    }

    /** Releases hanging requests and makes later hangs return at once; called when the servlet is destroyed. */
    public void stop() {
        synchronized (faultLock) {
            stopped = true;
            faultLock.notifyAll();
        }
    }

    /**
     * Holds the calling request while the hang fault lasts: until the hang time passes, the mode
     * changes, the sandbox stops or the thread is interrupted.
     */
    void hang() {
        synchronized (faultLock) {
            long deadline = System.nanoTime() + hangMillis * 1_000_000L;
            long generation = faultGeneration;
            while (!stopped && generation == faultGeneration) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
                if (remainingMillis <= 0) {
                    return;
                }
                try {
                    faultLock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- REST

    /** The answer to one REST call. */
    static final class Answer {
        final int status;
        /** JSON body, or null for an empty body. */
        final ObjectNode body;
        final SandboxEvent event;
        /** Hold the request ({@link #hang()}) before answering. */
        final boolean hang;

        Answer(int status, ObjectNode body, SandboxEvent event, boolean hang) {
            this.status = status;
            this.body = body;
            this.event = event;
            this.hang = hang;
        }
    }

    /** Whether {@code path} (relative to the sandbox's base) is one of the REST API's. */
    static boolean isRestPath(String path) {
        return path.startsWith(R1_PREFIX) || path.startsWith(R2_PREFIX);
    }

    /**
     * Handles a REST call.
     *
     * @param method        the HTTP method
     * @param requestPath   the full request path as received (what a Rejoiner 1 client signed), e.g.
     *                      {@code /rejoiner-sandbox/api/1.0/site/x/lead/convert}
     * @param path          the path below the sandbox's base, e.g. {@code /api/1.0/site/x/lead/convert}
     * @param authorization the Authorization header or null
     * @param contentType   the Content-Type header or null
     * @param body          the request body bytes (empty for none)
     */
    Answer rest(String method, String requestPath, String path, String authorization, String contentType, byte[] body) {
        boolean r1 = path.startsWith(R1_PREFIX);
        SandboxEvent.Builder e = new SandboxEvent.Builder(SandboxEvent.REST, r1 ? API_REJOINER_1 : API_REJOINER_2)
                .request(method, requestPath);
        Findings f = e.findings();
        String[] parts = (r1 ? path.substring(R1_PREFIX.length()) : path.substring(R2_PREFIX.length())).split("/", -1);
        String pathSite = parts[0];
        String call = r1 ? rejoiner1Call(parts) : rejoiner2Call(parts);
        e.call(call);

        // Route
        int routeStatus = 0;
        boolean ping = "ping".equals(call);
        if (call == null) {
            routeStatus = 404;
            f.error("", "no such Rejoiner " + (r1 ? "1" : "2") + " endpoint" + routeHint(r1, parts));
        } else if (ping ? !"GET".equals(method) : !"POST".equals(method)) {
            routeStatus = 405;
            f.error("", (ping ? "the connection test is a GET" : "lead calls are POSTs") + ", got " + method);
        }

        // Authentication
        String authFailure = r1 ? rejoiner1Auth(authorization, method, requestPath, path, body)
                : rejoiner2Auth(authorization);
        if (authFailure == null && !siteId.equals(pathSite)) {
            authFailure = "unknown site id '" + pathSite + "' (the sandbox accepts '" + siteId + "')";
        }
        if (authFailure == null) {
            e.auth("valid", r1 ? "signature valid" : "API key valid");
        } else {
            e.auth(authorization == null ? "missing" : "invalid", authFailure);
        }

        // Payload
        if ("POST".equals(method) && call != null && !ping) {
            JsonNode parsed = parse(body, e);
            if (parsed != null) {
                rules.leadBody(call, parsed, f);
                e.email(text(parsed.get("email")));
                JsonNode cartData = parsed.get("cart_data");
                e.orderNumber(cartData == null ? null : text(cartData.get("customer_order_number")));
            }
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                f.warning("", "Content-Type should be application/json, got " + (contentType == null ? "none" : contentType));
            }
        } else if (body.length > 0) {
            f.warning("", "a GET has no body; " + body.length + " bytes ignored (and a signature covers an empty body)");
        }

        // Status: fault switch first, then route, authentication, payload
        FaultMode mode = faultMode();
        e.fault(mode);
        int status;
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        boolean hang = false;
        if (mode == FaultMode.ERROR_500) {
            status = 500;
            answer.put("error", "sandbox fault switch: answering 500");
        } else if (mode == FaultMode.FORBIDDEN_403) {
            status = 403;
            answer.put("error", "sandbox fault switch: answering 403");
        } else if (mode == FaultMode.HANG) {
            status = 503;
            hang = true;
            answer.put("error", "sandbox fault switch: held the request, then answered 503");
        } else if (routeStatus != 0) {
            status = routeStatus;
            answer.set("errors", strings(f.texts(Findings.ERROR)));
        } else if (authFailure != null) {
            status = r1 ? 403 : 401;
            answer.put("error", authFailure);
        } else if (f.hasErrors()) {
            status = 400;
            answer.set("errors", strings(f.texts(Findings.ERROR)));
            answer.set("warnings", strings(f.texts(Findings.WARNING)));
        } else if (ping && r1) {
            status = 404;
            answer.put("detail", "signature valid; Rejoiner 1 has no resource here (its connection test expects 404)");
        } else {
            status = 200;
            answer = null;
        }
        e.status(status);
        SandboxEvent event = events.add(e);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Rejoiner sandbox event {}: {} {} -> {}", event.id, method, event.call, status);
        }
        if (answer != null) {
            answer.put("event", event.id);
        }
        return new Answer(status, answer, event, hang);
    }

    private static String rejoiner1Call(String[] parts) {
        // {site}/  |  {site}  |  {site}/lead/{op}
        if (parts.length == 1 || (parts.length == 2 && parts[1].isEmpty())) {
            return "ping";
        }
        if (parts.length == 3 && parts[1].equals("lead") && OPERATIONS.contains(parts[2])) {
            return parts[2];
        }
        return null;
    }

    private static String rejoiner2Call(String[] parts) {
        // {site}/ping/  |  {site}/customer/{op}/
        if (parts.length == 3 && parts[1].equals("ping") && parts[2].isEmpty()) {
            return "ping";
        }
        if (parts.length == 4 && parts[1].equals("customer") && OPERATIONS.contains(parts[2]) && parts[3].isEmpty()) {
            return parts[2];
        }
        return null;
    }

    private static String routeHint(boolean r1, String[] parts) {
        if (r1 && parts.length == 4 && parts[1].equals("lead") && OPERATIONS.contains(parts[2])) {
            return " (Rejoiner 1 lead paths have no trailing '/')";
        }
        if (!r1 && parts.length == 3 && (parts[1].equals("ping") || parts[1].equals("customer"))) {
            return " (Rejoiner 2 paths end with '/')";
        }
        return "; known: " + (r1 ? "POST /api/1.0/site/{site_id}/lead/{" : "POST /api/v1/{site_id}/customer/{")
                + String.join(",", OPERATIONS) + "}" + (r1 ? "" : "/") + ", GET "
                + (r1 ? "/api/1.0/site/{site_id}/" : "/api/v1/{site_id}/ping/");
    }

    /** Null when the signature is valid, else why not (never containing the secret). */
    private String rejoiner1Auth(String authorization, String method, String requestPath, String path, byte[] body) {
        if (authorization == null) {
            return "Authorization header missing (expected 'Rejoiner API_KEY:SIGNATURE')";
        }
        if (!authorization.startsWith(RequestSigner.SCHEME + " ")) {
            return "Authorization must start with 'Rejoiner '";
        }
        String credentials = authorization.substring(RequestSigner.SCHEME.length() + 1);
        int colon = credentials.lastIndexOf(':');
        if (colon < 0) {
            return "Authorization has no ':SIGNATURE' (a Rejoiner 2 header sent to Rejoiner 1?)";
        }
        if (!constantTimeEquals(credentials.substring(0, colon), apiKey)) {
            return "unknown API key";
        }
        if (signer.verify(authorization, method, requestPath, body)) {
            return null;
        }
        if (!path.equals(requestPath) && signer.verify(authorization, method, path, body)) {
            return "signature invalid: it signs the path without the base URL's prefix; sign the full request path "
                    + requestPath;
        }
        return "signature invalid: check the secret, and sign exactly '" + method + "\\n" + requestPath
                + "\\n' + the body bytes as sent (UTF-8)";
    }

    private String rejoiner2Auth(String authorization) {
        if (authorization == null) {
            return "Authorization header missing (expected 'Rejoiner API_KEY')";
        }
        String expected = RequestSigner.SCHEME + " " + apiKey;
        if (constantTimeEquals(authorization, expected)) {
            return null;
        }
        if (authorization.startsWith(RequestSigner.SCHEME + " ") && authorization.indexOf(':') > 0) {
            return "Rejoiner 2 expects 'Rejoiner API_KEY' without a signature (a Rejoiner 1 header?)";
        }
        return "unknown API key";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- JavaScript

    /**
     * Records one report of the JavaScript stand-in:
     * {@code {"visitor": "...", "pageId": "...", "page": "https://...", "first": 0, "calls": [[name, arg], ...]}}.
     * Returns the events stored (one per call; a single error event when the report is unusable).
     */
    List<SandboxEvent> jsReport(byte[] body) {
        List<SandboxEvent> stored = new ArrayList<SandboxEvent>();
        SandboxEvent.Builder whole = new SandboxEvent.Builder(SandboxEvent.JS, API_JS).call("(report)");
        JsonNode report = parse(body, whole);
        if (report != null && (!report.isObject() || !(report.get("calls") instanceof ArrayNode))) {
            whole.findings().error("", "a report must be an object with a 'calls' array");
            report = null;
        }
        if (report == null) {
            stored.add(events.add(whole));
            return stored;
        }
        String visitor = text(report.get("visitor"));
        String pageId = text(report.get("pageId"));
        String page = text(report.get("page"));
        JsonNode firstNode = report.get("first");
        int first = firstNode != null && firstNode.canConvertToInt() ? firstNode.intValue() : 0;
        ArrayNode calls = (ArrayNode) report.get("calls");
        int n = Math.min(calls.size(), MAX_CALLS_PER_REPORT);
        for (int i = 0; i < n; i++) {
            JsonNode call = calls.get(i);
            SandboxEvent.Builder e = new SandboxEvent.Builder(SandboxEvent.JS, API_JS)
                    .visitor(visitor, pageId, first + i, page);
            String name = rules.jsCall(call, e.findings());
            e.call(name);
            if (call != null && call.isArray() && call.size() > 1) {
                JsonNode arg = call.get(1);
                e.payload(arg.isNull() ? null : arg);
                if ("setCustomerEmail".equals(name)) {
                    e.email(text(arg.get("email")));
                } else if ("setCartData".equals(name)) {
                    e.orderNumber(text(arg.get("customer_order_number")));
                } else if ("sendConversion".equals(name) && arg.get("cart_data") != null) {
                    e.orderNumber(text(arg.get("cart_data").get("customer_order_number")));
                }
            } else if (call != null && !call.isArray()) {
                e.payload(call);
            }
            if (visitor == null && i == 0) {
                e.findings().warning("", "the report has no visitor id");
            }
            if (i == n - 1 && calls.size() > n) {
                e.findings().warning("", (calls.size() - n) + " more calls in this report were dropped");
            }
            stored.add(events.add(e));
        }
        return stored;
    }

    // ---------------------------------------------------------------- helpers

    /** The body as JSON, or null after recording why it is not (malformed JSON is an error). */
    private JsonNode parse(byte[] body, SandboxEvent.Builder e) {
        if (body.length == 0) {
            e.findings().error("", "the body is empty; expected JSON");
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            e.payload(node);
            return node;
        } catch (JsonProcessingException malformed) {
            e.findings().error("", "malformed JSON: " + malformed.getOriginalMessage());
            e.rawBody(shorten(new String(body, StandardCharsets.UTF_8)));
            return null;
        } catch (IOException unreadable) {
            e.findings().error("", "unreadable body");
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= MAX_RAW_BODY_CHARS ? s : s.substring(0, MAX_RAW_BODY_CHARS) + "...(truncated)";
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().trim().isEmpty() ? node.asText() : null;
    }

    private static ArrayNode strings(List<String> texts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String t : texts) {
            array.add(t);
        }
        return array;
    }

    /** {@code text} with every occurrence of the secret cut out: the last guard before anything is emitted. */
    String scrub(String text) {
        return text == null ? null : text.replace(apiSecret, "(hidden)");
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    private static void requirePositive(long hangMillis) {
        if (hangMillis <= 0) {
            throw new IllegalArgumentException("hangMillis must be positive");
        }
    }

    @Override
    public String toString() {
        return "RejoinerSandbox{siteId=" + siteId + ", apiKey=" + apiKey + ", apiSecret=(hidden), events="
                + events.size() + "/" + events.capacity() + ", fault=" + faultMode().wireName() + "}";
    }
}
