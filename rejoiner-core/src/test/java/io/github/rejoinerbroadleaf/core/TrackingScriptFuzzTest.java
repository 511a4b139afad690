package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Executes rendered output in Rhino with hostile strings and checks that the page's
 * {@code _rejoiner} queue holds exactly the given values and that the HTML around the script
 * is intact (Rhino runs isolated, see {@link Rhino}). Lone surrogates are expected as U+FFFD (documented in {@code internal.Text}).
 */
class TrackingScriptFuzzTest {

    private static final long SEED = 20240917L;
    private static final int CASES = 400;

    private static final String[] ALPHABET = {
        "<", "/", "script", "SCRIPT", "!--", "-->", "</", ">", "&", "\"", "'", "\\", "`", "${x}", "]]>", "]);",
        "\u2028", "\u2029", "\u0000", "\n", "\r", "\t",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF",           // lone high and low surrogates
        "\uD83D\uDE00", "\uD83C\uDDF5\uD83C\uDDF1",       // emoji
        "\u0436", "\u4E2D", "\u05E9", "\u0639", "x"       // Cyrillic, CJK, Hebrew, Arabic, Latin
    };

    private static final String DOCUMENT_STUB = "var __loaded = [];\n"
            + "var document = {\n"
            + "  createElement: function (tag) { return { tagName: tag }; },\n"
            + "  getElementsByTagName: function (tag) {\n"
            + "    return [{ parentNode: { insertBefore: function (node, ref) {\n"
            + "      __loaded.push(node.tagName + ' ' + node.type + ' ' + node.async + ' ' + node.src); } } }];\n"
            + "  }\n"
            + "};\n";

    /** One random page: the inputs and what the queue must hold afterwards. */
    private static final class Case {
        final TrackingScript script;
        final List<TrackingCommand> commands = new ArrayList<>();
        final List<Object> expectedConfig = new ArrayList<>();
        final List<Object> expectedCommands = new ArrayList<>();

        Case(Random r) {
            String site = hostile(r);
            String domain = hostile(r);
            script = TrackingScript.builder().siteId(site).domain(domain).build();
            expectedConfig.add(List.of("setAccount", replaced(site.trim())));
            expectedConfig.add(List.of("setDomain", replaced(domain.trim())));

            String order = hostile(r);
            String promo = hostile(r);
            commands.add(TrackingCommand.setCartData(CartData.builder().cartValueCents(1999).cartItemCount(3)
                    .customerOrderNumber(order).promo(promo).build()));
            expectedCommands.add(List.of("setCartData", map("cart_value", 1999L, "cart_item_count", 3L,
                    "customer_order_number", replaced(order), "promo", replaced(promo))));

            String id = hostile(r);
            String name = hostile(r);
            String description = hostile(r);
            String cat1 = hostile(r);
            String cat2 = hostile(r);
            String key = hostile(r);
            String value = hostile(r);
            CartItem item = CartItem.builder().productId(id).name(name).description(description)
                    .category(cat1).category(cat2).unitPriceCents(1999).quantity(3).customField(key, value).build();
            Map<String, Object> expectedItem = map("product_id", replaced(id), "name", replaced(name),
                    "description", replaced(description), "category", List.of(replaced(cat1), replaced(cat2)),
                    "price", 1999L, "item_qty", 3L, "qty_price", 5997L, replaced(key), replaced(value));
            commands.add(TrackingCommand.setCartItem(item));
            expectedCommands.add(List.of("setCartItem", expectedItem));

            String removed = hostile(r);
            commands.add(TrackingCommand.removeCartItem(removed));
            expectedCommands.add(List.of("removeCartItem", map("product_id", replaced(removed))));

            String customer = hostile(r);
            commands.add(TrackingCommand.setCustomerData(CustomerData.builder().name(customer).build()));
            expectedCommands.add(List.of("setCustomerData", map("name", replaced(customer))));

            String viewed = hostile(r);
            commands.add(TrackingCommand.trackProductView(ProductView.builder().productId(viewed).build()));
            expectedCommands.add(List.of("trackProductView", map("product_id", replaced(viewed), "category", List.of())));

            String campaign = hostile(r);
            commands.add(TrackingCommand.sendConversion(Conversion.builder().campaignId(campaign).item(item).build()));
            expectedCommands.add(List.of("sendConversion",
                    map("campaign_ids", List.of(replaced(campaign)), "cart_items", List.of(expectedItem))));

            commands.add(TrackingCommand.disablePageViewTracking());
            expectedCommands.add(List.of("trackPageView", Boolean.FALSE));
        }

        List<Object> expectedQueue() {
            List<Object> all = new ArrayList<>(expectedConfig);
            all.addAll(expectedCommands);
            return all;
        }
    }

    private static List<Case> cases() {
        Random r = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(new Case(r));
        }
        return cases;
    }

    /** 1..12 tokens; never only whitespace (blank values are dropped by design, tested elsewhere). */
    private static String hostile(Random r) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            }
            String s = sb.toString();
            if (!s.trim().isEmpty() && s.chars().anyMatch(c -> !Character.isWhitespace(c))) {
                return s;
            }
        }
    }

    /** The documented rule, written independently: lone surrogates become U+FFFD, pairs stay. */
    private static String replaced(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String scriptBody(String html) {
        return html.substring(html.indexOf('>') + 1, html.length() - "</script>".length());
    }

    /** Evaluates {@code source} after the document stub; returns the named global as Java values. */
    private static Object run(String source, String global) {
        return Rhino.eval(List.of(DOCUMENT_STUB, source), global);
    }

    @Test
    void scriptPushesExactlyTheGivenValues() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands, "bm9uY2U=");
            assertEquals(c.expectedQueue(), run(scriptBody(html), "_rejoiner"), html);
        }
    }

    @Test
    void scriptLoadsTheLibraryOnce() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands);
            assertEquals(List.of("script text/javascript true https://cdn.rejoiner.com/js/v4/rejoiner.lib.js"),
                    run(scriptBody(html), "__loaded"), html);
        }
    }

    @Test
    void scriptEndsOnlyAtItsEnd() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands).toLowerCase(Locale.ROOT);
            assertEquals(html.length() - "</script>".length(), html.indexOf("</script"), html);
        }
    }

    @Test
    void scriptHasNoCommentOpener() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands);
            assertFalse(html.contains("<!--"), html);
        }
    }

    @Test
    void scriptHasNoNestedScriptTag() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands).toLowerCase(Locale.ROOT);
            assertEquals(0, html.lastIndexOf("<script"), html);
        }
    }

    @Test
    void scriptHasNoLoneSurrogate() {
        for (Case c : cases()) {
            String html = c.script.render(c.commands);
            assertEquals(html, replaced(html));
        }
    }

    @Test
    void commandsJsonEvaluatesToExactlyTheGivenValues() {
        for (Case c : cases()) {
            String json = TrackingScript.commandsJson(c.commands);
            assertEquals(c.expectedCommands, run("var __q = " + json + ";", "__q"), json);
        }
    }

    @Test
    void commandsJsonParsesAsJsonToTheGivenValues() {
        for (Case c : cases()) {
            String json = TrackingScript.commandsJson(c.commands);
            assertEquals(c.expectedCommands, run("var __q = JSON.parse(" + quoteForJs(json) + ");", "__q"), json);
        }
    }

    @Test
    void commandsJsonHasNoAngleBracket() {
        for (Case c : cases()) {
            String json = TrackingScript.commandsJson(c.commands);
            assertFalse(json.indexOf('<') >= 0 || json.indexOf('>') >= 0, json);
        }
    }

    /** A JavaScript string literal of s, so that JSON.parse sees the exact text. */
    private static String quoteForJs(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
            sb.append(String.format("\\u%04x", (int) ch));
        }
        return sb.append('\'').toString();
    }
}
