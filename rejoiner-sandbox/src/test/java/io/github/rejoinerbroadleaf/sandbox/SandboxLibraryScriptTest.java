package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JavaScript stand-in, exactly as the servlet serves it, run in Rhino with a stubbed browser:
 * {@code document.cookie}, {@code location}, {@code setTimeout}, {@code navigator.sendBeacon} and
 * {@code XMLHttpRequest} that record what they are given.
 */
class SandboxLibraryScriptTest {

    private static final String BROWSER = String.join("\n",
            "var window = this;",
            "var document = {cookie: ''};",
            "var location = {href: 'http://localhost:8080/cart'};",
            "var beacons = [];",
            "var navigator = {sendBeacon: function (url, body) { beacons.push({url: url, body: JSON.parse(body)}); return true; }};",
            "var timers = [];",
            "function setTimeout(fn) { timers.push(fn); return timers.length; }",
            "function runTimers() { var t = timers; timers = []; for (var i = 0; i < t.length; i++) { t[i](); } }",
            "var xhrs = [];",
            "function XMLHttpRequest() { this.headers = {}; xhrs.push(this); }",
            "XMLHttpRequest.prototype.open = function (m, u) { this.method = m; this.url = u; };",
            "XMLHttpRequest.prototype.setRequestHeader = function (k, v) { this.headers[k] = v; };",
            "XMLHttpRequest.prototype.send = function (b) { this.body = JSON.parse(b); };");

    private static final String SNIPPET = String.join("\n",
            "var _rejoiner = _rejoiner || [];",
            "_rejoiner.push(['setAccount', 'sandbox-site']);",
            "_rejoiner.push(['setDomain', 'localhost']);",
            "_rejoiner.push(['setCartItem', {product_id: 'SKU-1', category: ['sauces'], price: 1499}]);");

    private static String library;

    @BeforeAll
    static void fetchTheServedLibrary() throws Exception {
        try (SandboxServer server = SandboxServer.start()) {
            library = server.get("/js/v4/rejoiner.lib.js").body();
        }
    }

    private static JsEngine page() throws Exception {
        return new JsEngine().run("browser", BROWSER).run("snippet", SNIPPET).run("rejoiner.lib.js", library);
    }

    @Test
    void itDrainsTheQueueInOrderInOneReport() throws Exception {
        try (JsEngine js = page()) {
            JsonNode report = js.json("beacons[0].body");

            assertEquals("1 0 [\"setAccount\",\"setDomain\",\"setCartItem\"]", js.json("beacons.length") + " "
                    + report.get("first") + " " + names(report.get("calls")));
        }
    }

    @Test
    void itPostsToTheSandboxesEventsUrl() throws Exception {
        try (JsEngine js = page()) {
            assertEquals("/rejoiner-sandbox/api/js-events", js.json("beacons[0].url").asText());
        }
    }

    @Test
    void theReportCarriesVisitorPageAndArguments() throws Exception {
        try (JsEngine js = page()) {
            JsonNode report = js.json("beacons[0].body");

            assertTrue(report.get("visitor").asText().startsWith("v-") && report.get("page").asText().equals("http://localhost:8080/cart")
                    && report.get("calls").get(2).get(1).get("price").asInt() == 1499, report.toString());
        }
    }

    @Test
    void laterPushesAreReportedTogetherAfterTheCurrentTask() throws Exception {
        try (JsEngine js = page()) {
            js.run("later", "_rejoiner.push(['removeCartItem', {product_id: 'SKU-1'}]);"
                    + "_rejoiner.push(['setCartData', {cart_value: 0, cart_item_count: 0}]); runTimers();");

            JsonNode report = js.json("beacons[1].body");
            assertEquals("2 3 [\"removeCartItem\",\"setCartData\"]", js.json("beacons.length") + " " + report.get("first")
                    + " " + names(report.get("calls")));
        }
    }

    @Test
    void windowRejoinerSandboxCallsHoldsEveryCallInOrderAsPushed() throws Exception {
        try (JsEngine js = page()) {
            js.run("later", "_rejoiner.push(['startNewOrder']); runTimers();");

            assertEquals("[[\"setAccount\",\"sandbox-site\"],[\"setDomain\",\"localhost\"],[\"setCartItem\",{\"product_id\":\"SKU-1\","
                    + "\"category\":[\"sauces\"],\"price\":1499}],[\"startNewOrder\"]]", js.json("window.rejoinerSandbox.calls").toString());
        }
    }

    @Test
    void withoutSendBeaconItUsesXmlHttpRequest() throws Exception {
        try (JsEngine js = new JsEngine().run("browser", BROWSER + "\nnavigator = {};").run("snippet", SNIPPET)
                .run("rejoiner.lib.js", library)) {
            assertEquals("POST /rejoiner-sandbox/api/js-events 3", js.json("xhrs[0].method").asText() + " "
                    + js.json("xhrs[0].url").asText() + " " + js.json("xhrs[0].body.calls.length"));
        }
    }

    @Test
    void theVisitorIdIsKeptInAFirstPartyCookie() throws Exception {
        String cookie;
        String visitor;
        try (JsEngine first = page()) {
            cookie = first.json("document.cookie").asText();
            visitor = first.json("window.rejoinerSandbox.visitor").asText();
        }
        try (JsEngine second = new JsEngine().run("browser", BROWSER + "\ndocument.cookie = "
                + SandboxServer.JSON.writeValueAsString(cookie) + ";").run("snippet", SNIPPET).run("rejoiner.lib.js", library)) {
            assertEquals(visitor, second.json("beacons[0].body.visitor").asText());
        }
    }

    @Test
    void loadingTheLibraryTwiceReportsEachCallOnce() throws Exception {
        try (JsEngine js = page()) {
            js.run("again", library);
            js.run("later", "_rejoiner.push(['clearCartData']); runTimers();");

            assertEquals("2 4", js.json("beacons.length") + " " + js.json("window.rejoinerSandbox.calls.length"));
        }
    }

    @Test
    void anEmptyPageCreatesTheQueueAndReportsNothingUntilAPush() throws Exception {
        try (JsEngine js = new JsEngine().run("browser", BROWSER).run("rejoiner.lib.js", library)) {
            js.run("later", "_rejoiner.push(['trackPageView', false]); runTimers();");

            assertEquals("1 [\"trackPageView\"]", js.json("beacons.length") + " " + names(js.json("beacons[0].body.calls")));
        }
    }

    private static String names(JsonNode calls) {
        StringBuilder sb = new StringBuilder("[");
        for (JsonNode call : calls) {
            sb.append(sb.length() > 1 ? "," : "").append('"').append(call.get(0).asText()).append('"');
        }
        return sb.append(']').toString();
    }
}
