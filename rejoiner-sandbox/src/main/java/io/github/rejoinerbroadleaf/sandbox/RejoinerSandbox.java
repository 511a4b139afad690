package io.github.rejoinerbroadleaf.sandbox;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox itself: demo credentials, the in-memory event store, the fault switch, and the REST
 * call's flow from route ({@link RestRoute}) through authentication ({@link RestAuth}) and payload
 * rules ({@link PayloadRules}) to the answer; JavaScript reports go to {@link JsReports}.
 * {@link SandboxServlet} puts it on HTTP. Thread-safe.
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

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerSandbox.class);

    private final String siteId;
    private final String apiKey;
    private final String apiSecret;
    private final RestAuth auth;
    private final PayloadRules rules;
    private final EventStore events;
    private final JsonBodies json;
    private final JsReports jsReports;
    private final FaultSwitch faults;

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
        this.faults = new FaultSwitch(hangMillis);
        this.siteId = siteId.trim();
        this.apiKey = apiKey.trim();
        this.apiSecret = apiSecret;
        this.auth = new RestAuth(this.apiKey, apiSecret);
        this.rules = new PayloadRules(this.siteId);
        this.events = new EventStore(maxEvents, clock);
        this.json = new JsonBodies();
        this.jsReports = new JsReports(rules, events, json);
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
        return faults.mode();
    }

    public long hangMillis() {
        return faults.hangMillis();
    }

    /** Switches the fault mode; requests hanging now are released (and answer 503). */
    public void setFault(FaultMode mode) {
        setFault(mode, hangMillis());
    }

    /** Switches the fault mode and the hang time; requests hanging now are released. */
    public void setFault(FaultMode mode, long hangMillis) {
        faults.set(mode, hangMillis);
    }

    /** Releases hanging requests and makes later hangs return at once; called when the servlet is destroyed. */
    public void stop() {
        faults.stop();
    }

    /**
     * Holds the calling request while the hang fault lasts: until the hang time passes, the mode
     * changes, the sandbox stops or the thread is interrupted.
     */
    void hang() {
        faults.hang();
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
        RestRoute route = RestRoute.of(path);
        boolean r1 = route.rejoiner1;
        SandboxEvent.Builder e = new SandboxEvent.Builder(SandboxEvent.REST, r1 ? API_REJOINER_1 : API_REJOINER_2)
                .request(method, requestPath);
        Findings f = e.findings();
        String call = route.call;
        e.call(call);

        // Route
        int routeStatus = 0;
        boolean ping = route.isPing();
        if (call == null) {
            routeStatus = 404;
            f.error("", route.unknownEndpoint());
        } else if (ping ? !"GET".equals(method) : !"POST".equals(method)) {
            routeStatus = 405;
            f.error("", (ping ? "the connection test is a GET" : "lead calls are POSTs") + ", got " + method);
        }

        // Authentication
        String authFailure = auth.check(r1, authorization, method, requestPath, path, body);
        if (authFailure == null && !siteId.equals(route.site)) {
            authFailure = "unknown site id '" + route.site + "' (the sandbox accepts '" + siteId + "')";
        }
        if (authFailure == null) {
            e.auth("valid", r1 ? "signature valid" : "API key valid");
        } else {
            e.auth(authorization == null ? "missing" : "invalid", authFailure);
        }

        // Payload
        if ("POST".equals(method) && call != null && !ping) {
            JsonNode parsed = json.parse(body, e);
            if (parsed != null) {
                rules.leadBody(call, parsed, f);
                e.email(JsonBodies.text(parsed.get("email")));
                JsonNode cartData = parsed.get("cart_data");
                e.orderNumber(cartData == null ? null : JsonBodies.text(cartData.get("customer_order_number")));
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
            answer.set("errors", JsonBodies.strings(f.texts(Findings.ERROR)));
        } else if (authFailure != null) {
            status = r1 ? 403 : 401;
            answer.put("error", authFailure);
        } else if (f.hasErrors()) {
            status = 400;
            answer.set("errors", JsonBodies.strings(f.texts(Findings.ERROR)));
            answer.set("warnings", JsonBodies.strings(f.texts(Findings.WARNING)));
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

    // ---------------------------------------------------------------- JavaScript

    /**
     * Records one report of the JavaScript stand-in (see {@link JsReports}). Returns the events
     * stored (one per call; a single error event when the report is unusable).
     */
    List<SandboxEvent> jsReport(byte[] body) {
        return jsReports.record(body);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code text} with every occurrence of the secret cut out: the last guard before anything is emitted. */
    String scrub(String text) {
        return text == null ? null : text.replace(apiSecret, "(hidden)");
    }

    ObjectMapper mapper() {
        return json.mapper();
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    @Override
    public String toString() {
        return "RejoinerSandbox{siteId=" + siteId + ", apiKey=" + apiKey + ", apiSecret=(hidden), events="
                + events.size() + "/" + events.capacity() + ", fault=" + faultMode().wireName() + "}";
    }
}
