package io.github.rejoinerbroadleaf.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The base snippet's AJAX bootstrap run in Rhino against a fake browser (XMLHttpRequest, fetch,
 * timers, URL): what it asks, when, what it pushes, and that the store's own requests behave as
 * before. The real browser walk is the sample store's AJAX browser test.
 */
class AjaxBootstrapTest {

    private static final String ENDPOINT = "/shop/rejoiner/ajax-calls";

    /** A fake browser: requests are recorded in sent[], timers run on runTimers(), fetch promises record then(). */
    private static final String BROWSER = String.join("\n",
            "var window = this;",
            "window.location = {href: 'http://shop.test/shop/cart', origin: 'http://shop.test'};",
            "function URL(u, base) {",
            "  var m = /^(https?:\\/\\/[^\\/]+)(\\/[^?#]*)?/.exec(u);",
            "  if (m) { this.origin = m[1]; this.pathname = m[2] || '/'; return; }",
            "  if (u.charAt(0) === '/') { this.origin = 'http://shop.test'; this.pathname = u.split('?')[0]; return; }",
            "  throw new Error('not supported: ' + u);",
            "}",
            "var timers = [];",
            "window.setTimeout = function(f, ms) { timers.push(f); return timers.length; };",
            "window.clearTimeout = function(id) { timers[id - 1] = null; };",
            "function runTimers() { var t = timers; timers = []; t.forEach(function(f) { if (f) { f(); } }); }",
            "function pendingTimers() { return timers.filter(function(f) { return f; }).length; }",
            "var sent = [];",
            "function FakeXhr() { this.listeners = {}; this.readyState = 0; }",
            "FakeXhr.prototype.open = function(m, u, async) { this.method = m; this.url = u; this.async = async; return 'opened'; };",
            "FakeXhr.prototype.setRequestHeader = function(n, v) { this.headers = this.headers || {}; this.headers[n] = v; };",
            "FakeXhr.prototype.send = function(body) { this.body = body; sent.push(this); return 'sent'; };",
            "FakeXhr.prototype.addEventListener = function(t, f) { (this.listeners[t] = this.listeners[t] || []).push(f); };",
            "FakeXhr.prototype.finish = function(status, text) {",
            "  this.readyState = 4; this.status = status; this.responseText = text;",
            "  if (this.onreadystatechange) { this.onreadystatechange(); }",
            "  if (this.onload) { this.onload(); }",
            "  (this.listeners.loadend || []).forEach(function(f) { f(); });",
            "};",
            "window.XMLHttpRequest = FakeXhr;",
            "var fetched = [];",
            "window.fetch = function(input) {",
            "  var p = {input: input, thens: 0, then: function(a, b) { this.thens++; return this; }};",
            "  fetched.push(p); return p;",
            "};",
            "var document = {createElement: function() { return {}; },",
            "  getElementsByTagName: function() { return [{parentNode: {insertBefore: function() {}}}]; }};",
            "function store(method, url, async) {",
            "  var x = new XMLHttpRequest(); x.log = [];",
            "  x.log.push(x.open(method, url, async));",
            "  x.onload = function() { x.log.push('store onload'); };",
            "  x.log.push(x.send('a=1'));",
            "  return x;",
            "}",
            "function pushed() { return window._rejoiner.slice(1).map(function(c) { return c[0]; }); }");

    private static String snippet() {
        String html = TrackingScript.builder().siteId("site").ajaxEndpoint(ENDPOINT).build().render(List.of());
        return html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
    }

    private static Object run(String steps, String result) {
        return Rhino.eval(List.of(BROWSER, snippet(), steps), result);
    }

    @Test
    void afterAStoreRequestItAsksTheEndpointOnceAndPushesTheAnswer() {
        Object out = run(String.join("\n",
                        "var x = store('POST', '/shop/cart/add');",
                        "x.finish(200, '{\"cartItemCount\":1}');",
                        "var before = sent.length;",
                        "runTimers();",
                        "var ask = sent[1];",
                        "ask.finish(200, '[[\"startNewOrder\"],[\"setCartData\",{\"cart_value\":1099}]]');",
                        "var result = {log: x.log, before: before, asks: sent.length - 1, method: ask.method, url: ask.url,",
                        "  header: ask.headers['X-Requested-With'],",
                        "  async: ask.async, pushed: pushed(), last: window._rejoiner[2], timersAfterAsk: pendingTimers()};"),
                "result");
        assertEquals(Map.ofEntries(Map.entry("log", List.of("opened", "sent", "store onload")), Map.entry("before", 1L),
                Map.entry("asks", 1L), Map.entry("method", "GET"), Map.entry("url", ENDPOINT), Map.entry("async", true),
                Map.entry("header", "XMLHttpRequest"), Map.entry("pushed", List.of("startNewOrder", "setCartData")),
                Map.entry("last", List.of("setCartData", Map.of("cart_value", 1099L))), Map.entry("timersAfterAsk", 0L)), out);
    }

    @Test
    void requestsInQuickSuccessionLeadToOneAsk() {
        Object out = run(String.join("\n",
                "store('POST', '/shop/cart/updateQuantity').finish(200, '<div/>');",
                "store('GET', '/shop/cart/summary?x=1').finish(200, '<div/>');",
                "runTimers();"), "sent.length - 2");
        assertEquals(1L, out);
    }

    @Test
    void requestsToOtherOriginsAndToTheEndpointItselfAreNotFollowed() {
        Object out = run(String.join("\n",
                "store('GET', 'https://cdn.other.test/lib.js').finish(200, '');",
                "store('GET', '" + ENDPOINT + "').finish(200, '[]');",
                "store('GET', 'ftp://weird').finish(200, '');"), "pendingTimers()");
        assertEquals(0L, out);
    }

    @Test
    void aSynchronousRequestIsAnsweredFirstThenFollowed() {
        Object out = run(String.join("\n",
                "var x = store('POST', '/shop/cart/remove', false);",
                "var result = {log: x.log, listeners: Object.keys(x.listeners).length, timers: pendingTimers()};"), "result");
        assertEquals(Map.of("log", List.of("opened", "sent"), "listeners", 0L, "timers", 1L), out);
    }

    @Test
    void fetchOfTheStoreIsFollowedAndItsPromiseReturnedAsIs() {
        Object out = run(String.join("\n",
                "var p = fetch('/shop/cart/promo', {method: 'POST'});",
                "var q = fetch({url: 'https://api.other.test/x'});",
                "var result = {same: p === fetched[0], followed: p.thens, other: q.thens};"), "result");
        assertEquals(Map.of("same", true, "followed", 1L, "other", 0L), out);
    }

    @Test
    void aBrokenAnswerPushesNothingAndThrowsNothing() {
        Object out = run(String.join("\n",
                "store('POST', '/shop/cart/add').finish(200, '');",
                "runTimers(); sent[1].finish(200, '<html>oops</html>');",
                "store('POST', '/shop/cart/add').finish(200, '');",
                "runTimers(); sent[3].finish(500, '[[\"clearCartData\"]]');",
                "store('POST', '/shop/cart/add').finish(200, '');",
                "runTimers(); sent[5].finish(200, '{\"length\": 3}');"), "pushed()");
        assertEquals(List.of(), out);
    }

    @Test
    void theSnippetTwiceOnAPageWrapsOnce() {
        Object out = Rhino.eval(List.of(BROWSER, snippet(), "var open1 = XMLHttpRequest.prototype.open;", snippet(),
                "store('POST', '/shop/cart/add').finish(200, ''); runTimers();"),
                "{same: open1 === XMLHttpRequest.prototype.open, asks: sent.length - 1}");
        assertEquals(Map.of("same", true, "asks", 1L), out);
    }
}
