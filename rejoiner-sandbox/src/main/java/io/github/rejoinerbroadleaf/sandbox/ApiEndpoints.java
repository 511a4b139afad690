package io.github.rejoinerbroadleaf.sandbox;

import java.io.IOException;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox's JSON API: the JavaScript stand-in's reports ({@code POST /api/js-events}), the
 * events ({@code GET /api/events}), clearing them and the fault switch. The writing calls other than
 * reports need the header {@value SandboxServlet#API_HEADER}, which a cross-site form cannot send.
 */
final class ApiEndpoints {

    private final RejoinerSandbox sandbox;
    private final SandboxIo io;

    ApiEndpoints(RejoinerSandbox sandbox, SandboxIo io) {
        this.sandbox = sandbox;
        this.io = io;
    }

    void jsEvents(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!SameOrigin.ofReport(req)) {
            io.error(resp, 403, "cross-origin reports are refused");
            return;
        }
        byte[] body = io.readBody(req, resp);
        if (body == null) {
            return;
        }
        List<SandboxEvent> stored = sandbox.jsReport(body);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("events");
        boolean unusable = stored.size() == 1 && JsReports.WHOLE_REPORT.equals(stored.get(0).call);
        for (SandboxEvent e : stored) {
            ObjectNode item = list.addObject();
            item.put("id", e.id);
            item.put("call", e.call);
            item.put("valid", e.valid());
            item.set("problems", e.findings.toJson());
        }
        io.json(resp, unusable ? 400 : 200, o);
    }

    void events(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long since;
        try {
            String s = req.getParameter("since");
            since = s == null || s.trim().isEmpty() ? 0L : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            io.error(resp, 400, "since must be an event id (a whole number)");
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
        io.json(resp, 200, o);
    }

    void clear(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!hasApiHeader(req, resp)) {
            return;
        }
        sandbox.clearEvents();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cleared", true);
        o.put("lastId", sandbox.lastEventId());
        io.json(resp, 200, o);
    }

    void faults(HttpServletResponse resp) throws IOException {
        io.json(resp, 200, faultsJson());
    }

    void setFaults(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!hasApiHeader(req, resp)) {
            return;
        }
        byte[] body = io.readBody(req, resp);
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
            io.error(resp, 400, error);
        } else {
            io.json(resp, 200, faultsJson());
        }
    }

    private ObjectNode faultsJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", sandbox.faultMode().wireName());
        o.put("hangMillis", sandbox.hangMillis());
        return o;
    }

    private boolean hasApiHeader(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getHeader(SandboxServlet.API_HEADER) != null) {
            return true;
        }
        io.error(resp, 403, "send the header " + SandboxServlet.API_HEADER
                + ": 1 with this call (protection against cross-site requests)");
        return false;
    }
}
