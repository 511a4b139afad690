package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.core.web.order.security.CartStateRequestProcessor;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides which Rejoiner calls a storefront response needs and renders them. Bean
 * {@code blRejoinerStorefrontTracker}; a singleton without shopper state: everything about a
 * shopper comes from the request ({@link RejoinerPageData}), Broadleaf's request state
 * ({@link CartState}, {@link CustomerState}) and the session ({@link CartSnapshot}).
 *
 * <p>Per page, in this order: {@code trackPageView false} on untracked paths (or {@code addPageView}
 * for AJAX), {@code clearCartData} / {@code startNewOrder} / {@code removeCartItem} for cart changes
 * since the last tracked response, {@code setCustomerEmail} + {@code setCustomerData} when the
 * shopper's e-mail first becomes known (or changes), {@code setCartData} + one {@code setCartItem}
 * per product while the cart has items (and right after a removal), {@code trackProductView} for the
 * product shown, {@code sendConversion} once per order on its confirmation page.
 *
 * <p>The calls of a cart ({@code setCartData}, {@code setCartItem}s) and of a product view are kept,
 * rendered, while the cart's {@link CartFingerprint} (or the product's price) stays the same, for at
 * most {@code cacheMillis}: a shopper browsing with an unchanged cart costs one comparison per page,
 * not a mapping, a signed restore link and the JSON of every line.
 *
 * <p>Public methods never throw: failures are reported to {@link TrackingFailures} and render nothing.
 */
public class StorefrontTracker {

    /** Default time an unchanged cart's or product's calls are reused: the product facts' cache time. */
    public static final long DEFAULT_CACHE_MILLIS = 60000;
    /** Default number of carts whose calls are kept (a 20-line cart's calls take some 10 KB). */
    public static final int DEFAULT_CART_CACHE_ENTRIES = 2000;

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    /**
     * Session attribute: the calls of AJAX views ({@code addPageView}, {@code trackProductView})
     * waiting for the bootstrap's next ask (JSON arrays, oldest first, at most {@value #MAX_PENDING_VIEWS}).
     */
    static final String PENDING_VIEWS = StorefrontTracker.class.getName() + ".pendingViews";
    static final int MAX_PENDING_VIEWS = 5;

    /** What a response is: a full page, an AJAX fragment embedding its calls, or the AJAX endpoint's push. */
    enum Mode { PAGE, AJAX, PUSH }

    private final RejoinerSettingsService settingsService;
    private final OrderMapper mapper;
    private final OrderService orderService;
    private final PageConversionMarker conversionMarker;
    private final AntPathMatcher pathMatcher = new AntPathMatcher();
    private final AtomicReference<ScriptHolder> script = new AtomicReference<ScriptHolder>();
    private final AtomicReference<ResolverHolder> resolver = new AtomicReference<ResolverHolder>();
    private final AtomicReference<PathVerdicts> untrackedPaths = new AtomicReference<PathVerdicts>();

    private final CommandCache cartCalls;
    private final CommandCache productViews;
    private final LastCartCookie lastCart = new LastCartCookie();
    /** Servlet-relative path of the AJAX endpoint once its controller is mapped, else null (no bootstrap). */
    private volatile String ajaxPath;

    /** A tracker that reuses a cart's and a product's calls for {@link #DEFAULT_CACHE_MILLIS} while unchanged. */
    public StorefrontTracker(RejoinerSettingsService settingsService, OrderMapper mapper, OrderService orderService,
                             PageConversionMarker conversionMarker) {
        this(settingsService, mapper, orderService, conversionMarker, DEFAULT_CACHE_MILLIS, DEFAULT_CART_CACHE_ENTRIES);
    }

    /**
     * @param cacheMillis how long the calls of an unchanged cart or product are reused (0: rebuilt on every page)
     * @param cartCacheEntries how many carts' calls are kept at most (products: ten times as many)
     */
    public StorefrontTracker(RejoinerSettingsService settingsService, OrderMapper mapper, OrderService orderService,
                             PageConversionMarker conversionMarker, long cacheMillis, int cartCacheEntries) {
        this.settingsService = settingsService;
        this.mapper = mapper;
        this.orderService = orderService;
        this.conversionMarker = conversionMarker;
        this.cartCalls = new CommandCache(cartCacheEntries, cacheMillis);
        this.productViews = new CommandCache((int) Math.min(10L * cartCacheEntries, Integer.MAX_VALUE), cacheMillis);
    }

    public OrderMapper mapper() {
        return mapper;
    }

    /**
     * Called by the AJAX endpoint's controller when the storefront maps it: from then on the base
     * snippet carries the bootstrap that asks {@code servletPath} (e.g. {@code /rejoiner/ajax-calls},
     * under the store's context path) after the page's own XHR and {@code fetch} requests.
     */
    public void enableAjaxEndpoint(String servletPath) {
        this.ajaxPath = servletPath;
    }

    /** The AJAX endpoint's servlet-relative path, or null while no controller serves it. */
    public String ajaxEndpointPath() {
        return ajaxPath;
    }

    /** The endpoint's absolute path for this request (context path + endpoint), or null. */
    private String ajaxEndpoint(HttpServletRequest request) {
        String path = ajaxPath;
        if (path == null) {
            return null;
        }
        String context = request.getContextPath();
        return context == null ? path : context + path;
    }

    /**
     * Whether the request was made by XHR or {@code fetch} rather than by navigating: jQuery's
     * (and Broadleaf's) {@code X-Requested-With} header or Broadleaf's {@code blcAjax=true}, or the
     * browser's {@code Sec-Fetch-Dest: empty} (every XHR and {@code fetch}, with or without header).
     */
    public static boolean isXhrOrFetch(HttpServletRequest request) {
        return request != null && ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
                || "empty".equalsIgnoreCase(request.getHeader("Sec-Fetch-Dest"))
                || "true".equals(request.getParameter("blcAjax")));
    }

    // ------------------------------------------------------------------ hooks (record facts)

    /** Records a product impression for this response (product page, quick view). */
    public void productShown(HttpServletRequest request, Product product) {
        try {
            if (request != null && product != null) {
                RejoinerPageData.of(request).addProduct(product);
            }
        } catch (RuntimeException e) {
            TrackingFailures.report("productShown", e);
        }
    }

    /** Records that this response is the confirmation page of {@code order}. */
    public void confirmationShown(HttpServletRequest request, Order order) {
        try {
            if (request != null && order != null) {
                RejoinerPageData.of(request).setConfirmedOrder(order);
            }
        } catch (RuntimeException e) {
            TrackingFailures.report("confirmationShown", e);
        }
    }

    /**
     * Called before the view renders: marks the response {@code private, no-store} when its
     * Rejoiner script may carry shopper data (a cart, a known customer, a conversion). Cheap: no
     * database access.
     */
    public void beforeRender(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request == null || response == null || response.isCommitted()) {
                return;
            }
            RejoinerSettings settings = settingsService.current();
            if (!settings.isTrackingActive() || !hasConsent(request, settings.consentCookie())) {
                return;
            }
            if (mayCarryShopperData(request)) {
                markPrivate(RejoinerPageData.of(request), response);
            }
            // The page's script may render after the response is committed: remember its cart now.
            Order cart = cartStateKnown(request) ? currentCart() : null;
            if (cart != null) {
                syncLastCart(request, response, settings, cart.getId());
            }
        } catch (RuntimeException e) {
            TrackingFailures.report("beforeRender", e);
        }
    }

    /**
     * Called (by the interceptor) for an XHR or {@code fetch} request that renders an HTML view (a
     * cart fragment, a quick view): keeps its {@code addPageView} (and the {@code trackProductView}
     * of a product shown) in the session for the bootstrap's next ask. The URL is the product's,
     * else the request's for a GET, else the page the request came from (same origin only).
     */
    public void ajaxViewShown(HttpServletRequest request) {
        try {
            if (request == null || ajaxPath == null) {
                return;
            }
            RejoinerSettings settings = settingsService.current();
            if (!settings.isTrackingActive() || !hasConsent(request, settings.consentCookie())) {
                return;
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            String baseUrl = settings.storeBaseUrl() != null ? settings.storeBaseUrl() : StoreContext.baseUrl(request);
            UrlResolver urls = resolver(baseUrl);
            List<TrackingCommand> view = new ArrayList<TrackingCommand>();
            String explicit = page.products().isEmpty() && !"GET".equalsIgnoreCase(request.getMethod())
                    ? sameOriginReferer(request, baseUrl) : null;
            view.add(TrackingCommand.addPageView(pageUrl(request, page, explicit), urls));
            for (Product product : page.products()) {
                view.addAll(productView(product, baseUrl, urls).commands());
            }
            String json = TrackingScript.commandsJson(view);
            HttpSession session = request.getSession(true);
            synchronized (WebUtils.getSessionMutex(session)) {
                Object o = session.getAttribute(PENDING_VIEWS);
                ArrayList<String> pending = new ArrayList<String>();
                if (o instanceof List) {
                    for (Object e : (List<?>) o) {
                        if (e instanceof String) {
                            pending.add((String) e);
                        }
                    }
                }
                while (pending.size() >= MAX_PENDING_VIEWS) {
                    pending.remove(0);
                }
                pending.add(json);
                session.setAttribute(PENDING_VIEWS, pending);
            }
            page.setQueuedAjaxView(json);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxViewShown", e);
        }
    }

    /** The Referer's path and query when it is on the store's base URL, else null. */
    private static String sameOriginReferer(HttpServletRequest request, String baseUrl) {
        String referer = request.getHeader("Referer");
        if (referer == null || baseUrl == null) {
            return null;
        }
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return referer.startsWith(base) || referer.equals(baseUrl) ? referer.substring(Math.min(referer.length(), base.length())) : null;
    }

    /** Takes (and removes) the session's pending AJAX views as the inside of a JSON array ("" when none). */
    private static String takePendingViews(HttpSession session) {
        if (session == null) {
            return "";
        }
        Object o;
        synchronized (WebUtils.getSessionMutex(session)) {
            o = session.getAttribute(PENDING_VIEWS);
            if (o != null) {
                session.removeAttribute(PENDING_VIEWS);
            }
        }
        StringBuilder out = new StringBuilder();
        if (o instanceof List) {
            for (Object e : (List<?>) o) {
                appendInner(out, e instanceof String ? (String) e : null);
            }
        }
        return out.toString();
    }

    /** Appends the elements of a JSON array text ("[a,b]") to a comma-separated list. */
    private static void appendInner(StringBuilder out, String array) {
        if (array == null || array.length() <= 2 || array.charAt(0) != '[') {
            return;
        }
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(array, 1, array.length() - 1);
    }

    /** Remembers the cart Rejoiner sees in the browser's cookie (null: forget it) when it differs. */
    private void syncLastCart(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings,
                              Long cartId) {
        if (response == null || response.isCommitted()) {
            return;
        }
        // Compared without the MAC (runs on every page with a cart): a forged value that names the same
        // cart is left alone, and every decision based on the cookie verifies it (LastCartCookie.read).
        String sent = cookieValue(request, LastCartCookie.NAME);
        if (cartId == null ? sent != null : sent == null || !sent.startsWith(cartId + ".")) {
            lastCart.write(request, response, settings, cartId);
        }
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue() == null ? "" : c.getValue();
                }
            }
        }
        return null;
    }

    private boolean mayCarryShopperData(HttpServletRequest request) {
        RejoinerPageData page = RejoinerPageData.of(request);
        if (page.confirmedOrder() != null) {
            return true;
        }
        Order cart = currentCart();
        if (cart != null) {
            return true;
        }
        Customer customer = customer(page);
        if (customer != null && customer.isLoggedIn()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object snapshot = session == null ? null : session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE);
        return snapshot instanceof CartSnapshot && ((CartSnapshot) snapshot).cartId() != null;
    }

    // ------------------------------------------------------------------ rendering

    /**
     * The inline script for a full page (base snippet + this response's calls), or "" when nothing
     * is to be rendered (tracking off, no site id, no consent, or a failure). Idempotent within a
     * request: a second call returns the same script.
     */
    public String trackingScript(HttpServletRequest request, HttpServletResponse response, String cspNonce) {
        try {
            if (request == null) {
                return "";
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            if (page.renderedScript() != null) {
                return page.renderedScript();
            }
            RejoinerSettings settings = settingsService.current();
            TrackingScript renderer = renderer(settings, ajaxEndpoint(request));
            if (renderer == null) {
                return remember(page, "");
            }
            List<TrackingCommand> commands = commands(request, response, settings, Mode.PAGE, null);
            if (commands == null) {
                return remember(page, "");
            }
            CommandCache.Calls only = page.onlyCalls();
            return remember(page, only != null ? only.scriptAlone(renderer, cspNonce) : renderer.render(commands, cspNonce));
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("trackingScript", e);
            return "";
        }
    }

    /**
     * The script for one place in a page: the first place asking in a response (the template hook
     * or the automatic placement at the end of {@code <body>}) gets {@link #trackingScript}, every
     * later one "", so a page never carries the script twice.
     */
    public String placeScript(HttpServletRequest request, HttpServletResponse response, String cspNonce) {
        try {
            if (request == null) {
                return "";
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            if (page.scriptPlaced()) {
                return "";
            }
            String script = trackingScript(request, response, cspNonce);
            if (!script.isEmpty()) {
                page.markScriptPlaced();
            }
            return script;
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("placeScript", e);
            return "";
        }
    }

    /**
     * The script the automatic placement puts at the end of a full page's {@code <body>}: as
     * {@link #placeScript} unless the setting {@code automaticPlacement} is off, the request is an
     * admin request or an XHR, or the page already has the script from the template hook.
     */
    public String automaticScript(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request == null || isAdminRequest() || isAjaxRequest(request)) {
                return "";
            }
            RejoinerPageData existing = RejoinerPageData.find(request);
            if (existing != null && existing.scriptPlaced()) {
                return "";
            }
            if (!settingsService.current().automaticPlacement()) {
                return "";
            }
            return placeScript(request, response, null);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("automaticScript", e);
            return "";
        }
    }

    /**
     * An XHR asking for a page (Broadleaf's own test: {@code X-Requested-With} or {@code blcAjax=true}):
     * whatever it returns is inserted into a page that already has the script, and scripts in
     * inserted HTML do not run.
     */
    static boolean isAjaxRequest(HttpServletRequest request) {
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || "true".equals(request.getParameter("blcAjax"));
    }

    private static boolean isAdminRequest() {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        return context != null && Boolean.TRUE.equals(context.getAdmin());
    }

    private static String remember(RejoinerPageData page, String script) {
        page.setRenderedScript(script);
        return script;
    }

    /**
     * The calls of an AJAX response as a JSON array of {@code [name, argument]} pairs (push each
     * with {@code _rejoiner.push}): {@code addPageView} for {@code pageUrl} (null: the product shown,
     * else the request URL), then the cart, customer and product calls the request caused. "[]"
     * when nothing is to be sent.
     */
    public String ajaxCommandsJson(HttpServletRequest request, HttpServletResponse response, String pageUrl) {
        try {
            if (request == null) {
                return "[]";
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            if (page.renderedAjax() != null) {
                return page.renderedAjax();
            }
            RejoinerSettings settings = settingsService.current();
            List<TrackingCommand> commands = renderer(settings, ajaxEndpoint(request)) == null ? null
                    : commands(request, response, settings, Mode.AJAX, pageUrl);
            String json = commands == null ? "[]" : TrackingScript.commandsJson(commands);
            page.setRenderedAjax(json);
            return json;
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxCommands", e);
            return "[]";
        }
    }

    /**
     * The AJAX endpoint's answer: the calls for what changed since this browser was last told, as a
     * JSON array of {@code [name, argument]} pairs: the AJAX views shown since ({@code addPageView},
     * {@code trackProductView}), then, only when the cart or the customer changed, the one-off cart
     * calls ({@code clearCartData}, {@code startNewOrder}, {@code removeCartItem}), the customer and
     * the fresh {@code setCartData} + {@code setCartItem}s. Moves the session's snapshot on, so the
     * next full page does not repeat the one-off calls. "[]" without a session, when nothing changed
     * (one fingerprint comparison), when nothing may be sent, and on any failure. Never creates a session.
     */
    public String ajaxPushJson(HttpServletRequest request, HttpServletResponse response) {
        try {
            HttpSession session = request == null ? null : request.getSession(false);
            if (session == null) {
                return "[]";
            }
            RejoinerSettings settings = settingsService.current();
            List<TrackingCommand> commands = renderer(settings, ajaxEndpoint(request)) == null ? null
                    : commands(request, response, settings, Mode.PUSH, null);
            if (commands == null) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[");
            out.append(takePendingViews(session));
            if (!commands.isEmpty()) {
                StringBuilder inner = new StringBuilder();
                appendInner(inner, TrackingScript.commandsJson(commands));
                if (out.length() > 1 && inner.length() > 0) {
                    out.append(',');
                }
                out.append(inner);
            }
            return out.append(']').toString();
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxPush", e);
            return "[]";
        }
    }

    /** As {@link #commands(HttpServletRequest, HttpServletResponse, RejoinerSettings, Mode, String)}: AJAX or page. */
    List<TrackingCommand> commands(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings,
                                   boolean ajax, String pageUrl) {
        return commands(request, response, settings, ajax ? Mode.AJAX : Mode.PAGE, pageUrl);
    }

    /**
     * This response's calls (without the base snippet), or null when nothing may be rendered.
     * Moves the session's {@link CartSnapshot} on: one-off calls appear in one response only.
     */
    List<TrackingCommand> commands(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings,
                                   Mode mode, String pageUrl) {
        if (!settings.isTrackingActive()) {
            return null;
        }
        if (!hasConsent(request, settings.consentCookie())) {
            forgetSnapshot(request);
            return null;
        }
        boolean ajax = mode == Mode.AJAX;
        boolean push = mode == Mode.PUSH;
        if (push && !cartStateKnown(request)) {
            return Collections.<TrackingCommand>emptyList();
        }
        RejoinerPageData page = RejoinerPageData.of(request);
        if (page.computed()) {
            // Script and AJAX list in one response: cart changes were already given to the first.
            return Collections.<TrackingCommand>emptyList();
        }
        page.markComputed();

        String baseUrl = settings.storeBaseUrl() != null ? settings.storeBaseUrl() : StoreContext.baseUrl(request);
        UrlResolver urls = resolver(baseUrl);
        List<TrackingCommand> out = new ArrayList<TrackingCommand>();

        if (ajax) {
            out.add(TrackingCommand.addPageView(pageUrl(request, page, pageUrl), urls));
        } else if (!push && isUntracked(request, settings.untrackedPagePatterns())) {
            out.add(TrackingCommand.disablePageViewTracking());
        }
        if (mode == Mode.PAGE) {
            // A full page supersedes AJAX views the bootstrap never asked for (JavaScript off or failed).
            forgetPendingViews(request);
        } else if (ajax) {
            // This fragment carries its own addPageView: the endpoint must not push it again.
            unqueueAjaxView(request, page.queuedAjaxView());
        }

        final Order confirmed = page.confirmedOrder();
        Order cart = currentCart();
        Customer customer = customer(page);
        CartFingerprint fingerprint = cart == null ? null : CartFingerprint.of(cart);
        String email = OrderMapper.email(customer, cart);
        if (email == null && confirmed != null && confirmed.getEmailAddress() != null
                && !confirmed.getEmailAddress().trim().isEmpty()) {
            email = confirmed.getEmailAddress().trim();
        }
        String customerKey = email == null ? null : email.toLowerCase(Locale.ROOT);

        CartChanges changes = CartChanges.none();
        boolean customerNews = false;
        boolean cartMoved = true;
        if (cartStateKnown(request)) {
            String[] told = new String[1];
            boolean[] unchanged = new boolean[1];
            changes = advanceSnapshot(request, response, settings, cart, fingerprint, customerKey, confirmed, told, unchanged);
            customerNews = customerKey != null && !customerKey.equals(told[0]);
            cartMoved = !unchanged[0];
        } else {
            // Broadleaf's cart filter did not run (e.g. an error page for a static resource): nothing
            // about the cart is known, so the snapshot stays as it is for the next real page.
            cart = null;
            email = null;
        }

        boolean shopperData = !changes.isEmpty();
        CommandCache.Calls cartBlock = null;
        CommandCache.Calls lastView = null;
        if (changes.clearCart()) {
            out.add(TrackingCommand.clearCartData());
        }
        if (changes.startNewOrder()) {
            out.add(TrackingCommand.startNewOrder());
        }
        for (String productId : changes.removedProductIds()) {
            out.add(TrackingCommand.removeCartItem(productId));
        }
        if (customerNews) {
            shopperData = true;
            out.add(TrackingCommand.setCustomerEmail(email));
            Customer known = customer != null && customer.isLoggedIn() ? customer : null;
            out.add(TrackingCommand.setCustomerData(mapper.customerData(known, locale(request))));
        }
        if (cart != null && (fingerprint.totalQuantity() > 0 || !changes.removedProductIds().isEmpty())
                && (!push || cartMoved)) {
            shopperData = true;
            CommandCache.Calls calls = cartCalls(cart, fingerprint, baseUrl, urls, settings);
            out.addAll(calls.commands());
            cartBlock = calls;
        }
        for (Product product : page.products()) {
            CommandCache.Calls view = productView(product, baseUrl, urls);
            out.addAll(view.commands());
            lastView = view;
        }
        if (confirmed != null && isSubmittedOrder(confirmed)) {
            boolean first;
            try {
                first = conversionMarker.claim(confirmed);
            } catch (RuntimeException e) {
                TrackingFailures.report("conversion marker", e);
                first = false;
            }
            if (first) {
                shopperData = true;
                out.add(TrackingCommand.sendConversion(mapper.conversion(confirmed, settings, baseUrl)));
            }
        }
        if (shopperData) {
            markPrivate(page, response);
        }
        // A page carrying only one cached block (an unchanged cart, or one product view) reuses its script.
        if (cartBlock != null && out.size() == cartBlock.commands().size()) {
            page.setOnlyCalls(cartBlock);
        } else if (lastView != null && out.size() == lastView.commands().size()) {
            page.setOnlyCalls(lastView);
        }
        return out;
    }

    /** Marks the response private once (the interceptor usually did before the view rendered). */
    private static void markPrivate(RejoinerPageData page, HttpServletResponse response) {
        if (!page.markedPrivate() && CacheHeaders.markPrivate(response)) {
            page.setMarkedPrivate();
        }
    }

    /**
     * {@code setCartData} + {@code setCartItem}s, reused while the cart's fingerprint and what else
     * the calls are built from (base URL, locale, the restore link's lifetime and key) stay the same.
     */
    private CommandCache.Calls cartCalls(Order cart, CartFingerprint fingerprint, String baseUrl, UrlResolver urls,
                                         RejoinerSettings settings) {
        // The key's hash only: no secret is kept in the cache.
        String restoreKey = settings.restoreLinkKey();
        List<Object> state = Arrays.<Object>asList(fingerprint, baseUrl, OrderMapper.localeCode(),
                settings.restoreLinkDays(), restoreKey == null ? 0 : restoreKey.hashCode());
        CommandCache.Calls cached = cartCalls.get(cart.getId(), state);
        if (cached != null) {
            return cached;
        }
        return cartCalls.put(cart.getId(), state,
                TrackingCommand.cart(mapper.cartData(cart, baseUrl), mapper.cartItems(cart, urls)));
    }

    /** {@code trackProductView}, reused per product, locale and base URL while the price stays the same. */
    private CommandCache.Calls productView(Product product, String baseUrl, UrlResolver urls) {
        List<Object> key = Arrays.<Object>asList(product.getId(), OrderMapper.localeCode(), baseUrl);
        BigDecimal price = OrderMapper.viewPrice(product);
        Object state = price == null ? "" : price.stripTrailingZeros();
        CommandCache.Calls cached = product.getId() == null ? null : productViews.get(key, state);
        if (cached != null) {
            return cached;
        }
        List<TrackingCommand> view = Collections.singletonList(
                TrackingCommand.trackProductView(mapper.productView(product, urls)));
        return product.getId() == null ? new CommandCache.Calls(view) : productViews.put(key, state, view);
    }

    /**
     * Compares the session's snapshot with the current cart and replaces it (under the session
     * mutex, so two concurrent responses never both report the same change).
     *
     * @param told receives the e-mail key the browser was told before this response
     */
    private CartChanges advanceSnapshot(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings,
                                        Order cart, CartFingerprint fingerprint, String customerKey, final Order confirmed,
                                        String[] told, boolean[] unchanged) {
        HttpSession session = request.getSession(true);
        synchronized (WebUtils.getSessionMutex(session)) {
            Object o = session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE);
            CartSnapshot previous = o instanceof CartSnapshot ? (CartSnapshot) o : null;
            told[0] = previous == null ? null : previous.customerKey();
            if (previous != null && previous.describes(fingerprint) && (customerKey == null || customerKey.equals(told[0]))) {
                unchanged[0] = true;
                return CartChanges.none(); // the usual page: same cart as last time, nothing to compare
            }
            unchanged[0] = previous != null && previous.describes(fingerprint);
            if (previous == null) {
                // A new session (after a logout, or an expired one): the browser may still be tied to a cart.
                Long remembered = lastCart.read(request, settings);
                if (remembered != null) {
                    previous = new CartSnapshot(null, null, null, null, remembered);
                }
            }
            Long cartId = cart == null ? null : cart.getId();
            Map<String, Integer> quantities = mapper.itemQuantities(cart);
            CartChanges changes = CartChanges.between(previous, cartId, quantities, new CartChanges.SubmittedCheck() {
                @Override
                public boolean wasSubmitted(Long orderId) {
                    return isSubmitted(orderId, confirmed);
                }
            });
            Long parked = cartId == null && previous != null && previous.cartId() == null ? previous.parkedCartId() : null;
            CartSnapshot next = new CartSnapshot(cartId, quantities, customerKey != null ? customerKey : told[0], fingerprint,
                    parked);
            if (!next.equals(previous) || o == null) {
                // Written only on change: replicated or persisted sessions are not dirtied by every page.
                session.setAttribute(CartSnapshot.SESSION_ATTRIBUTE, next);
            }
            syncLastCart(request, response, settings, cartId != null ? cartId : parked);
            return changes;
        }
    }

    private static String pageUrl(HttpServletRequest request, RejoinerPageData page, String explicit) {
        if (explicit != null && !explicit.trim().isEmpty()) {
            return orRoot(OrderMapper.contextRelative(explicit));
        }
        if (!page.products().isEmpty() && page.products().get(0).getUrl() != null) {
            return orRoot(OrderMapper.contextRelative(page.products().get(0).getUrl()));
        }
        StringBuilder url = new StringBuilder(orRoot(OrderMapper.contextRelative(PATHS.getPathWithinApplication(request))));
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return url.toString();
    }

    /** "" (the application's root) as a relative URL that still resolves to the base URL. */
    private static String orRoot(String relative) {
        return relative.isEmpty() ? "./" : relative;
    }

    /**
     * Whether Broadleaf's cart state filter ran for this request: it always stores the cart (a
     * NullOrder when there is none) in the request attribute that {@link CartState} reads.
     */
    static boolean cartStateKnown(HttpServletRequest request) {
        return request.getAttribute(CartStateRequestProcessor.getCartRequestAttributeName()) != null;
    }

    /** The current cart, or null when the shopper has none (Broadleaf's NullOrder has no id). */
    protected Order currentCart() {
        Order cart = CartState.getCart();
        return cart == null || cart.getId() == null ? null : cart;
    }

    /** The current customer, looked up once per response (Broadleaf finds it through a bean lookup). */
    private Customer customer(RejoinerPageData page) {
        if (!page.customerLookedUp()) {
            page.setCustomer(currentCustomer());
        }
        return page.customer();
    }

    /** The current customer (anonymous or registered), or null outside a storefront request. */
    protected Customer currentCustomer() {
        return CustomerState.getCustomer();
    }

    /** The shopper's locale: Broadleaf's for the request, else the request's. */
    protected Locale locale(HttpServletRequest request) {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        try {
            Locale locale = context == null ? null : context.getJavaLocale();
            if (locale != null) {
                return locale;
            }
        } catch (RuntimeException noBroadleafLocale) {
            // fall through to the request's locale
        }
        return request.getLocale();
    }

    private boolean isSubmitted(Long orderId, Order confirmed) {
        if (confirmed != null && orderId.equals(confirmed.getId())) {
            return true;
        }
        try {
            Order order = orderService.findOrderById(orderId);
            return order != null && isSubmittedOrder(order);
        } catch (RuntimeException e) {
            TrackingFailures.report("previous cart lookup", e);
            return true; // unknown: better no clearCartData than stopping a converted order's campaigns
        }
    }

    /** Submitted, or in a state after submission: not a cart, wishlist, quote or cancelled order. */
    static boolean isSubmittedOrder(Order order) {
        OrderStatus status = order.getStatus();
        if (status == null) {
            return false;
        }
        String type = status.getType();
        return !(OrderStatus.IN_PROCESS.getType().equals(type) || OrderStatus.NAMED.getType().equals(type)
                || OrderStatus.QUOTE.getType().equals(type) || OrderStatus.CANCELLED.getType().equals(type)
                || OrderStatus.CSR_OWNED.getType().equals(type));
    }

    private boolean isUntracked(HttpServletRequest request, List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return false;
        }
        PathVerdicts verdicts = untrackedPaths.get();
        if (verdicts == null || !(verdicts.patterns == patterns || verdicts.patterns.equals(patterns))) {
            verdicts = new PathVerdicts(patterns);
            untrackedPaths.set(verdicts);
        }
        // Keyed by the raw URI: the same URI always gives the same decoded path, so the same answer.
        String uri = request.getRequestURI();
        Boolean known = uri == null ? null : verdicts.answers.get(uri);
        if (known != null) {
            return known;
        }
        boolean untracked = matchesAny(PATHS.getPathWithinApplication(request), patterns);
        if (uri != null) {
            if (verdicts.answers.size() >= PathVerdicts.MAX_PATHS) {
                verdicts.answers.clear();
            }
            verdicts.answers.put(uri, untracked);
        }
        return untracked;
    }

    private boolean matchesAny(String path, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern != null && pathMatcher.match(pattern.trim(), path)) {
                return true;
            }
        }
        return false;
    }

    /** The untracked-path answers for one list of patterns (matching Ant patterns costs microseconds per page). */
    private static final class PathVerdicts {
        static final int MAX_PATHS = 2000;
        final List<String> patterns;
        final ConcurrentMap<String, Boolean> answers = new ConcurrentHashMap<String, Boolean>();

        PathVerdicts(List<String> patterns) {
            this.patterns = patterns;
        }
    }

    /** Without a consent cookie setting, always; else the cookie must be present, non-empty, not "0"/"false". */
    static boolean hasConsent(HttpServletRequest request, String cookieName) {
        if (cookieName == null || cookieName.trim().isEmpty()) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (cookieName.trim().equals(c.getName())) {
                String v = c.getValue() == null ? "" : c.getValue().trim();
                if (!v.isEmpty() && !"0".equals(v) && !"false".equalsIgnoreCase(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void unqueueAjaxView(HttpServletRequest request, String json) {
        HttpSession session = json == null ? null : request.getSession(false);
        if (session == null) {
            return;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Object o = session.getAttribute(PENDING_VIEWS);
            if (o instanceof List && ((List<?>) o).contains(json)) {
                ArrayList<Object> rest = new ArrayList<Object>((List<?>) o);
                rest.remove(json);
                if (rest.isEmpty()) {
                    session.removeAttribute(PENDING_VIEWS);
                } else {
                    session.setAttribute(PENDING_VIEWS, rest);
                }
            }
        }
    }

    private static void forgetPendingViews(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING_VIEWS) != null) {
            session.removeAttribute(PENDING_VIEWS);
        }
    }

    private static void forgetSnapshot(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE) != null) {
            session.removeAttribute(CartSnapshot.SESSION_ATTRIBUTE);
        }
    }

    /** A resolver for the base URL, reused while the base URL stays the same (it nearly always does). */
    private UrlResolver resolver(String baseUrl) {
        ResolverHolder holder = resolver.get();
        String key = baseUrl == null ? "" : baseUrl;
        if (holder != null && holder.baseUrl.equals(key)) {
            return holder.urls;
        }
        UrlResolver urls = OrderMapper.urls(baseUrl);
        resolver.set(new ResolverHolder(key, urls));
        return urls;
    }

    private static final class ResolverHolder {
        final String baseUrl;
        final UrlResolver urls;

        ResolverHolder(String baseUrl, UrlResolver urls) {
            this.baseUrl = baseUrl;
            this.urls = urls;
        }
    }

    /** The renderer for the current settings without AJAX bootstrap, or null when tracking is off. */
    TrackingScript renderer(RejoinerSettings settings) {
        return renderer(settings, null);
    }

    /**
     * The renderer for the current settings and AJAX endpoint (null: no bootstrap), cached while
     * they do not change, or null when tracking is off.
     */
    TrackingScript renderer(RejoinerSettings settings, String ajaxEndpoint) {
        if (!settings.isTrackingActive()) {
            return null;
        }
        ScriptHolder holder = script.get();
        if (holder != null && holder.settings == settings && Objects.equals(holder.ajaxEndpoint, ajaxEndpoint)) {
            return holder.script; // the same settings snapshot: nothing to compare
        }
        String key = settings.siteId() + '\n' + settings.domain() + '\n' + settings.jsUrl() + '\n' + ajaxEndpoint;
        if (holder != null && holder.key.equals(key)) {
            script.set(new ScriptHolder(settings, ajaxEndpoint, key, holder.script));
            return holder.script;
        }
        TrackingScript built;
        try {
            built = TrackingScript.builder().siteId(settings.siteId()).domain(settings.domain())
                    .apiGeneration(settings.apiGeneration()).libraryUrl(settings.jsUrl()).ajaxEndpoint(ajaxEndpoint).build();
        } catch (IllegalArgumentException e) {
            TrackingFailures.report("tracking settings", e);
            built = null;
        }
        script.set(new ScriptHolder(settings, ajaxEndpoint, key, built));
        return built;
    }

    private static final class ScriptHolder {
        final RejoinerSettings settings;
        final String ajaxEndpoint;
        final String key;
        final TrackingScript script;

        ScriptHolder(RejoinerSettings settings, String ajaxEndpoint, String key, TrackingScript script) {
            this.settings = settings;
            this.ajaxEndpoint = ajaxEndpoint;
            this.key = key;
            this.script = script;
        }
    }
}
