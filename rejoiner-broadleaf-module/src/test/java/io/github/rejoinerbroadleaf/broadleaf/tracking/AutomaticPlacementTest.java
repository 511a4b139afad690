package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreController;
import io.github.rejoinerbroadleaf.broadleaf.restore.RestoreMessages;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.broadleafcommerce.core.order.service.OrderService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The automatic placement in a real Thymeleaf 2.1 engine (standard dialect + {@link RejoinerDialect},
 * as in Broadleaf's storefront engine): full pages end their body with the script, exactly once,
 * wherever the template hook renders (before or after the body is processed); fragments get nothing.
 * A restore link's messages the template does not show open the body.
 */
class AutomaticPlacementTest {

    /** The first line of the base snippet: one per script element the tracker renders. */
    private static final String BASE_SNIPPET = "var _rejoiner = _rejoiner || [];";

    private final Map<SettingKey, String> settingValues = new EnumMap<>(SettingKey.class);
    private final Map<String, String> headers = new HashMap<>();
    private TemplateEngine engine;
    private StorefrontTracker tracker;

    @BeforeEach
    void setUp() {
        settingValues.put(SettingKey.SITE_ID, "site-1");
        settingValues.put(SettingKey.DOMAIN, ".shop.test");
        RejoinerSettingsService settings = mock(RejoinerSettingsService.class);
        when(settings.current()).thenAnswer(i -> new SettingsResolver(StandardLayers.fixed("test", settingValues)).resolve());
        tracker = new StorefrontTracker(settings, new OrderMapper(new DefaultReturnUrls()), mock(OrderService.class),
                mock(PageConversionMarker.class),
                StorefrontTracker.DEFAULT_CACHE_MILLIS, StorefrontTracker.DEFAULT_CART_CACHE_ENTRIES, new FakeShopper(() -> null, () -> null), new MovableClock());
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        resolver.setCacheable(true); // the DOM of a cached template must not keep a placement
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new RejoinerDialect(tracker));
    }

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aFullPageEndsItsBodyWithTheScript() {
        String html = render("fullPage");

        assertEquals(1, count(html, BASE_SNIPPET), html);
        assertTrue(html.indexOf(BASE_SNIPPET) > html.indexOf("Store content"), html);
        assertTrue(html.replaceAll("\\s+", "").endsWith("</script></body></html>"), html);
        assertFalse(html.contains(RejoinerDialect.PLACEHOLDER), html);
    }

    @Test
    void everyRenderingOfACachedTemplateGetsItsOwnScriptOnce() {
        render("fullPage");
        String second = render("fullPage");

        assertEquals(1, count(second, BASE_SNIPPET), second);
    }

    @Test
    void aTemplateWithoutBodyGetsNothing() {
        String html = render("fragment");

        assertEquals(0, count(html, BASE_SNIPPET), html);
        assertFalse(html.contains(RejoinerDialect.PLACEHOLDER), html);
    }

    @Test
    void aHookRenderedBeforeTheBodyKeepsTheScriptAndTheEndOfBodyGetsNone() {
        String html = render("hookInHead");

        assertEquals(1, count(html, BASE_SNIPPET), html);
        assertTrue(html.indexOf(BASE_SNIPPET) < html.indexOf("<body"), "the script stays in <head>: " + html);
    }

    @Test
    void aHookInsideTheBodyKeepsTheScriptWhereItIs() {
        String html = render("hookInBody");

        assertEquals(1, count(html, BASE_SNIPPET), html);
        assertTrue(html.indexOf(BASE_SNIPPET) < html.indexOf("After the hook"), "the script stays at the hook: " + html);
    }

    @Test
    void aHookInAnIncludedFragmentAlsoSuppressesTheAutomaticScript() {
        String html = render("includesFragmentWithHook");

        assertEquals(1, count(html, BASE_SNIPPET), html);
        assertTrue(html.indexOf(BASE_SNIPPET) < html.indexOf("After the included hook"), html);
    }

    @Test
    void withAutomaticPlacementOffOnlyTheHookPlacesTheScript() {
        settingValues.put(SettingKey.AUTOMATIC_PLACEMENT, "false");

        assertEquals(0, count(render("fullPage"), BASE_SNIPPET));
        assertEquals(1, count(render("hookInBody"), BASE_SNIPPET));
    }

    @Test
    void withTrackingOffNothingIsPlaced() {
        settingValues.put(SettingKey.TRACKING_ENABLED, "false");

        assertEquals(0, count(render("fullPage"), BASE_SNIPPET));
        assertEquals(0, count(render("hookInBody"), BASE_SNIPPET));
    }

    @Test
    void aPageRequestedByXhrGetsNoAutomaticScript() {
        headers.put("X-Requested-With", "XMLHttpRequest");

        assertEquals(0, count(render("fullPage"), BASE_SNIPPET));
    }

    @Test
    void aFailingTrackerLeavesThePageIntact() {
        RejoinerSettingsService broken = mock(RejoinerSettingsService.class);
        when(broken.current()).thenThrow(new IllegalStateException("settings unreadable"));
        tracker = new StorefrontTracker(broken, new OrderMapper(new DefaultReturnUrls()), mock(OrderService.class),
                mock(PageConversionMarker.class));
        engine = new TemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        engine.setTemplateResolver(resolver);
        engine.addDialect(new RejoinerDialect(tracker));

        String html = render("fullPage");

        assertTrue(html.contains("Store content"), html);
        assertEquals(0, count(html, BASE_SNIPPET), html);
        assertFalse(html.contains(RejoinerDialect.PLACEHOLDER), html);
    }

    @Test
    void aMeterWithAListenerReportsTheDialectsWorkPerPage() {
        List<String> hooks = new ArrayList<>();
        engine = new TemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        engine.setTemplateResolver(resolver);
        engine.addDialect(new RejoinerDialect(tracker, new PageWorkMeter((hook, elapsed) -> {
            assertTrue(elapsed >= 0, hook);
            hooks.add(hook);
        })));

        String html = render("fullPage");

        assertEquals(List.of("dialect.body", "dialect.placement"), hooks);
        assertEquals(1, count(html, BASE_SNIPPET), html);
    }

    // ---- the outcome of a cart restore link -------------------------------------------------

    @Test
    void restoreMessagesTheTemplateDoesNotShowOpenTheBodyEscaped() {
        String html = render("fullPage", new RestoreMessages(List.of("The promo code <b>X&Y</b> is not valid.", "Second")));

        assertEquals(1, count(html, "class=\"rejoiner-restore-messages\""), html);
        assertTrue(html.replaceAll("\\s+", " ").contains("<body><div class=\"rejoiner-restore-messages\" role=\"status\">"
                + "<p class=\"rejoiner-restore-message\">The promo code &lt;b&gt;X&amp;Y&lt;/b&gt; is not valid.</p>"
                + "<p class=\"rejoiner-restore-message\">Second</p></div>"), html);
        assertTrue(html.indexOf("rejoiner-restore-messages") < html.indexOf("Store content"), html);
        assertFalse(html.contains("<b>X"), html);
    }

    @Test
    void restoreMessagesTheTemplateShowsItselfAreNotPlacedAgain() {
        String html = render("showsRestoreMessages", new RestoreMessages(List.of("Gone")));

        assertEquals(1, count(html, "class=\"own-message\">Gone</p>"), html);
        assertFalse(html.contains("rejoiner-restore-message"), html);
    }

    @Test
    void restoreMessagesAreNotPlacedInFragmentsOrWithoutAnOutcome() {
        assertFalse(render("fragment", new RestoreMessages(List.of("Gone"))).contains("rejoiner-restore-message"));
        assertFalse(render("fullPage").contains("rejoiner-restore-message"));
        assertFalse(render("fullPage", new RestoreMessages(List.of())).contains("rejoiner-restore-message"));
    }

    @Test
    void restoreMessagesDoNotDependOnTracking() {
        settingValues.put(SettingKey.TRACKING_ENABLED, "false");

        assertEquals(1, count(render("fullPage", new RestoreMessages(List.of("Gone"))), "rejoiner-restore-message\">Gone"));
    }

    /** Renders a template of src/test/resources/placement for a fresh request, as the storefront would. */
    private String render(String template) {
        return render(template, null);
    }

    /** As {@link #render(String)}, with the restore link's messages in the model. */
    private String render(String template, RestoreMessages restoreMessages) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request()));
        Context context = new Context(Locale.US);
        context.setVariable("rejoiner", new RejoinerVariableExpression(tracker));
        if (restoreMessages != null) {
            context.setVariable(CartRestoreController.MESSAGES, restoreMessages);
        }
        return engine.process("placement/" + template, context);
    }

    private HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(request).setAttribute(anyString(), any());
        when(request.getHeader(anyString())).thenAnswer(i -> headers.get(i.<String>getArgument(0)));
        when(request.getRequestURI()).thenReturn("/");
        when(request.getContextPath()).thenReturn("");
        when(request.getScheme()).thenReturn("http");
        when(request.getServerName()).thenReturn("shop.test");
        when(request.getServerPort()).thenReturn(80);
        Map<String, Object> sessionAttributes = new HashMap<>();
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(i -> sessionAttributes.get(i.<String>getArgument(0)));
        doAnswer(i -> sessionAttributes.put(i.getArgument(0), i.getArgument(1))).when(session).setAttribute(anyString(), any());
        when(request.getSession()).thenReturn(session);
        when(request.getSession(anyBoolean())).thenReturn(session);
        return request;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
