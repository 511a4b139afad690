package io.github.rejoinerbroadleaf.sandbox;

import static io.github.rejoinerbroadleaf.sandbox.Html.esc;
import static io.github.rejoinerbroadleaf.sandbox.Html.url;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox's HTML page: connection settings, fault switch, visitors and orders, and every event
 * newest first with what validation found. Everything shown is HTML-escaped ({@link Html}); the page
 * has no script.
 */
final class SandboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final RejoinerSandbox sandbox;
    private final String base;

    SandboxPage(RejoinerSandbox sandbox, String base) {
        this.sandbox = sandbox;
        this.base = base;
    }

    String render(EventFilter filter) throws IOException {
        List<SandboxEvent> all = sandbox.events().newestFirst(0L);
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Rejoiner sandbox</title><style>").append(Html.css()).append("</style></head><body>\n");
        h.append("<header><h1>Rejoiner sandbox</h1><p class=\"banner\">A local stand-in for Rejoiner: nothing here ")
                .append("reaches Rejoiner, and nothing is e-mailed. It keeps the last ").append(sandbox.events().capacity())
                .append(" events in memory. Never expose it on a public production store.</p></header>\n");
        settings(h);
        faults(h);
        groups(h, all);
        events(h, all, filter);
        h.append("</body></html>\n");
        return h.toString();
    }

    private void settings(StringBuilder h) {
        h.append("<section id=\"settings\"><h2>Connect a store</h2><dl>");
        dl(h, "Site id", "<code id=\"site-id\">" + esc(sandbox.siteId()) + "</code>");
        dl(h, "API key", "<code>" + esc(sandbox.apiKey()) + "</code>");
        dl(h, "API secret", "configured; never shown here (the page only says whether a signature was valid)");
        dl(h, "REST base URL", "<code>http://HOST:PORT" + esc(base) + "</code> (Rejoiner 1 and Rejoiner 2 paths below it)");
        dl(h, "JavaScript library", "<code>http://HOST:PORT" + esc(base) + "/js/v4/rejoiner.lib.js</code> or <code>…/rj2.lib.js</code>");
        dl(h, "The same data as JSON", "<a href=\"" + esc(base) + "/api/events\">" + esc(base) + "/api/events</a>");
        h.append("</dl></section>\n");
    }

    private void faults(StringBuilder h) {
        FaultMode mode = sandbox.faultMode();
        h.append("<section id=\"faults\"><h2>Fault switch</h2><p>REST calls now: <strong id=\"fault-mode\" class=\"")
                .append(mode == FaultMode.NONE ? "ok" : "bad").append("\">").append(esc(describe(mode)))
                .append("</strong></p>");
        h.append("<form method=\"post\" action=\"").append(esc(base)).append("/faults\">");
        for (FaultMode m : FaultMode.values()) {
            h.append("<button type=\"submit\" name=\"mode\" value=\"").append(esc(m.wireName())).append("\"")
                    .append(m == mode ? " class=\"current\"" : "").append(">").append(esc(buttonLabel(m))).append("</button> ");
        }
        h.append("<label>hang time <input type=\"number\" name=\"hangSeconds\" min=\"1\" value=\"")
                .append(Math.max(1L, sandbox.hangMillis() / 1000L)).append("\"> s</label></form>");
        h.append("<form method=\"post\" action=\"").append(esc(base))
                .append("/clear\"><button type=\"submit\">Clear all events</button></form></section>\n");
    }

    private String describe(FaultMode mode) {
        switch (mode) {
            case ERROR_500:
                return "answered with 500 (outage)";
            case FORBIDDEN_403:
                return "answered with 403 (credentials refused)";
            case HANG:
                return "held for " + sandbox.hangMillis() / 1000.0 + " s, then 503";
            default:
                return "answered normally";
        }
    }

    private static String buttonLabel(FaultMode mode) {
        switch (mode) {
            case ERROR_500:
                return "Answer 500";
            case FORBIDDEN_403:
                return "Answer 403";
            case HANG:
                return "Hang";
            default:
                return "Normal";
        }
    }

    private void groups(StringBuilder h, List<SandboxEvent> all) {
        Map<String, int[]> visitors = new LinkedHashMap<String, int[]>();
        Map<String, int[]> orders = new LinkedHashMap<String, int[]>();
        for (SandboxEvent e : all) {
            if (e.visitor != null) {
                count(visitors, e.visitor, e);
            }
            if (e.orderNumber != null) {
                count(orders, "order:" + e.orderNumber, e);
            } else if (e.email != null) {
                count(orders, "email:" + e.email, e);
            }
        }
        h.append("<section id=\"groups\"><div><h2>Visitors (JavaScript)</h2>");
        list(h, visitors, "visitor");
        h.append("</div><div><h2>Orders and customers (REST and JavaScript)</h2>");
        list(h, orders, null);
        h.append("</div></section>\n");
    }

    private static void count(Map<String, int[]> groups, String key, SandboxEvent e) {
        int[] c = groups.get(key);
        if (c == null) {
            c = new int[2];
            groups.put(key, c);
        }
        c[0]++;
        if (!e.valid() || !e.accepted()) {
            c[1]++;
        }
    }

    private void list(StringBuilder h, Map<String, int[]> groups, String param) {
        if (groups.isEmpty()) {
            h.append("<p class=\"muted\">none yet</p>");
            return;
        }
        h.append("<ul>");
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            String key = g.getKey();
            String p = param;
            String value = key;
            if (p == null) {
                p = key.startsWith("order:") ? "order" : "email";
                value = key.substring(key.indexOf(':') + 1);
            }
            h.append("<li><a href=\"").append(esc(base + "/?" + p + "=" + url(value))).append("\">")
                    .append(esc(p.equals("visitor") ? value : key.replace(":", " "))).append("</a> ")
                    .append(g.getValue()[0]).append(g.getValue()[0] == 1 ? " event" : " events");
            if (g.getValue()[1] > 0) {
                h.append(", <span class=\"bad\">").append(g.getValue()[1]).append(" with problems</span>");
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    private void events(StringBuilder h, List<SandboxEvent> all, EventFilter filter) throws JsonProcessingException {
        h.append("<section id=\"events\"><h2>Events, newest first</h2>");
        if (!filter.isEmpty()) {
            h.append("<p>Showing only ")
                    .append(filter.visitor != null ? "visitor " + esc(filter.visitor) + " " : "")
                    .append(filter.order != null ? "order " + esc(filter.order) + " " : "")
                    .append(filter.email != null ? "e-mail " + esc(filter.email) + " " : "")
                    .append("— <a href=\"").append(esc(base)).append("/\">show all</a></p>");
        }
        h.append("<table><thead><tr><th>#</th><th>time (UTC)</th><th>call</th><th>who</th><th>answer</th>")
                .append("<th>findings</th></tr></thead><tbody>");
        int shown = 0;
        for (SandboxEvent e : all) {
            if (filter.matches(e)) {
                row(h, e);
                shown++;
            }
        }
        h.append("</tbody></table>");
        if (shown == 0) {
            h.append("<p class=\"muted\" id=\"no-events\">Nothing received yet. Browse the store, or send a REST call.</p>");
        }
        h.append("</section>\n");
    }

    private void row(StringBuilder h, SandboxEvent e) throws JsonProcessingException {
        boolean ok = e.valid() && e.accepted();
        h.append("<tr id=\"event-").append(e.id).append("\" class=\"event ").append(ok ? "ok" : "bad").append("\">");
        h.append("<td>").append(e.id).append("</td>");
        h.append("<td>").append(esc(TIME.format(e.time))).append("</td>");
        h.append("<td><strong class=\"call\">").append(esc(e.call)).append("</strong><br><span class=\"muted\">")
                .append(esc(e.api));
        if (e.path != null) {
            h.append(" ").append(esc(e.method)).append(" ").append(esc(e.path));
        }
        h.append("</span></td><td>");
        if (e.visitor != null) {
            h.append("visitor <a href=\"").append(esc(base + "/?visitor=" + url(e.visitor))).append("\">")
                    .append(esc(e.visitor)).append("</a> #").append(e.index);
            if (e.page != null) {
                h.append("<br><span class=\"muted\">").append(esc(e.page)).append("</span>");
            }
            h.append("<br>");
        }
        if (e.email != null) {
            h.append("<a href=\"").append(esc(base + "/?email=" + url(e.email))).append("\">").append(esc(e.email))
                    .append("</a><br>");
        }
        if (e.orderNumber != null) {
            h.append("order <a href=\"").append(esc(base + "/?order=" + url(e.orderNumber))).append("\">")
                    .append(esc(e.orderNumber)).append("</a>");
        }
        h.append("</td><td>");
        if (e.status != null) {
            h.append("<strong>").append(e.status).append("</strong>");
            if (e.fault != null && !FaultMode.NONE.wireName().equals(e.fault)) {
                h.append(" <span class=\"bad\">fault switch: ").append(esc(e.fault)).append("</span>");
            }
            h.append("<br><span class=\"").append("valid".equals(e.auth) ? "ok" : "bad").append("\">")
                    .append(esc(e.authDetail)).append("</span>");
        } else {
            h.append(e.valid() ? "<span class=\"ok\">accepted</span>" : "<span class=\"bad\">ignored by Rejoiner</span>");
        }
        h.append("</td><td>");
        if (e.findings.all().isEmpty()) {
            h.append("<span class=\"ok\">valid</span>");
        } else {
            h.append("<ul class=\"findings\">");
            for (Findings.Problem p : e.findings.all()) {
                h.append("<li class=\"").append(esc(p.level)).append("\"><b>").append(esc(p.level)).append("</b> ")
                        .append(esc(p.text())).append("</li>");
            }
            h.append("</ul>");
        }
        if (e.hasPayload || e.rawBody != null) {
            h.append("<details><summary>").append(e.rawBody != null ? "body as received" : "payload").append("</summary><pre>");
            if (e.rawBody != null) {
                h.append(esc(e.rawBody));
            } else {
                JsonNode payload = e.payload;
                h.append(esc(payload == null ? "null" : sandbox.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(payload)));
            }
            h.append("</pre></details>");
        }
        h.append("</td></tr>");
    }

    private static void dl(StringBuilder h, String term, String html) {
        h.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }
}
