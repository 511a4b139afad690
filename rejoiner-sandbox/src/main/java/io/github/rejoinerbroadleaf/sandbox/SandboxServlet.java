package io.github.rejoinerbroadleaf.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox on HTTP. Map it to {@code /*} of its own context (e.g. {@code /rejoiner-sandbox}),
 * or to {@code /rejoiner-sandbox/*} of a store's context; paths below are relative to that base:
 *
 * <ul>
 * <li>{@code GET /} the event page; {@code POST /faults} and {@code POST /clear} its forms</li>
 * <li>{@code POST /api/1.0/site/{site_id}/lead/{convert,cancel,unsubscribe,opt_in}}, {@code GET /api/1.0/site/{site_id}/}
 *     (Rejoiner 1, signed)</li>
 * <li>{@code POST /api/v1/{site_id}/customer/{convert,cancel,unsubscribe,opt_in}/}, {@code GET /api/v1/{site_id}/ping/}
 *     (Rejoiner 2, key)</li>
 * <li>{@code GET /js/v4/rejoiner.lib.js}, {@code GET /js/v4/rj2.lib.js} the JavaScript stand-in;
 *     {@code POST /api/js-events} its reports</li>
 * <li>{@code GET /api/events[?since=ID]}, {@code DELETE /api/events}, {@code POST /api/events/clear},
 *     {@code GET|POST /api/faults}; the writing ones need the header {@value #API_HEADER}</li>
 * </ul>
 *
 * <p>Created with a {@link RejoinerSandbox}, or (from web.xml) without one: then the init parameters
 * {@code siteId}, {@code apiKey}, {@code apiSecret}, {@code maxEvents} and {@code hangSeconds} configure
 * it, defaulting to the demo keys. {@link #destroy()} releases hanging requests.
 */
public class SandboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Header the JSON API's writing calls must carry (any value); browsers cannot send it cross-site without CORS. */
    public static final String API_HEADER = "X-Rejoiner-Sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String JSON_TYPE = "application/json;charset=utf-8";

    private transient RejoinerSandbox sandbox;
    private transient String libraryTemplate;

    /** For web.xml: the sandbox is built from init parameters in {@link #init()}. */
    public SandboxServlet() {
    }

    public SandboxServlet(RejoinerSandbox sandbox) {
        if (sandbox == null) {
            throw new IllegalArgumentException("sandbox is required");
        }
        this.sandbox = sandbox;
    }

    @Override
    public void init() throws ServletException {
        if (sandbox == null) {
            sandbox = new RejoinerSandbox(
                    param("siteId", RejoinerSandbox.DEMO_SITE_ID),
                    param("apiKey", RejoinerSandbox.DEMO_API_KEY),
                    param("apiSecret", RejoinerSandbox.DEMO_API_SECRET),
                    Integer.parseInt(param("maxEvents", String.valueOf(RejoinerSandbox.DEFAULT_MAX_EVENTS))),
                    Long.parseLong(param("hangSeconds", String.valueOf(RejoinerSandbox.DEFAULT_HANG_MILLIS / 1000))) * 1000L);
        }
        try {
            libraryTemplate = SandboxPage.resource("rejoiner-sandbox.js");
        } catch (IOException e) {
            throw new ServletException("the sandbox's JavaScript resource is missing", e);
        }
        LOG.warn("Rejoiner SANDBOX is mounted (site id {}); it is a test tool: nothing reaches Rejoiner", sandbox.siteId());
    }

    private String param(String name, String defaultValue) {
        String value = getInitParameter(name);
        return value == null || value.trim().isEmpty() ? defaultValue : value.trim();
    }

    /** The sandbox behind this servlet. */
    public RejoinerSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void destroy() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String base = req.getContextPath() + req.getServletPath();
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "same-origin");

        if (RejoinerSandbox.isRestPath(path)) {
            rest(req, resp, path, method);
        } else if (path.equals("/") || path.equals("/index.html")) {
            if (allow(method, resp, "GET", "HEAD")) {
                page(req, resp, base);
            }
        } else if (path.equals("/js/v4/rejoiner.lib.js") || path.equals("/js/v4/rj2.lib.js")) {
            if (allow(method, resp, "GET", "HEAD")) {
                library(resp, base, path.endsWith("rj2.lib.js") ? "rejoiner2" : "rejoiner1");
            }
        } else if (path.equals("/api/js-events")) {
            if (allow(method, resp, "POST")) {
                jsEvents(req, resp);
            }
        } else if (path.equals("/api/events")) {
            if (method.equals("DELETE")) {
                clear(req, resp);
            } else if (allow(method, resp, "GET", "DELETE")) {
                events(req, resp);
            }
        } else if (path.equals("/api/events/clear")) {
            if (allow(method, resp, "POST")) {
                clear(req, resp);
            }
        } else if (path.equals("/api/faults")) {
            if (method.equals("POST")) {
                setFaults(req, resp);
            } else if (allow(method, resp, "GET", "POST")) {
                json(resp, 200, faultsJson());
            }
        } else if (path.equals("/faults") || path.equals("/clear")) {
            if (allow(method, resp, "POST")) {
                form(req, resp, base, path);
            }
        } else {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("error", "not a sandbox resource; see " + base + "/");
            json(resp, 404, o);
        }
    }

    // ---------------------------------------------------------------- REST API stand-in

    private void rest(HttpServletRequest req, HttpServletResponse resp, String path, String method) throws IOException {
        byte[] body = readBody(req, resp);
        if (body == null) {
            return;
        }
        RejoinerSandbox.Answer answer = sandbox.rest(method, req.getRequestURI(), path, req.getHeader("Authorization"),
                req.getContentType(), body);
        if (answer.hang) {
            sandbox.hang();
        }
        resp.setHeader("X-Rejoiner-Sandbox-Event", String.valueOf(answer.event.id));
        if (answer.body == null) {
            resp.setStatus(answer.status);
            resp.setContentLength(0);
        } else {
            json(resp, answer.status, answer.body);
        }
    }

    // ---------------------------------------------------------------- JavaScript stand-in

    private void library(HttpServletResponse resp, String base, String generation) throws IOException {
        String script = libraryTemplate
                .replace("\"__SANDBOX_EVENTS_URL__\"", SandboxPage.jsString(base + "/api/js-events"))
                .replace("\"__SANDBOX_GENERATION__\"", SandboxPage.jsString(generation));
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("application/javascript;charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void jsEvents(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!sameOrigin(req)) {
            // Another site's page must not fill the sandbox with reports (a cross-site form or beacon).
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("error", "cross-origin reports are refused");
            json(resp, 403, o);
            return;
        }
        byte[] body = readBody(req, resp);
        if (body == null) {
            return;
        }
        List<SandboxEvent> stored = sandbox.jsReport(body);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("events");
        boolean unusable = stored.size() == 1 && "(report)".equals(stored.get(0).call);
        for (SandboxEvent e : stored) {
            ObjectNode item = list.addObject();
            item.put("id", e.id);
            item.put("call", e.call);
            item.put("valid", e.valid());
            item.set("problems", e.findings.toJson());
        }
        json(resp, unusable ? 400 : 200, o);
    }

    /**
     * True unless the browser says the post comes from another origin: {@code Origin}, or without it
     * {@code Referer}, must name this server's scheme, host and port. A request with neither (curl,
     * a test) is not a browser's cross-site post and is accepted.
     */
    static boolean sameOrigin(HttpServletRequest req) {
        String own = req.getScheme() + "://" + req.getHeader("Host");
        String origin = req.getHeader("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(own);
        }
        String referer = req.getHeader("Referer");
        if (referer != null) {
            return referer.regionMatches(true, 0, own + "/", 0, own.length() + 1) || referer.equalsIgnoreCase(own);
        }
        return true;
    }

    // ---------------------------------------------------------------- events and faults API

    private void events(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long since;
        try {
            String s = req.getParameter("since");
            since = s == null || s.trim().isEmpty() ? 0L : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("error", "since must be an event id (a whole number)");
            json(resp, 400, o);
            return;
        }
        EventFilter filter = EventFilter.of(req);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("lastId", sandbox.lastEventId());
        o.put("capacity", sandbox.events().capacity());
        o.put("siteId", sandbox.siteId());
        o.set("faults", faultsJson());
        ArrayNode list = o.putArray("events");
        for (SandboxEvent e : sandbox.events().newestFirst(since)) {
            if (filter.matches(e)) {
                list.add(e.toJson());
            }
        }
        json(resp, 200, o);
    }

    private void clear(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!hasApiHeader(req, resp)) {
            return;
        }
        sandbox.clearEvents();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cleared", true);
        o.put("lastId", sandbox.lastEventId());
        json(resp, 200, o);
    }

    private void setFaults(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!hasApiHeader(req, resp)) {
            return;
        }
        byte[] body = readBody(req, resp);
        if (body == null) {
            return;
        }
        String error = null;
        try {
            JsonNode node = sandbox.mapper().readTree(body);
            FaultMode mode = node == null ? null : FaultMode.fromWireName(node.path("mode").asText(null));
            long hang = sandbox.hangMillis();
            if (node != null && node.has("hangMillis")) {
                hang = node.get("hangMillis").asLong(-1);
            } else if (node != null && node.has("hangSeconds")) {
                hang = node.get("hangSeconds").asLong(-1) * 1000L;
            }
            if (mode == null) {
                error = "mode must be one of none, 500, 403, hang";
            } else if (hang <= 0) {
                error = "hangMillis must be a positive whole number";
            } else {
                sandbox.setFault(mode, hang);
            }
        } catch (JsonProcessingException e) {
            error = "malformed JSON: " + e.getOriginalMessage();
        }
        if (error != null) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("error", error);
            json(resp, 400, o);
        } else {
            json(resp, 200, faultsJson());
        }
    }

    private ObjectNode faultsJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", sandbox.faultMode().wireName());
        o.put("hangMillis", sandbox.hangMillis());
        return o;
    }

    private boolean hasApiHeader(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getHeader(API_HEADER) != null) {
            return true;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", "send the header " + API_HEADER + ": 1 with this call (protection against cross-site requests)");
        json(resp, 403, o);
        return false;
    }

    // ---------------------------------------------------------------- page and forms

    private void page(HttpServletRequest req, HttpServletResponse resp, String base) throws IOException {
        String html = new SandboxPage(sandbox, base).render(EventFilter.of(req));
        byte[] bytes = sandbox.scrub(html).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, String base, String path) throws IOException {
        if (!isSameOrigin(req)) {
            resp.setStatus(403);
            resp.setContentType("text/plain;charset=utf-8");
            resp.getWriter().write("Cross-site form posts are refused. Use the sandbox page itself.");
            return;
        }
        if (path.equals("/clear")) {
            sandbox.clearEvents();
        } else {
            FaultMode mode = FaultMode.fromWireName(req.getParameter("mode"));
            long hang = sandbox.hangMillis();
            String seconds = req.getParameter("hangSeconds");
            if (seconds != null && !seconds.trim().isEmpty()) {
                try {
                    hang = Long.parseLong(seconds.trim()) * 1000L;
                } catch (NumberFormatException e) {
                    hang = -1;
                }
            }
            if (mode == null || hang <= 0) {
                resp.setStatus(400);
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().write("mode must be none, 500, 403 or hang, and hangSeconds a positive whole number");
                return;
            }
            sandbox.setFault(mode, hang);
        }
        resp.setStatus(303);
        resp.setHeader("Location", base + "/");
    }

    /**
     * The request comes from a page of the same origin: Origin (or, without it, Referer) names the
     * host of the request. A request with neither comes from no browser page and is allowed.
     */
    static boolean isSameOrigin(HttpServletRequest req) {
        String host = req.getHeader("Host");
        String origin = req.getHeader("Origin");
        String source = origin != null ? origin : req.getHeader("Referer");
        if (source == null) {
            return true;
        }
        if (host == null || "null".equals(source)) {
            return false;
        }
        try {
            URI uri = new URI(source);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean allow(String method, HttpServletResponse resp, String... allowed) throws IOException {
        for (String a : allowed) {
            if (a.equals(method)) {
                return true;
            }
        }
        resp.setHeader("Allow", String.join(", ", allowed));
        resp.sendError(405);
        return false;
    }

    /** The body, or null after answering 413 when it is too large. */
    private byte[] readBody(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(resp);
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    tooLarge(resp);
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse resp) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", "body larger than " + MAX_BODY_BYTES + " bytes");
        json(resp, 413, o);
    }

    private void json(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        byte[] bytes = sandbox.scrub(sandbox.mapper().writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(JSON_TYPE);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
