package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.ModelAndView;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.category;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.withOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The tracker on fake requests: AJAX lists, consent, untracked pages, caching, conversion once, failures. */
class StorefrontTrackerTest {

    private final Product sauce = product(6, "Sauce", "12.34", "/hot-sauces/sauce", "/img/sauce.svg", category("Hot Sauces"));
    private final Product tee = withOptions(product(7, "Tee", "18.00", "/merchandise/tee", null, category("Merchandise")), "SIZE");
    private final Map<SettingKey, String> settingValues = new EnumMap<>(SettingKey.class);
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final OrderService orderService = mock(OrderService.class);
    private final PageConversionMarker marker = mock(PageConversionMarker.class);
    private Order cart;
    private Customer customer;
    private final MovableClock clock = new MovableClock();
    private StorefrontTracker tracker;

    @BeforeEach
    void setUp() {
        settingValues.put(SettingKey.SITE_ID, "site-1");
        settingValues.put(SettingKey.DOMAIN, ".shop.test");
        tracker = newTracker(new OrderMapper(new DefaultReturnUrls()), StorefrontTracker.DEFAULT_CACHE_MILLIS);
    }

    /** A tracker on this test's cart, customer and settings. */
    private StorefrontTracker newTracker(OrderMapper mapper, long cacheMillis) {
        RejoinerSettingsService settings = mock(RejoinerSettingsService.class);
        when(settings.current()).thenAnswer(i -> resolve());
        return new StorefrontTracker(settings, mapper, orderService, marker, cacheMillis,
                StorefrontTracker.DEFAULT_CART_CACHE_ENTRIES,
                new FakeShopper(() -> cart, () -> customer), clock);
    }

    /** Return URLs that say which cart they were made for, and count how often one was made. */
    private static final class CountingReturnUrls extends DefaultReturnUrls {
        final AtomicInteger cartLinks = new AtomicInteger();

        @Override
        public String cartReturnUrl(Order cart, String storeBaseUrl) {
            cartLinks.incrementAndGet();
            return storeBaseUrl + "/cart?for=" + cart.getId();
        }
    }

    /** A mapper counting product-view mappings. */
    private static final class CountingMapper extends OrderMapper {
        final AtomicInteger productViews = new AtomicInteger();

        CountingMapper(CountingReturnUrls returnUrls) {
            super(returnUrls);
        }

        @Override
        public ProductView productView(Product product, UrlResolver urls) {
            productViews.incrementAndGet();
            return super.productView(product, urls);
        }
    }

    private String cartPage(StorefrontTracker t) {
        return t.trackingScript(request("/cart"), response(new HashMap<>()), null);
    }

    @Test
    void anUnchangedCartIsMappedOnceAndRendersTheSameOnEveryPage() {
        CountingReturnUrls links = new CountingReturnUrls();
        StorefrontTracker t = newTracker(new OrderMapper(links), 60_000);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));

        String first = cartPage(t);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        String second = cartPage(t);

        assertEquals(1, links.cartLinks.get());
        assertEquals(first.substring(first.indexOf("setCartData")), second.substring(second.indexOf("setCartData")));
    }

    @Test
    void anUnchangedCartIsMappedAgainOnceTheCacheTimeHasPassed() {
        CountingReturnUrls links = new CountingReturnUrls();
        StorefrontTracker t = newTracker(new OrderMapper(links), 60_000);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        cartPage(t);

        clock.advance(Duration.ofSeconds(60));
        cartPage(t);
        assertEquals(1, links.cartLinks.get(), "still fresh at exactly 60 s");
        clock.advance(Duration.ofMillis(1));
        cartPage(t);
        assertEquals(2, links.cartLinks.get());
    }

    @Test
    void aChangedQuantityRebuildsTheCartCalls() {
        CountingReturnUrls links = new CountingReturnUrls();
        StorefrontTracker t = newTracker(new OrderMapper(links), 60_000);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        cartPage(t);

        cart = order(50, "54.00", "0", line(1, tee, 3, "18.00"));
        String page = cartPage(t);

        assertTrue(page.contains("\"cart_value\":5400,\"cart_item_count\":3"), page);
        assertTrue(page.contains("\"item_qty\":3"), page);
        assertEquals(2, links.cartLinks.get());
    }

    @Test
    void aChangedPriceRebuildsTheCartCalls() {
        StorefrontTracker t = newTracker(new OrderMapper(new CountingReturnUrls()), 60_000);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        cartPage(t);

        cart = order(50, "30.00", "0", line(1, tee, 2, "15.00"));
        String page = cartPage(t);

        assertTrue(page.contains("\"cart_value\":3000"), page);
        assertTrue(page.contains("\"price\":1500"), page);
    }

    @Test
    void twoShoppersWithTheSameProductsEachGetTheirOwnCart() {
        StorefrontTracker t = newTracker(new OrderMapper(new CountingReturnUrls()), 60_000);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        String first = cartPage(t);
        sessionAttributes.clear();
        cart = order(51, "36.00", "0", line(1, tee, 2, "18.00"));
        String second = cartPage(t);

        assertTrue(first.contains("/cart?for=50"), first);
        assertTrue(second.contains("/cart?for=51") && !second.contains("for=50"), second);
    }

    @Test
    void withoutCacheTimeEveryPageMapsTheCartAgain() {
        CountingReturnUrls links = new CountingReturnUrls();
        StorefrontTracker t = newTracker(new OrderMapper(links), 0);
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));

        cartPage(t);
        cartPage(t);

        assertEquals(2, links.cartLinks.get());
    }

    @Test
    void aRemovalAfterUnchangedPagesIsStillReported() {
        cart = order(50, "48.34", "0", line(1, tee, 2, "18.00"), line(2, sauce, 1, "12.34"));
        cartPage(tracker);
        assertTrue(!cartPage(tracker).contains("removeCartItem"), "nothing changed");

        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        String page = cartPage(tracker);

        assertTrue(page.contains("[\"removeCartItem\",{\"product_id\":\"6\"}]"), page);
        assertTrue(!cartPage(tracker).contains("removeCartItem"), "reported once");
    }

    @Test
    void aProductPageAfterCartOnlyPagesCarriesTheCartAndTheProduct() {
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        String cartOnly = cartPage(tracker);
        assertEquals(cartOnly, cartPage(tracker), "the same cart-only script");

        HttpServletRequest request = request("/hot-sauces/sauce");
        tracker.productShown(request, sauce);
        String page = tracker.trackingScript(request, response(new HashMap<>()), null);

        assertTrue(page.contains("\"setCartItem\"") && page.contains("[\"trackProductView\",{\"product_id\":\"6\""), page);
    }

    @Test
    void aCustomerEmailEnteredWithAnUnchangedCartIsAnnounced() {
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00"));
        cartPage(tracker);

        when(cart.getEmailAddress()).thenReturn("guest@example.com");
        String page = cartPage(tracker);

        assertTrue(page.contains("[\"setCustomerEmail\",{\"email\":\"guest@example.com\"}]"), page);
    }

    @Test
    void untrackedPagesFollowAChangeOfPatterns() {
        assertTrue(cartPageAt(tracker, "/account/orders").contains("trackPageView"));
        settingValues.put(SettingKey.UNTRACKED_PAGE_PATTERNS, "/help/**");

        assertTrue(!cartPageAt(tracker, "/account/orders").contains("trackPageView"));
        assertTrue(cartPageAt(tracker, "/help/returns").contains("trackPageView"));
    }

    private String cartPageAt(StorefrontTracker t, String path) {
        return t.trackingScript(request(path), response(new HashMap<>()), null);
    }

    @Test
    void aProductViewIsMappedOnceWhileItsPriceStaysTheSame() {
        CountingMapper mapper = new CountingMapper(new CountingReturnUrls());
        StorefrontTracker t = newTracker(mapper, 60_000);
        for (int i = 0; i < 2; i++) {
            HttpServletRequest request = request("/hot-sauces/sauce");
            t.productShown(request, sauce);
            assertTrue(t.trackingScript(request, response(new HashMap<>()), null).contains("\"price\":1234"));
        }
        assertEquals(1, mapper.productViews.get());
    }

    @Test
    void aProductViewFollowsAPriceChange() {
        StorefrontTracker t = newTracker(new OrderMapper(new CountingReturnUrls()), 60_000);
        HttpServletRequest request = request("/hot-sauces/sauce");
        t.productShown(request, sauce);
        t.trackingScript(request, response(new HashMap<>()), null);

        Product onSale = product(6, "Sauce", "9.99", "/hot-sauces/sauce", "/img/sauce.svg", category("Hot Sauces"));
        HttpServletRequest later = request("/hot-sauces/sauce");
        t.productShown(later, onSale);
        String page = t.trackingScript(later, response(new HashMap<>()), null);

        assertTrue(page.contains("\"price\":999"), page);
    }

    private RejoinerSettings resolve() {
        return new SettingsResolver(StandardLayers.fixed("test", settingValues)).resolve();
    }

    @Test
    void anAjaxCartUpdateCarriesAddPageViewTheRemovalAndTheFreshCart() throws Exception {
        cart = order(50, "36.00", "0", line(1, tee, 2, "18.00", "SIZE", "M"));
        sessionAttributes.put(CartSnapshot.SESSION_ATTRIBUTE, new CartSnapshot(50L, Map.of("6", 1, "7", 2), null));
        HttpServletRequest request = request("/cart/remove");
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = response(headers);

        JsonNode calls = json(tracker.ajaxCommandsJson(request, response, null));

        assertEquals(List.of("addPageView", "removeCartItem", "setCartData", "setCartItem"), names(calls));
        assertEquals("http://shop.test/cart/remove", calls.get(0).get(1).get("url").asText());
        assertEquals("6", calls.get(1).get(1).get("product_id").asText());
        assertEquals(3600, calls.get(2).get(1).get("cart_value").asLong());
        assertEquals("http://shop.test/cart", calls.get(2).get(1).get("return_url").asText());
        assertEquals("M", calls.get(3).get(1).get("SIZE").asText());
        assertTrue(CacheHeaders.isPrivateNoStore(headers.get("Cache-Control")), headers.toString());

        // The next response no longer reports the removal.
        JsonNode next = json(tracker.ajaxCommandsJson(request("/cart"), response(new HashMap<>()), "/cart"));
        assertEquals(List.of("addPageView", "setCartData", "setCartItem"), names(next));
    }

    @Test
    void aQuickViewReportsTheProductAndUsesItsUrlForAddPageView() throws Exception {
        HttpServletRequest request = request("/quickview/6");
        tracker.productShown(request, sauce);

        JsonNode calls = json(tracker.ajaxCommandsJson(request, response(new HashMap<>()), null));

        assertEquals(List.of("addPageView", "trackProductView"), names(calls));
        assertEquals("http://shop.test/hot-sauces/sauce", calls.get(0).get(1).get("url").asText());
        assertEquals(1234, calls.get(1).get(1).get("price").asLong());
    }

    @Test
    void aPageReadsWhatKindOfRequestItIsOnce() {
        HttpServletRequest request = request("/hot-sauces");
        HttpServletResponse response = response(new HashMap<>());

        new RejoinerTrackingInterceptor(tracker).postHandle(request, response, null, new ModelAndView("catalog/category"));
        String script = tracker.automaticScript(request, response);

        assertTrue(script.contains("site-1"), script);
        verify(request, times(1)).getHeader("X-Requested-With");
        verify(request, times(1)).getParameter("blcAjax");
    }

    @Test
    void aPageLooksTheCartUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        RejoinerSettingsService settings = mock(RejoinerSettingsService.class);
        when(settings.current()).thenAnswer(i -> resolve());
        StorefrontTracker counting = new StorefrontTracker(settings, new OrderMapper(new DefaultReturnUrls()), orderService,
                marker, StorefrontTracker.DEFAULT_CACHE_MILLIS, StorefrontTracker.DEFAULT_CART_CACHE_ENTRIES,
                new FakeShopper(() -> {
                    lookups.incrementAndGet();
                    return cart;
                }, () -> customer), clock);
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        HttpServletRequest request = request("/cart");
        HttpServletResponse response = response(new HashMap<>());

        new RejoinerTrackingInterceptor(counting).postHandle(request, response, null, new ModelAndView("cart/cart"));
        String script = counting.automaticScript(request, response);

        assertTrue(script.contains("setCartItem"), script);
        assertEquals(1, lookups.get());
    }

    @Test
    void withTrackingOffTheInterceptorReadsNothingOfTheRequest() {
        settingValues.put(SettingKey.TRACKING_ENABLED, "false");
        HttpServletRequest request = request("/hot-sauces/sauce");

        new RejoinerTrackingInterceptor(tracker).postHandle(request, response(new HashMap<>()), null,
                new ModelAndView("catalog/product", new ModelMap("product", sauce)));

        verify(request, never()).getHeader(anyString());
        verify(request, never()).getParameter(anyString());
        verify(request, never()).getAttribute(anyString());
        verify(request, never()).setAttribute(anyString(), any());
        verify(request, never()).getSession(anyBoolean());
    }

    @Test
    void theInterceptorRecordsTheModelsProductAndMarksShopperPagesPrivate() {
        RejoinerTrackingInterceptor interceptor = new RejoinerTrackingInterceptor(tracker);
        HttpServletRequest request = request("/hot-sauces/sauce");
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", "no-cache");
        ModelAndView mav = new ModelAndView("catalog/product", new ModelMap("product", sauce));

        interceptor.postHandle(request, response(headers), null, mav);
        assertEquals("no-cache", headers.get("Cache-Control"), "no cart, no customer: nothing private");
        assertEquals(List.of(sauce), RejoinerPageData.find(request).products());

        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        interceptor.postHandle(request("/hot-sauces/sauce"), response(headers), null, mav);
        assertEquals("private, no-store, no-cache", headers.get("Cache-Control"));

        HttpServletRequest redirected = request("/cart/add");
        interceptor.postHandle(redirected, response(new HashMap<>()), null, new ModelAndView("redirect:/cart"));
        assertNull(RejoinerPageData.find(redirected));
    }

    @Test
    void withAConsentCookieConfiguredNothingRendersUntilTheShopperHasIt() {
        settingValues.put(SettingKey.CONSENT_COOKIE, "rj_consent");
        assertEquals("", tracker.trackingScript(request("/"), response(new HashMap<>()), null));
        assertEquals("", tracker.trackingScript(request("/", new Cookie("rj_consent", "false")), response(new HashMap<>()), null));
        assertEquals("", tracker.trackingScript(request("/", new Cookie("rj_consent", "0")), response(new HashMap<>()), null));
        assertEquals("[]", tracker.ajaxCommandsJson(request("/"), response(new HashMap<>()), null));
        String script = tracker.trackingScript(request("/", new Cookie("rj_consent", "yes")), response(new HashMap<>()), null);
        assertTrue(script.contains("[\"setAccount\",\"site-1\"]"), script);
    }

    @Test
    void untrackedPathsSendTrackPageViewFalse() {
        String script = tracker.trackingScript(request("/account/orders"), response(new HashMap<>()), "bm9uY2U=");
        assertTrue(script.startsWith("<script nonce=\"bm9uY2U=\""), script);
        assertTrue(script.contains("_rejoiner.push([\"trackPageView\",false]);"), script);
        assertTrue(!tracker.trackingScript(request("/"), response(new HashMap<>()), null).contains("trackPageView"));
    }

    @Test
    void trackingOffOrNoSiteIdRendersNothing() {
        settingValues.put(SettingKey.TRACKING_ENABLED, "false");
        assertEquals("", tracker.trackingScript(request("/"), response(new HashMap<>()), null));
        settingValues.remove(SettingKey.TRACKING_ENABLED);
        settingValues.remove(SettingKey.SITE_ID);
        assertEquals("", tracker.trackingScript(request("/"), response(new HashMap<>()), null));
    }

    @Test
    void theConfirmationPageConvertsOnlyWhenTheMarkerIsClaimedFirst() throws Exception {
        Order order = order(60, "24.68", "0", line(1, sauce, 2, "12.34"));
        when(order.getStatus()).thenReturn(OrderStatus.SUBMITTED);
        when(order.getOrderNumber()).thenReturn("N-60");
        when(order.getEmailAddress()).thenReturn("guest@example.com");
        when(marker.claim(order)).thenReturn(true, false);
        sessionAttributes.put(CartSnapshot.SESSION_ATTRIBUTE, new CartSnapshot(60L, Map.of("6", 2), null));

        HttpServletRequest first = request("/confirmation/N-60");
        tracker.confirmationShown(first, order);
        String script = tracker.trackingScript(first, response(new HashMap<>()), null);
        assertTrue(script.contains("[\"setCustomerEmail\",{\"email\":\"guest@example.com\"}]"), script);
        assertTrue(script.contains("[\"sendConversion\",{\"cart_data\":{\"cart_value\":2468,\"cart_item_count\":2,"
                + "\"customer_order_number\":\"N-60\""), script);
        assertTrue(!script.contains("clearCartData"), "a submitted order is not cleared");
        assertEquals(script, tracker.trackingScript(first, response(new HashMap<>()), null), "same script twice in one response");

        HttpServletRequest reload = request("/confirmation/N-60");
        tracker.confirmationShown(reload, order);
        assertTrue(!tracker.trackingScript(reload, response(new HashMap<>()), null).contains("sendConversion"));
    }

    @Test
    void aCartThatDisappearsWithoutCheckoutIsClearedAfterLookingItUp() throws Exception {
        sessionAttributes.put(CartSnapshot.SESSION_ATTRIBUTE, new CartSnapshot(70L, Map.of("6", 1), null));
        when(orderService.findOrderById(70L)).thenReturn(null);

        JsonNode calls = json(tracker.ajaxCommandsJson(request("/cart/empty"), response(new HashMap<>()), "/cart"));

        assertEquals(List.of("addPageView", "clearCartData"), names(calls));
    }

    @Test
    void aFailureRendersNothingAndNeverThrows() {
        cart = order(80, "1.00", "0");
        when(cart.getDiscreteOrderItems()).thenThrow(new IllegalStateException("lazy loading failed"));
        RejoinerVariableExpression expression = new RejoinerVariableExpression(tracker);

        assertEquals("", tracker.trackingScript(request("/"), response(new HashMap<>()), null));
        assertEquals("[]", tracker.ajaxCommandsJson(request("/"), response(new HashMap<>()), null));
        assertEquals("", expression.trackingScript(), "no request at all");
        assertEquals("rejoiner", expression.getName());
    }

    @Test
    void theCustomerIsAnnouncedOncePerSession() throws Exception {
        customer = mock(Customer.class);
        when(customer.isLoggedIn()).thenReturn(true);
        when(customer.getEmailAddress()).thenReturn("Rita@Example.com");
        when(customer.getFirstName()).thenReturn("Rita");
        when(customer.getCustomerAttributes()).thenReturn(new HashMap<>());
        sessionAttributes.put(CartSnapshot.SESSION_ATTRIBUTE, new CartSnapshot(null, null, null));

        JsonNode first = json(tracker.ajaxCommandsJson(request("/"), response(new HashMap<>()), "/"));
        assertEquals(List.of("addPageView", "setCustomerEmail", "setCustomerData"), names(first));
        assertEquals("http://shop.test/", first.get(0).get(1).get("url").asText());
        assertEquals("rita@example.com", first.get(1).get(1).get("email").asText().toLowerCase(Locale.ROOT));
        assertEquals("{\"language\":\"en\",\"name\":\"Rita\"}", first.get(2).get(1).toString());
        JsonNode second = json(tracker.ajaxCommandsJson(request("/"), response(new HashMap<>()), "/"));
        assertEquals(List.of("addPageView"), names(second));
    }

    // ------------------------------------------------------------------ fakes

    private HttpServletRequest request(String path, Cookie... cookies) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(request).setAttribute(anyString(), any());
        when(request.getRequestURI()).thenReturn(path);
        when(request.getContextPath()).thenReturn("");
        when(request.getScheme()).thenReturn("http");
        when(request.getServerName()).thenReturn("shop.test");
        when(request.getServerPort()).thenReturn(80);
        when(request.getCookies()).thenReturn(cookies.length == 0 ? null : cookies);
        HttpSession session = mock(HttpSession.class);
        when(session.getAttribute(anyString())).thenAnswer(i -> sessionAttributes.get(i.<String>getArgument(0)));
        doAnswer(i -> sessionAttributes.put(i.getArgument(0), i.getArgument(1))).when(session).setAttribute(anyString(), any());
        doAnswer(i -> sessionAttributes.remove(i.<String>getArgument(0))).when(session).removeAttribute(anyString());
        when(request.getSession()).thenReturn(session);
        when(request.getSession(anyBoolean())).thenReturn(session);
        return request;
    }

    private static HttpServletResponse response(Map<String, String> headers) {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getHeader(anyString())).thenAnswer(i -> headers.get(i.<String>getArgument(0)));
        doAnswer(i -> headers.put(i.getArgument(0), i.getArgument(1))).when(response).setHeader(anyString(), anyString());
        return response;
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private static List<String> names(JsonNode calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.get(0).asText()));
        return out;
    }
}
