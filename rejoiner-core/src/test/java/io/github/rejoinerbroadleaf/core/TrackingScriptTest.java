package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingScriptTest {

    private static final TrackingScript SCRIPT = TrackingScript.builder().siteId("53b53e65346e712ffe5756f2")
            .domain(".example.com").build();

    @Test
    void rendersGuideSnippetThenCommands() {
        String html = SCRIPT.render(List.of(TrackingCommand.startNewOrder()));
        assertEquals("<script type=\"text/javascript\">\n"
                + "var _rejoiner = _rejoiner || [];\n"
                + "_rejoiner.push([\"setAccount\",\"53b53e65346e712ffe5756f2\"]);\n"
                + "_rejoiner.push([\"setDomain\",\".example.com\"]);\n"
                + "(function() {\n"
                + "var s = document.createElement('script'); s.type = 'text/javascript';\n"
                + "s.async = true;\n"
                + "s.src = \"https://cdn.rejoiner.com/js/v4/rejoiner.lib.js\";\n"
                + "var x = document.getElementsByTagName('script')[0];\n"
                + "x.parentNode.insertBefore(s, x);\n"
                + "})();\n"
                + "_rejoiner.push([\"startNewOrder\"]);\n"
                + "</script>", html);
    }

    @Test
    void aPageWithoutCallsGetsTheBaseSnippetRenderedOnceForTheRenderer() {
        TrackingScript s = TrackingScript.builder().siteId("x").ajaxEndpoint("/rejoiner/ajax-calls").build();
        StringBuilder streamed = new StringBuilder();
        s.renderTo(streamed, List.of(), null);

        String base = s.render(List.of());

        assertEquals(streamed.toString(), base, "the same bytes as rendering through the JSON writer");
        assertSame(base, s.render(List.of()), "kept, not rendered again");
        assertSame(base, s.render(null, null));
        assertTrue(s.render(List.of(), "bm9uY2U=").startsWith("<script nonce=\"bm9uY2U=\""), "a nonce is rendered as asked");
    }

    @Test
    void theAjaxBootstrapAsksTheEndpointAndUsesNoMarkupCharacters() {
        TrackingScript s = TrackingScript.builder().siteId("x").ajaxEndpoint("/shop/rejoiner/ajax-calls").build();
        String html = s.render(List.of(TrackingCommand.startNewOrder()));
        int start = html.indexOf("(function(w) {");
        String bootstrap = html.substring(start, html.indexOf("_rejoiner.push([\"startNewOrder\"]"));
        assertTrue(start > html.indexOf("s.src = "), "after the loader");
        assertTrue(bootstrap.contains("var ep = \"/shop/rejoiner/ajax-calls\""), bootstrap);
        assertFalse(bootstrap.matches("(?s).*[<>&].*"), "no character HTML or XML could take for markup");
        assertEquals("/shop/rejoiner/ajax-calls", s.ajaxEndpoint());
        assertFalse(SCRIPT.render(List.of()).contains("XMLHttpRequest"), "no bootstrap without an endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rejoiner/ajax", "//evil.test/x", "/a\"b", "/a b", "/a</script>", "/a\\b", "", "/a'b"})
    void anAjaxEndpointThatIsNotAPathOnTheStoreIsRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> TrackingScript.builder().siteId("x").ajaxEndpoint(path).build());
    }

    @Test
    void rejoiner2LoadsRj2Library() {
        TrackingScript s = TrackingScript.builder().siteId("x").apiGeneration(ApiGeneration.REJOINER_2).build();
        assertTrue(s.render(List.of()).contains("\"https://cdn.rejoiner.com/js/v4/rj2.lib.js\""));
    }

    @Test
    void libraryUrlCanBeOverridden() {
        TrackingScript s = TrackingScript.builder().siteId("x").libraryUrl("https://static.example.com/rj.js").build();
        assertTrue(s.render(List.of()).contains("s.src = \"https://static.example.com/rj.js\";"));
    }

    @Test
    void withoutDomainNoSetDomain() {
        TrackingScript s = TrackingScript.builder().siteId("x").build();
        assertFalse(s.render(List.of()).contains("setDomain"));
    }

    @Test
    void nonceIsAnAttribute() {
        assertTrue(SCRIPT.render(List.of(), "rAnd0m+/nonce==").startsWith("<script nonce=\"rAnd0m+/nonce==\" type="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a b", "<x>", "", "n\u00f6nce"})
    void invalidNonceIsLeftOut(String nonce) {
        try (LogCapture log = LogCapture.start()) {
            assertTrue(SCRIPT.render(List.of(), nonce).startsWith("<script type="));
        }
    }

    @Test
    void skippedAndNullCommandsAreLeftOut() {
        try (LogCapture log = LogCapture.start()) {
            String html = SCRIPT.render(Arrays.asList(TrackingCommand.removeCartItem(" "), null));
            assertFalse(html.contains("removeCartItem"));
        }
    }

    @Test
    void angleBracketsAreEscapedInValues() {
        String html = SCRIPT.render(List.of(TrackingCommand.removeCartItem("</script><!--")));
        assertTrue(html.contains("\"\\u003C/script\\u003E\\u003C!--\""));
    }

    @Test
    void lineSeparatorsAreEscaped() {
        assertEquals("[[\"removeCartItem\",{\"product_id\":\"a\\u2028b\\u2029c\"}]]",
                TrackingScript.commandsJson(List.of(TrackingCommand.removeCartItem("a\u2028b\u2029c"))));
    }

    @Test
    void surrogatePairsAreEscaped() {
        assertEquals("[[\"removeCartItem\",{\"product_id\":\"\\uD83D\\uDE00\"}]]",
                TrackingScript.commandsJson(List.of(TrackingCommand.removeCartItem("\uD83D\uDE00"))));
    }

    @Test
    void renderToStringBuilderAppendsTheSameText() {
        StringBuilder sb = new StringBuilder("<p>before</p>");
        SCRIPT.renderTo(sb, List.of(TrackingCommand.clearCartData()), "abc");
        assertEquals("<p>before</p>" + SCRIPT.render(List.of(TrackingCommand.clearCartData()), "abc"), sb.toString());
    }

    @Test
    void renderToWriterWritesTheSameText() throws java.io.IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        SCRIPT.renderTo(w, List.of(TrackingCommand.clearCartData()), null);
        assertEquals(SCRIPT.render(List.of(TrackingCommand.clearCartData())), w.toString());
    }

    @Test
    void commandsJsonToAppends() {
        StringBuilder sb = new StringBuilder("x=");
        TrackingScript.commandsJsonTo(sb, List.of(TrackingCommand.startNewOrder()));
        assertEquals("x=[[\"startNewOrder\"]]", sb.toString());
    }

    @Test
    void commandsJsonOfNothingIsEmptyArray() {
        assertEquals("[]", TrackingScript.commandsJson(null));
    }

    @Test
    void siteIdIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> TrackingScript.builder().build());
    }

    @Test
    void relativeLibraryUrlIsRejected() {
        try (LogCapture log = LogCapture.start()) {
            assertThrows(IllegalArgumentException.class,
                    () -> TrackingScript.builder().siteId("x").libraryUrl("/rj.js").build());
        }
    }

    /** Commands of every kind, with values that need escaping, in the order a cart page has them. */
    private static List<TrackingCommand> mixedCommands() {
        CartItem item = CartItem.builder().productId("7").name("Tee </script> \u2028 \"quoted\" & <b>")
                .unitPriceCents(1800).quantity(2).customField("SIZE", "M, L").build();
        return List.of(TrackingCommand.removeCartItem("6"), TrackingCommand.startNewOrder(),
                TrackingCommand.setCartData(CartData.builder().cartValueCents(3600).cartItemCount(2).build()),
                TrackingCommand.setCartItem(item), TrackingCommand.disablePageViewTracking());
    }

    private static List<TrackingCommand> prerendered(List<TrackingCommand> commands) {
        return commands.stream().map(TrackingCommand::prerendered).toList();
    }

    @Test
    void prerenderedCommandsRenderTheSameScript() {
        assertEquals(SCRIPT.render(mixedCommands(), "n0nce"), SCRIPT.render(prerendered(mixedCommands()), "n0nce"));
    }

    @Test
    void prerenderedCommandsRenderTheSameAjaxList() {
        assertEquals(TrackingScript.commandsJson(mixedCommands()),
                TrackingScript.commandsJson(prerendered(mixedCommands())));
    }

    @Test
    void prerenderedAndFreshCommandsMixInOneScript() {
        List<TrackingCommand> mixed = new java.util.ArrayList<>(mixedCommands());
        mixed.set(2, mixed.get(2).prerendered());
        assertEquals(SCRIPT.render(mixedCommands()), SCRIPT.render(mixed));
        assertEquals(TrackingScript.commandsJson(mixedCommands()), TrackingScript.commandsJson(mixed));
    }
}
