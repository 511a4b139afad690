package io.github.rejoinerbroadleaf.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing the sandbox received: a REST call or one JavaScript API call. Immutable once stored;
 * {@link #toJson()} is the entry of {@code /api/events} (see docs/sandbox.md for the shape).
 */
final class SandboxEvent {

    static final String REST = "rest";
    static final String JS = "js";

    final long id;
    final Instant time;
    /** {@link #REST} or {@link #JS}. */
    final String source;
    /** rejoiner1, rejoiner2 or javascript. */
    final String api;
    /** convert, cancel, unsubscribe, opt_in, ping, a JavaScript call name, or "(unknown)". */
    final String call;
    final String method;
    final String path;
    /** HTTP status answered (REST), or null (JavaScript). */
    final Integer status;
    /** valid, invalid, missing (REST) or null (JavaScript). */
    final String auth;
    final String authDetail;
    final String fault;
    final String visitor;
    final String pageId;
    final Integer index;
    final String page;
    final String email;
    final String orderNumber;
    /** The parsed body (REST) or the call's argument (JavaScript); null when absent or unparsable. */
    final JsonNode payload;
    final boolean hasPayload;
    /** The body as text when it was not JSON (shortened). */
    final String rawBody;
    final Findings findings;
    private final ObjectNode json;

    private SandboxEvent(Builder b, long id, Instant time) {
        this.id = id;
        this.time = time;
        this.source = b.source;
        this.api = b.api;
        this.call = b.call == null ? "(unknown)" : b.call;
        this.method = b.method;
        this.path = b.path;
        this.status = b.status;
        this.auth = b.auth;
        this.authDetail = b.authDetail;
        this.fault = b.fault;
        this.visitor = b.visitor;
        this.pageId = b.pageId;
        this.index = b.index;
        this.page = b.page;
        this.email = b.email;
        this.orderNumber = b.orderNumber;
        this.payload = b.payload;
        this.hasPayload = b.hasPayload;
        this.rawBody = b.rawBody;
        this.findings = b.findings;
        this.json = buildJson();
    }

    /** No errors in the payload (authentication and faults are separate). */
    boolean valid() {
        return !findings.hasErrors();
    }

    /** What Rejoiner would have done: REST answered 2xx, or a JavaScript call without errors. */
    boolean accepted() {
        return status == null ? valid() : status >= 200 && status < 300;
    }

    /** The order this belongs to: its customer_order_number, else its e-mail, else null. */
    String orderKey() {
        return orderNumber != null ? orderNumber : email;
    }

    private ObjectNode buildJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        o.put("time", time.toString());
        o.put("source", source);
        o.put("api", api);
        o.put("call", call);
        if (method != null) {
            o.put("method", method);
        }
        if (path != null) {
            o.put("path", path);
        }
        if (status != null) {
            o.put("status", status.intValue());
        }
        if (auth != null) {
            o.put("auth", auth);
            o.put("authDetail", authDetail);
        }
        if (fault != null) {
            o.put("fault", fault);
        }
        putIfSet(o, "visitor", visitor);
        putIfSet(o, "pageId", pageId);
        if (index != null) {
            o.put("index", index.intValue());
        }
        putIfSet(o, "page", page);
        putIfSet(o, "email", email);
        putIfSet(o, "orderNumber", orderNumber);
        o.put("valid", valid());
        o.put("accepted", accepted());
        if (hasPayload) {
            o.set(JS.equals(source) ? "argument" : "body", payload == null ? JsonNodeFactory.instance.nullNode() : payload);
        }
        if (rawBody != null) {
            o.put("rawBody", rawBody);
        }
        o.set("problems", findings.toJson());
        return o;
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    /** The JSON entry; shared, do not modify. */
    ObjectNode toJson() {
        return json;
    }

    /** Collects an event's parts; {@link EventStore#add(Builder)} numbers and stores it. */
    static final class Builder {
        private final String source;
        private final String api;
        private String call;
        private String method;
        private String path;
        private Integer status;
        private String auth;
        private String authDetail;
        private String fault;
        private String visitor;
        private String pageId;
        private Integer index;
        private String page;
        private String email;
        private String orderNumber;
        private JsonNode payload;
        private boolean hasPayload;
        private String rawBody;
        private Findings findings = new Findings();

        Builder(String source, String api) {
            this.source = source;
            this.api = api;
        }

        Builder call(String call) {
            this.call = call;
            return this;
        }

        Builder request(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Builder status(int status) {
            this.status = status;
            return this;
        }

        Builder auth(String auth, String detail) {
            this.auth = auth;
            this.authDetail = detail;
            return this;
        }

        Builder fault(FaultMode mode) {
            this.fault = mode.wireName();
            return this;
        }

        Builder visitor(String visitor, String pageId, int index, String page) {
            this.visitor = visitor;
            this.pageId = pageId;
            this.index = index;
            this.page = page;
            return this;
        }

        Builder email(String email) {
            this.email = email;
            return this;
        }

        Builder orderNumber(String orderNumber) {
            this.orderNumber = orderNumber;
            return this;
        }

        /** The parsed body or argument; {@code null} for a JSON null. */
        Builder payload(JsonNode payload) {
            this.payload = payload;
            this.hasPayload = true;
            return this;
        }

        Builder rawBody(String rawBody) {
            this.rawBody = rawBody;
            return this;
        }

        Builder findings(Findings findings) {
            this.findings = findings;
            return this;
        }

        Findings findings() {
            return findings;
        }

        Integer status() {
            return status;
        }

        SandboxEvent build(long id, Instant time) {
            return new SandboxEvent(this, id, time);
        }
    }
}
