package io.github.rejoinerbroadleaf.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>This class routes; the JSON API is {@link ApiEndpoints}, the page and its forms
 * {@link PageEndpoints}, request and answer handling {@link SandboxIo}.
 */
public class SandboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Header the JSON API's writing calls must carry (any value); browsers cannot send it cross-site without CORS. */
    public static final String API_HEADER = "X-Rejoiner-Sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);

    private transient RejoinerSandbox sandbox;
    private transient String libraryTemplate;
    private transient SandboxIo io;
    private transient ApiEndpoints api;
    private transient PageEndpoints pages;

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
        io = new SandboxIo(sandbox);
        api = new ApiEndpoints(sandbox, io);
        pages = new PageEndpoints(sandbox, io);
        try {
            libraryTemplate = Html.resource("rejoiner-sandbox.js");
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

        if (RestRoute.isRestPath(path)) {
            rest(req, resp, path, method);
        } else if (path.equals("/") || path.equals("/index.html")) {
            if (SandboxIo.allow(method, resp, "GET", "HEAD")) {
                pages.page(req, resp, base);
            }
        } else if (path.equals("/js/v4/rejoiner.lib.js") || path.equals("/js/v4/rj2.lib.js")) {
            if (SandboxIo.allow(method, resp, "GET", "HEAD")) {
                library(resp, base, path.endsWith("rj2.lib.js") ? "rejoiner2" : "rejoiner1");
            }
        } else if (path.equals("/api/js-events")) {
            if (SandboxIo.allow(method, resp, "POST")) {
                api.jsEvents(req, resp);
            }
        } else if (path.equals("/api/events")) {
            if (method.equals("DELETE")) {
                api.clear(req, resp);
            } else if (SandboxIo.allow(method, resp, "GET", "DELETE")) {
                api.events(req, resp);
            }
        } else if (path.equals("/api/events/clear")) {
            if (SandboxIo.allow(method, resp, "POST")) {
                api.clear(req, resp);
            }
        } else if (path.equals("/api/faults")) {
            if (method.equals("POST")) {
                api.setFaults(req, resp);
            } else if (SandboxIo.allow(method, resp, "GET", "POST")) {
                api.faults(resp);
            }
        } else if (path.equals("/faults") || path.equals("/clear")) {
            if (SandboxIo.allow(method, resp, "POST")) {
                pages.form(req, resp, base, path);
            }
        } else {
            io.error(resp, 404, "not a sandbox resource; see " + base + "/");
        }
    }

    // ---------------------------------------------------------------- REST API stand-in

    private void rest(HttpServletRequest req, HttpServletResponse resp, String path, String method) throws IOException {
        byte[] body = io.readBody(req, resp);
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
            io.json(resp, answer.status, answer.body);
        }
    }

    // ---------------------------------------------------------------- JavaScript stand-in

    private void library(HttpServletResponse resp, String base, String generation) throws IOException {
        String script = libraryTemplate
                .replace("\"__SANDBOX_EVENTS_URL__\"", Html.jsString(base + "/api/js-events"))
                .replace("\"__SANDBOX_GENERATION__\"", Html.jsString(generation));
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("application/javascript;charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
