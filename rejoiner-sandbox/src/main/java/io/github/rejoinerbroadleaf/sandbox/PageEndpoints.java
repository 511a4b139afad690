package io.github.rejoinerbroadleaf.sandbox;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The sandbox's HTML page ({@code GET /}, rendered by {@link SandboxPage}) and its two forms
 * ({@code POST /faults}, {@code POST /clear}), which only the page itself may post (see
 * {@link SameOrigin#ofForm}).
 */
final class PageEndpoints {

    private final RejoinerSandbox sandbox;
    private final SandboxIo io;

    PageEndpoints(RejoinerSandbox sandbox, SandboxIo io) {
        this.sandbox = sandbox;
        this.io = io;
    }

    void page(HttpServletRequest req, HttpServletResponse resp, String base) throws IOException {
        String html = new SandboxPage(sandbox, base).render(EventFilter.of(req));
        resp.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        io.write(resp, 200, "text/html;charset=utf-8", html);
    }

    void form(HttpServletRequest req, HttpServletResponse resp, String base, String path) throws IOException {
        if (!SameOrigin.ofForm(req)) {
            plain(resp, 403, "Cross-site form posts are refused. Use the sandbox page itself.");
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
                plain(resp, 400, "mode must be none, 500, 403 or hang, and hangSeconds a positive whole number");
                return;
            }
            sandbox.setFault(mode, hang);
        }
        resp.setStatus(303);
        resp.setHeader("Location", base + "/");
    }

    private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().write(text);
    }
}
