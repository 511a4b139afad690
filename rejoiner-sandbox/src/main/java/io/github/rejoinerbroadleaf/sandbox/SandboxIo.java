package io.github.rejoinerbroadleaf.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading requests and writing answers for the sandbox's endpoints: bounded bodies, method checks,
 * and JSON or HTML that passes the sandbox's secret scrubber on its way out.
 */
final class SandboxIo {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String JSON_TYPE = "application/json;charset=utf-8";

    private final RejoinerSandbox sandbox;

    SandboxIo(RejoinerSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** True when {@code method} is one of {@code allowed}; else answers 405 with an Allow header. */
    static boolean allow(String method, HttpServletResponse resp, String... allowed) throws IOException {
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
    byte[] readBody(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
        error(resp, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
    }

    /** Answers {@code {"error": message}}. */
    void error(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", message);
        json(resp, status, o);
    }

    void json(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        write(resp, status, JSON_TYPE, sandbox.mapper().writeValueAsString(body));
    }

    /** Writes {@code text} with the secret scrubbed out. */
    void write(HttpServletResponse resp, int status, String contentType, String text) throws IOException {
        byte[] bytes = sandbox.scrub(text).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
