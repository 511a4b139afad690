package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.ModelAndView;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.category;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The AJAX endpoint's answers ({@link StorefrontTracker#ajaxPushJson}) on fake requests of one
 * browser (a cookie jar and a session that a logout can replace), and the clearing of a cart that
 * a login or an expired session replaced (issue 14, item 2).
 */
class AjaxPushTest {

    private final Product sauce = product(6, "Sauce", "12.34", "/hot-sauces/sauce", "/img/sauce.svg", category("Hot Sauces"));
    private final Product tee = product(7, "Tee", "18.00", "/merchandise/tee", null, category("Merchandise"));
    private final Map<SettingKey, String> settingValues = new EnumMap<>(SettingKey.class);
    private final Map<String, Cookie> cookieJar = new LinkedHashMap<>();
    private Map<String, Object> session = new HashMap<>();
    private final OrderService orderService = mock(OrderService.class);
    private Order cart;
    private StorefrontTracker tracker;

    @BeforeEach
    void setUp() {
        settingValues.put(SettingKey.SITE_ID, "site-1");
        settingValues.put(SettingKey.API_SECRET, "s3cret");
        RejoinerSettingsService settings = mock(RejoinerSettingsService.class);
        when(settings.current()).thenAnswer(i -> new SettingsResolver(StandardLayers.fixed("test", settingValues)).resolve());
        tracker = new StorefrontTracker(settings, new OrderMapper(new DefaultReturnUrls()), orderService,
                mock(PageConversionMarker.class),
                StorefrontTracker.DEFAULT_CACHE_MILLIS, StorefrontTracker.DEFAULT_CART_CACHE_ENTRIES, new FakeShopper(() -> cart, () -> null), new MovableClock());
        new AjaxCallsController(tracker);
    }

    @Test
    void theBaseSnippetCarriesTheBootstrapOnlyOnceTheEndpointIsMapped() {
        StorefrontTracker plain = new StorefrontTracker(mock(RejoinerSettingsService.class), null, orderService, null);
        assertNull(plain.ajaxEndpointPath());
        String page = page("/");
        assertTrue(page.contains("var ep = \"/shop/rejoiner/ajax-calls\""), page);
    }

    @Test
    void withoutASessionTheEndpointAnswersAnEmptyListAndCreatesNone() throws Exception {
        HttpServletRequest request = request("GET", "/rejoiner/ajax-calls");
        when(request.getSession(false)).thenReturn(null);
        assertEquals("[]", tracker.ajaxPushJson(request, response()));
        verify(request, never()).getSession(true);
    }

    @Test
    void anUnchangedCartPushesNothing() throws Exception {
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        page("/");
        assertEquals(List.of(), names(push()));
    }

    @Test
    void anAjaxAddThatOpensTheCartPushesTheNewOrderOnceAndTheNextPageDoesNotRepeatIt() throws Exception {
        page("/hot-sauces/sauce");
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));

        JsonNode calls = push();

        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"), names(calls));
        assertEquals(1234, calls.get(1).get(1).get("cart_value").asLong());
        assertEquals("6", calls.get(2).get(1).get("product_id").asText());
        assertEquals(List.of(), names(push()), "asked again: nothing new");
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/")), "the page sends the cart, not the new order");
    }

    @Test
    void aQuantityChangePushesTheFreshCartAndARemovalPushesRemoveCartItemFirst() throws Exception {
        cart = order(50, "48.34", "0", line(1, sauce, 1, "12.34"), line(2, tee, 2, "18.00"));
        page("/cart");

        cart = order(50, "60.68", "0", line(1, sauce, 2, "12.34"), line(2, tee, 2, "18.00"));
        JsonNode updated = push();
        assertEquals(List.of("setCartData", "setCartItem", "setCartItem"), names(updated));
        assertEquals(6068, updated.get(0).get(1).get("cart_value").asLong());

        cart = order(50, "36.00", "0", line(2, tee, 2, "18.00"));
        JsonNode removed = push();
        assertEquals(List.of("removeCartItem", "setCartData", "setCartItem"), names(removed));
        assertEquals("{\"product_id\":\"6\"}", removed.get(0).get(1).toString());
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/cart")));
    }

    @Test
    void emptyingTheCartByAjaxClearsItOnce() throws Exception {
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        page("/cart");
        cart = null;
        when(orderService.findOrderById(50L)).thenReturn(null);

        assertEquals(List.of("clearCartData"), names(push()));
        assertEquals(List.of(), pageCalls(page("/")));
    }

    @Test
    void anAjaxFragmentIsAPageViewOfThePageItWasRequestedFrom() throws Exception {
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        page("/cart");
        HttpServletRequest fragment = request("POST", "/cart/updateQuantity");
        when(fragment.getHeader("X-Requested-With")).thenReturn("XMLHttpRequest");
        when(fragment.getHeader("Referer")).thenReturn("http://shop.test/shop/cart");
        cart = order(50, "24.68", "0", line(1, sauce, 2, "12.34"));
        new RejoinerTrackingInterceptor(tracker).postHandle(fragment, response(), null, new ModelAndView("cart/cartFragment"));

        JsonNode calls = push();

        assertEquals(List.of("addPageView", "setCartData", "setCartItem"), names(calls));
        assertEquals("http://shop.test/shop/cart", calls.get(0).get(1).get("url").asText());
        assertEquals(List.of(), names(push()));
    }

    @Test
    void aQuickViewFetchedByAjaxIsAPageViewAndAProductView() throws Exception {
        page("/");
        HttpServletRequest quickView = request("GET", "/product/quickview");
        when(quickView.getHeader("Sec-Fetch-Dest")).thenReturn("empty");
        new RejoinerTrackingInterceptor(tracker).postHandle(quickView, response(), null,
                new ModelAndView("catalog/quickview", "product", sauce));

        JsonNode calls = push();

        assertEquals(List.of("addPageView", "trackProductView"), names(calls));
        assertEquals("http://shop.test/shop/hot-sauces/sauce", calls.get(0).get(1).get("url").asText());
        assertEquals("6", calls.get(1).get(1).get("product_id").asText());
    }

    @Test
    void aFullPageDropsAjaxViewsNobodyAskedFor() throws Exception {
        page("/");
        HttpServletRequest quickView = request("GET", "/product/quickview");
        when(quickView.getHeader("X-Requested-With")).thenReturn("XMLHttpRequest");
        new RejoinerTrackingInterceptor(tracker).postHandle(quickView, response(), null,
                new ModelAndView("catalog/quickview", "product", sauce));
        page("/");
        assertEquals(List.of(), names(push()));
    }

    @Test
    void aFailureAnswersAnEmptyList() throws Exception {
        page("/");
        cart = order(80, "1.00", "0");
        when(cart.getDiscreteOrderItems()).thenThrow(new IllegalStateException("lazy loading failed"));
        assertEquals("[]", tracker.ajaxPushJson(request("GET", "/rejoiner/ajax-calls"), response()));
    }

    @Test
    void theEndpointAlwaysAnswers200NoStoreJson() throws Exception {
        page("/");
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse response = response(headers, body);

        HttpServletRequest ask = request("GET", "/rejoiner/ajax-calls");
        when(ask.getHeader("X-Requested-With")).thenReturn("XMLHttpRequest");
        new AjaxCallsController(tracker).calls(ask, response);

        verify(response).setStatus(200);
        assertEquals("no-store", headers.get("Cache-Control"));
        verify(response).setContentType("application/json;charset=UTF-8");
        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"),
                names(new ObjectMapper().readTree(body.toString(StandardCharsets.UTF_8))));
    }

    @Test
    void anAskWithoutTheBootstrapsHeaderUsesUpNothing() throws Exception {
        page("/");
        cart = order(50, "12.34", "0", line(1, sauce, 1, "12.34"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletRequest crossSite = request("GET", "/rejoiner/ajax-calls"); // e.g. <img src> on another site

        new AjaxCallsController(tracker).calls(crossSite, response(new HashMap<>(), body));

        assertEquals("[]", body.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"), names(push()), "still there for the page");
    }

    @Test
    void aFragmentCarryingItsOwnCallsIsNotAlsoPushedAsAView() throws Exception {
        page("/");
        HttpServletRequest quickView = request("GET", "/product/quickview");
        when(quickView.getHeader("X-Requested-With")).thenReturn("XMLHttpRequest");
        new RejoinerTrackingInterceptor(tracker).postHandle(quickView, response(), null,
                new ModelAndView("catalog/quickview", "product", sauce));
        JsonNode embedded = new ObjectMapper().readTree(tracker.ajaxCommandsJson(quickView, response(), null));
        assertEquals(List.of("addPageView", "trackProductView"), names(embedded));

        assertEquals(List.of(), names(push()));
    }

    // ------------------------------------------------------------------ issue 14.2: a replaced cart is cleared

    @Test
    void aCartReplacedAfterALogoutIsClearedBeforeTheNewOrderStarts() throws Exception {
        Order customerCart = order(40, "12.34", "0", line(1, sauce, 1, "12.34"));
        when(customerCart.getStatus()).thenReturn(OrderStatus.IN_PROCESS);
        when(orderService.findOrderById(40L)).thenReturn(customerCart);
        cart = customerCart;
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/cart")));

        logout(); // Spring Security invalidates the session: the snapshot is gone
        cart = null;
        assertEquals(List.of(), pageCalls(page("/")), "the customer's cart is kept while the shopper shows none");
        cart = order(41, "18.00", "0", line(2, tee, 1, "18.00"));

        assertEquals(List.of("clearCartData", "startNewOrder", "setCartData", "setCartItem"), names(push()));
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/cart")), "once");
    }

    @Test
    void aCartReplacedAtLoginIsClearedOnTheFirstPageOfTheNewSession() throws Exception {
        Order anonymous = order(60, "12.34", "0", line(1, sauce, 1, "12.34"));
        when(orderService.findOrderById(60L)).thenReturn(null); // merged into the customer's cart and deleted
        cart = anonymous;
        page("/cart");
        logout();
        cart = order(61, "18.00", "0", line(2, tee, 1, "18.00"));

        assertEquals(List.of("clearCartData", "startNewOrder", "setCartData", "setCartItem"), pageCalls(page("/cart")));
    }

    @Test
    void theSameCartAfterANewSessionIsNotCleared() throws Exception {
        cart = order(40, "12.34", "0", line(1, sauce, 1, "12.34"));
        page("/cart");
        logout();
        cart = order(40, "12.34", "0", line(1, sauce, 1, "12.34"));
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/cart")));
        verify(orderService, never()).findOrderById(any());
    }

    @Test
    void aConvertedCartIsNeverClearedInALaterSession() throws Exception {
        Order converted = order(40, "12.34", "0", line(1, sauce, 1, "12.34"));
        when(converted.getStatus()).thenReturn(OrderStatus.SUBMITTED);
        when(orderService.findOrderById(40L)).thenReturn(converted);
        cart = converted;
        page("/cart");
        logout();
        cart = order(42, "18.00", "0", line(2, tee, 1, "18.00"));
        assertEquals(List.of("startNewOrder", "setCartData", "setCartItem"), pageCalls(page("/cart")));
    }

    @Test
    void aTamperedCartCookieIsIgnored() throws Exception {
        cookieJar.put(LastCartCookie.NAME, new Cookie(LastCartCookie.NAME, "40.000000000000000000000000"));
        cart = order(41, "18.00", "0", line(2, tee, 1, "18.00"));
        assertEquals(List.of("setCartData", "setCartItem"), pageCalls(page("/cart")));
        verify(orderService, never()).findOrderById(any());
        assertFalse(cookieJar.get(LastCartCookie.NAME).getValue().startsWith("40."), "replaced by the shown cart's");
    }

    // ------------------------------------------------------------------ fakes: one browser

    private void logout() {
        session = new HashMap<>();
    }

    private String page(String path) {
        HttpServletRequest request = request("GET", path);
        HttpServletResponse response = response();
        tracker.beforeRender(request, response);
        return tracker.trackingScript(request, response, null);
    }

    private JsonNode push() throws Exception {
        return new ObjectMapper().readTree(tracker.ajaxPushJson(request("GET", "/rejoiner/ajax-calls"), response()));
    }

    private HttpServletRequest request(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, Object> sessionAttributes = session;
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(request).setAttribute(anyString(), any());
        when(request.getRequestURI()).thenReturn("/shop" + path);
        when(request.getContextPath()).thenReturn("/shop");
        when(request.getScheme()).thenReturn("http");
        when(request.getServerName()).thenReturn("shop.test");
        when(request.getServerPort()).thenReturn(80);
        Cookie[] sent = cookieJar.isEmpty() ? null : cookieJar.values().toArray(new Cookie[0]); // as the browser sent them
        when(request.getCookies()).thenReturn(sent);
        HttpSession httpSession = mock(HttpSession.class);
        when(httpSession.getAttribute(anyString())).thenAnswer(i -> sessionAttributes.get(i.<String>getArgument(0)));
        doAnswer(i -> sessionAttributes.put(i.getArgument(0), i.getArgument(1))).when(httpSession).setAttribute(anyString(), any());
        doAnswer(i -> sessionAttributes.remove(i.<String>getArgument(0))).when(httpSession).removeAttribute(anyString());
        when(request.getSession()).thenReturn(httpSession);
        when(request.getSession(anyBoolean())).thenReturn(httpSession);
        return request;
    }

    private HttpServletResponse response() {
        return response(new HashMap<>(), new ByteArrayOutputStream());
    }

    /** A response whose cookies land in this browser's jar (deleted when max-age is 0). */
    private HttpServletResponse response(Map<String, String> headers, ByteArrayOutputStream body) {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getHeader(anyString())).thenAnswer(i -> headers.get(i.<String>getArgument(0)));
        doAnswer(i -> headers.put(i.getArgument(0), i.getArgument(1))).when(response).setHeader(anyString(), anyString());
        doAnswer(i -> {
            Cookie c = i.getArgument(0);
            if (c.getMaxAge() == 0) {
                cookieJar.remove(c.getName());
            } else {
                cookieJar.put(c.getName(), c);
            }
            return null;
        }).when(response).addCookie(any());
        try {
            when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        doAnswer(i -> null).when(response).setContentLength(anyInt());
        return response;
    }

    private static final Pattern PUSH = Pattern.compile("_rejoiner\\.push\\(\\[\"(\\w+)\"");

    /** The names of a page script's calls after the base snippet (setAccount, setDomain). */
    private static List<String> pageCalls(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = PUSH.matcher(script);
        while (m.find()) {
            if (!m.group(1).equals("setAccount") && !m.group(1).equals("setDomain")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> names(JsonNode calls) {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.get(0).asText()));
        return out;
    }
}
