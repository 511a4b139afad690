package io.github.rejoinerbroadleaf.sandbox;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Turns one report of the JavaScript stand-in ({@code rejoiner-sandbox.js}) into events, one per
 * {@code _rejoiner.push} call, each checked by {@link PayloadRules}. A report is
 * {@code {"visitor": "...", "pageId": "...", "page": "https://...", "first": 0, "calls": [[name, arg], ...]}}.
 */
final class JsReports {

    /** Calls taken from one page report; more are dropped with a warning. */
    static final int MAX_CALLS_PER_REPORT = 500;
    /** The call name of the single event stored for an unusable report. */
    static final String WHOLE_REPORT = "(report)";

    private final PayloadRules rules;
    private final EventStore events;
    private final JsonBodies json;

    JsReports(PayloadRules rules, EventStore events, JsonBodies json) {
        this.rules = rules;
        this.events = events;
        this.json = json;
    }

    /** Stores and returns the report's events (a single error event when the report is unusable). */
    List<SandboxEvent> record(byte[] body) {
        List<SandboxEvent> stored = new ArrayList<SandboxEvent>();
        SandboxEvent.Builder whole = new SandboxEvent.Builder(SandboxEvent.JS, RejoinerSandbox.API_JS).call(WHOLE_REPORT);
        JsonNode report = json.parse(body, whole);
        if (report != null && (!report.isObject() || !(report.get("calls") instanceof ArrayNode))) {
            whole.findings().error("", "a report must be an object with a 'calls' array");
            report = null;
        }
        if (report == null) {
            stored.add(events.add(whole));
            return stored;
        }
        String visitor = JsonBodies.text(report.get("visitor"));
        String pageId = JsonBodies.text(report.get("pageId"));
        String page = JsonBodies.text(report.get("page"));
        JsonNode firstNode = report.get("first");
        int first = firstNode != null && firstNode.canConvertToInt() ? firstNode.intValue() : 0;
        ArrayNode calls = (ArrayNode) report.get("calls");
        int n = Math.min(calls.size(), MAX_CALLS_PER_REPORT);
        for (int i = 0; i < n; i++) {
            SandboxEvent.Builder e = new SandboxEvent.Builder(SandboxEvent.JS, RejoinerSandbox.API_JS)
                    .visitor(visitor, pageId, first + i, page);
            call(calls.get(i), e);
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

    /** Checks one call and notes who and which order it is about, for the page's groups and filters. */
    private void call(JsonNode call, SandboxEvent.Builder e) {
        String name = rules.jsCall(call, e.findings());
        e.call(name);
        if (call != null && call.isArray() && call.size() > 1) {
            JsonNode arg = call.get(1);
            e.payload(arg.isNull() ? null : arg);
            if ("setCustomerEmail".equals(name)) {
                e.email(JsonBodies.text(arg.get("email")));
            } else if ("setCartData".equals(name)) {
                e.orderNumber(JsonBodies.text(arg.get("customer_order_number")));
            } else if ("sendConversion".equals(name) && arg.get("cart_data") != null) {
                e.orderNumber(JsonBodies.text(arg.get("cart_data").get("customer_order_number")));
            }
        } else if (call != null && !call.isArray()) {
            e.payload(call);
        }
    }
}
