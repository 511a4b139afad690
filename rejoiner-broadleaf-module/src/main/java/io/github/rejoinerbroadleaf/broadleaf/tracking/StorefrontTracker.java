package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.broadleaf.mapping.CustomerFacts;
import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.core.web.order.security.CartStateRequestProcessor;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The Broadleaf-facing façade of storefront tracking (bean {@code blRejoinerStorefrontTracker}): the
 * hooks record facts into the request's {@link RejoinerPageData}; when a response renders, the
 * façade gathers the inputs (Broadleaf's cart and customer through {@link ShopperState}, the session's
 * snapshot, the settings), lets {@link TrackingPlanner} decide the calls and has
 * {@link TrackingScript} render them. A singleton without shopper state. The pieces it uses:
 * {@link ConsentGate}, {@link UntrackedPages}, {@link SessionSnapshot}, {@link PendingAjaxViews},
 * {@link AjaxRequests}, {@link SubmittedOrders} (with {@link PageConversionMarker}), {@link CallCaches},
 * {@link RendererCache}, {@link CacheHeaders}.
 *
 * <p>Public methods never throw: failures are reported to {@link TrackingFailures} and render nothing.
 *
 * <p>Longer than the project's ~300 lines on purpose: its public methods are the storefront's entry
 * points (template hook, automatic placement, interceptor, confirmation handler, AJAX endpoint) and
 * share one gathering of the planner's inputs ({@code commands}); kept together, a cart change reads
 * in five files (hook, this class, {@link TrackingPlanner}, {@link CartChanges}, {@link TrackingScript}).
 * Each other responsibility lives in its own piece (listed above).
 */
public class StorefrontTracker {

    /** Default time an unchanged cart's or product's calls are reused: the product facts' cache time. */
    public static final long DEFAULT_CACHE_MILLIS = 60000;
    /** Default number of carts whose calls are kept (a 20-line cart's calls take some 10 KB). */
    public static final int DEFAULT_CART_CACHE_ENTRIES = 2000;

    private final RejoinerSettingsService settingsService;
    private final OrderMapper mapper;
    private final SubmittedOrders orders;
    private final ShopperState shopper;
    private final CallCaches calls;
    private final RendererCache renderers = new RendererCache();
    private final UntrackedPages untrackedPages = new UntrackedPages();
    private final SessionSnapshot snapshots = new SessionSnapshot();
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
        this(settingsService, mapper, orderService, conversionMarker, cacheMillis, cartCacheEntries,
                new BroadleafShopperState(), new MonotonicClock());
    }

    /** With the shopper's state from {@code shopper} and cache ages measured by {@code clock}. */
    StorefrontTracker(RejoinerSettingsService settingsService, OrderMapper mapper, OrderService orderService,
                      PageConversionMarker conversionMarker, long cacheMillis, int cartCacheEntries,
                      ShopperState shopper, Clock clock) {
        this.settingsService = settingsService;
        this.mapper = mapper;
        this.orders = new SubmittedOrders(orderService, conversionMarker);
        this.shopper = shopper;
        this.calls = new CallCaches(mapper, cacheMillis, cartCacheEntries, clock);
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
    String ajaxEndpointPath() {
        return ajaxPath;
    }

    /** The endpoint's absolute path for this request (context path + endpoint), or null. */
    private String ajaxEndpoint(HttpServletRequest request) {
        String path = ajaxPath;
        if (path == null) {
            return null;
        }
        String context = request.getContextPath();
        // At the root context the same string every time: the renderer cache then compares by identity.
        return context == null || context.isEmpty() ? path : context + path;
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
     * The interceptor's entry, after the controller and before its view renders: records the
     * product the view shows ({@code null}: none), reads once what kind of request this is (kept
     * for the automatic placement), records an XHR view ({@link #ajaxViewShown}) and prepares the
     * response ({@link #beforeRender}). With tracking off or without consent it reads nothing more.
     */
    public void viewChosen(HttpServletRequest request, HttpServletResponse response, Product product) {
        try {
            if (request == null) {
                return;
            }
            RejoinerSettings settings = settingsService.current();
            if (!settings.isTrackingActive() || !ConsentGate.hasConsent(request, settings.consentCookie())) {
                return;
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            page.addProduct(product);
            int kind = AjaxRequests.kind(request);
            page.setRequestKind(kind);
            if ((kind & AjaxRequests.XHR_OR_FETCH) != 0) {
                // An HTML fragment or quick view: its page view reaches Rejoiner through the AJAX endpoint.
                ajaxViewShown(request, page, settings);
            }
            beforeRender(request, response, page, settings);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("viewChosen", e);
        }
    }

    /**
     * Called before the view renders: marks the response {@code private, no-store} when its
     * Rejoiner script may carry shopper data (a cart, a known customer, a conversion). Cheap: no
     * database access.
     */
    public void beforeRender(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request == null) {
                return;
            }
            RejoinerSettings settings = settingsService.current();
            if (settings.isTrackingActive() && ConsentGate.hasConsent(request, settings.consentCookie())) {
                beforeRender(request, response, RejoinerPageData.of(request), settings);
            }
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("beforeRender", e);
        }
    }

    private void beforeRender(HttpServletRequest request, HttpServletResponse response, RejoinerPageData page,
                              RejoinerSettings settings) {
        if (response == null) {
            return;
        }
        Order cart = cart(request, page);
        if (mayCarryShopperData(request, page, cart)) {
            markPrivate(page, response); // leaves a committed response alone
        }
        // The page's script may render after the response is committed: remember its cart now.
        if (cart != null) {
            snapshots.syncLastCart(request, response, settings, cart.getId());
        }
    }

    private boolean mayCarryShopperData(HttpServletRequest request, RejoinerPageData page, Order cart) {
        if (page.confirmedOrder() != null || cart != null) {
            return true;
        }
        Customer customer = customer(page);
        return customer != null && customer.isLoggedIn() || SessionSnapshot.toldOfCart(request);
    }

    /**
     * Called (by the interceptor) for an XHR or {@code fetch} request that renders an HTML view (a
     * cart fragment, a quick view): keeps its {@code addPageView} (and the {@code trackProductView}
     * of a product shown) in the session for the bootstrap's next ask. The URL is the product's,
     * else the request's for a GET, else the page the request came from (same origin only).
     */
    public void ajaxViewShown(HttpServletRequest request) {
        try {
            if (request == null) {
                return;
            }
            RejoinerSettings settings = settingsService.current();
            if (settings.isTrackingActive() && ConsentGate.hasConsent(request, settings.consentCookie())) {
                ajaxViewShown(request, RejoinerPageData.of(request), settings);
            }
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxViewShown", e);
        }
    }

    private void ajaxViewShown(HttpServletRequest request, RejoinerPageData page, RejoinerSettings settings) {
        if (ajaxPath == null) {
            return;
        }
        try {
            String baseUrl = baseUrl(request, settings);
            UrlResolver urls = calls.resolver(baseUrl);
            List<TrackingCommand> view = new ArrayList<TrackingCommand>();
            String explicit = page.products().isEmpty() && !"GET".equalsIgnoreCase(request.getMethod())
                    ? AjaxRequests.sameOriginReferer(request, baseUrl) : null;
            view.add(TrackingCommand.addPageView(AjaxRequests.pageUrl(request, page.products(), explicit), urls));
            for (Product product : page.products()) {
                view.addAll(calls.productView(product, baseUrl, urls).commands());
            }
            String json = TrackingScript.commandsJson(view);
            PendingAjaxViews.add(request, json);
            page.setQueuedAjaxView(json);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxViewShown", e);
        }
    }

    // ------------------------------------------------------------------ rendering

    /**
     * The inline script for a full page (base snippet + this response's calls), or "" when nothing
     * is to be rendered (tracking off, no site id, no consent, or a failure). Idempotent within a
     * request: a second call returns the same script.
     */
    public String trackingScript(HttpServletRequest request, HttpServletResponse response, String cspNonce) {
        try {
            return request == null ? "" : trackingScript(request, response, cspNonce, RejoinerPageData.of(request),
                    settingsService.current());
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("trackingScript", e);
            return "";
        }
    }

    /**
     * {@link #trackingScript} with the request's page data and the settings its caller already has;
     * its public callers catch what fails.
     */
    private String trackingScript(HttpServletRequest request, HttpServletResponse response, String cspNonce,
                                  RejoinerPageData page, RejoinerSettings settings) {
        if (page.renderedScript() != null) {
            return page.renderedScript();
        }
        TrackingScript renderer = renderers.renderer(settings, ajaxEndpoint(request));
        List<TrackingCommand> commands = renderer == null ? null
                : commands(request, response, settings, page, TrackingPlanner.Mode.PAGE, null);
        CommandCache.Calls only = page.onlyCalls();
        String script = commands == null ? ""
                : only != null ? only.scriptAlone(renderer, cspNonce) : renderer.render(commands, cspNonce);
        page.setRenderedScript(script);
        return script;
    }

    /**
     * The script for one place in a page: the first place asking in a response (the template hook
     * or the automatic placement at the end of {@code <body>}) gets {@link #trackingScript}, every
     * later one "", so a page never carries the script twice.
     */
    public String placeScript(HttpServletRequest request, HttpServletResponse response, String cspNonce) {
        try {
            return request == null ? "" : placeScript(request, response, cspNonce, RejoinerPageData.of(request),
                    settingsService.current());
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("placeScript", e);
            return "";
        }
    }

    /** {@link #placeScript} with the request's page data and settings; its public callers catch what fails. */
    private String placeScript(HttpServletRequest request, HttpServletResponse response, String cspNonce,
                               RejoinerPageData page, RejoinerSettings settings) {
        if (page.scriptPlaced()) {
            return "";
        }
        String script = trackingScript(request, response, cspNonce, page, settings);
        if (!script.isEmpty()) {
            page.markScriptPlaced();
        }
        return script;
    }

    /**
     * The script the automatic placement puts at the end of a full page's {@code <body>}: as
     * {@link #placeScript} unless the setting {@code automaticPlacement} is off, the request is an
     * admin request or an XHR, or the page already has the script from the template hook.
     */
    public String automaticScript(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request == null) {
                return "";
            }
            RejoinerSettings settings = settingsService.current();
            if (!settings.isTrackingActive() || !settings.automaticPlacement() || shopper.isAdmin()) {
                return "";
            }
            RejoinerPageData page = RejoinerPageData.of(request);
            int kind = page.requestKind() < 0 ? AjaxRequests.kind(request) : page.requestKind();
            return (kind & AjaxRequests.AJAX) != 0 ? "" : placeScript(request, response, null, page, settings);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("automaticScript", e);
            return "";
        }
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
            List<TrackingCommand> commands = renderers.renderer(settings, ajaxEndpoint(request)) == null ? null
                    : commands(request, response, settings, page, TrackingPlanner.Mode.AJAX, pageUrl);
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
            List<TrackingCommand> commands = renderers.renderer(settings, ajaxEndpoint(request)) == null ? null
                    : commands(request, response, settings, RejoinerPageData.of(request), TrackingPlanner.Mode.PUSH, null);
            if (commands == null) {
                return "[]";
            }
            return PendingAjaxViews.takeWith(session, commands.isEmpty() ? null : TrackingScript.commandsJson(commands));
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajaxPush", e);
            return "[]";
        }
    }

    // ------------------------------------------------------------------ gathering the planner's inputs

    /**
     * This response's calls (without the base snippet), or null when nothing may be rendered.
     * Moves the session's {@link CartSnapshot} on: one-off calls appear in one response only.
     */
    private List<TrackingCommand> commands(HttpServletRequest request, HttpServletResponse response,
                                           final RejoinerSettings settings, RejoinerPageData page,
                                           TrackingPlanner.Mode mode, String pageUrl) {
        if (!settings.isTrackingActive()) {
            return null;
        }
        if (!ConsentGate.hasConsent(request, settings.consentCookie())) {
            SessionSnapshot.forget(request);
            return null;
        }
        // Without the cart filter (e.g. an error page for a static resource) the cart is unknown, not absent.
        final Order cart = cart(request, page);
        boolean cartKnown = page.cartKnown();
        if (mode == TrackingPlanner.Mode.PUSH && !cartKnown || page.computed()) {
            // No cart filter behind the endpoint; or script and AJAX list in one response: the first got the changes.
            return Collections.<TrackingCommand>emptyList();
        }
        page.markComputed();
        // One look-up for the pending views and the snapshot; created only where the snapshot needs it.
        HttpSession session = request.getSession(cartKnown);
        if (mode == TrackingPlanner.Mode.PAGE) {
            // A full page supersedes AJAX views the bootstrap never asked for (JavaScript off or failed).
            PendingAjaxViews.forget(session);
        } else if (mode == TrackingPlanner.Mode.AJAX) {
            // This fragment carries its own addPageView: the endpoint must not push it again.
            PendingAjaxViews.unqueue(request, page.queuedAjaxView());
        }
        final Customer customer = customer(page);
        final Order confirmed = page.confirmedOrder();
        List<Product> products = page.products();
        // Only calls with URLs need the base URL (four request reads and a concatenation per page).
        boolean needsUrls = cart != null || confirmed != null || !products.isEmpty() || mode == TrackingPlanner.Mode.AJAX;
        final String baseUrl = needsUrls ? baseUrl(request, settings) : null;
        final UrlResolver urls = needsUrls ? calls.resolver(baseUrl) : null;
        TrackingPlanner.Inputs in = new TrackingPlanner.Inputs().mode(mode).cartKnown(cartKnown);
        if (mode == TrackingPlanner.Mode.AJAX) {
            in.pageUrl(AjaxRequests.pageUrl(request, products, pageUrl), urls);
        } else if (mode == TrackingPlanner.Mode.PAGE) {
            in.untracked(untrackedPages.isUntracked(request, settings.untrackedPagePatterns()));
        }
        if (cart != null) {
            final CartFingerprint fingerprint = CartFingerprint.of(cart);
            in.cart(new CartView(fingerprint, () -> mapper.itemQuantities(cart),
                    () -> calls.cartCalls(cart, fingerprint, baseUrl, urls, settings)));
        }
        in.email(email(customer, cart, confirmed), () -> TrackingCommand.setCustomerData(
                mapper.customerData(customer != null && customer.isLoggedIn() ? customer : null, shopper.locale(request))));
        if (!products.isEmpty()) {
            List<CommandCache.Calls> views = new ArrayList<CommandCache.Calls>(products.size());
            for (Product product : products) {
                views.add(calls.productView(product, baseUrl, urls));
            }
            in.productViews(views);
        }
        if (confirmed != null) {
            in.confirmed(new TrackingPlanner.Confirmation(SubmittedOrders.isSubmitted(confirmed),
                    () -> orders.claimConversion(confirmed),
                    () -> TrackingCommand.sendConversion(mapper.conversion(confirmed, settings, baseUrl))));
        }
        TrackingPlanner.Comparison compared = !cartKnown ? TrackingPlanner.Comparison.UNKNOWN
                : snapshots.advance(session, request, response, settings, in, orderId -> orders.wasSubmitted(orderId, confirmed));
        TrackingPlanner.Plan plan = TrackingPlanner.plan(in, compared);
        if (plan.shopperData) {
            markPrivate(page, response);
        }
        if (plan.onlyCalls != null) {
            page.setOnlyCalls(plan.onlyCalls);
        }
        return plan.commands;
    }

    private static String baseUrl(HttpServletRequest request, RejoinerSettings settings) {
        return settings.storeBaseUrl() != null ? settings.storeBaseUrl() : StoreContext.baseUrl(request);
    }

    /** The shopper's e-mail: the customer's or the cart's, else the confirmed order's. */
    private static String email(Customer customer, Order cart, Order confirmed) {
        String email = CustomerFacts.email(customer, cart);
        if (email == null && confirmed != null && confirmed.getEmailAddress() != null
                && !confirmed.getEmailAddress().trim().isEmpty()) {
            email = confirmed.getEmailAddress().trim();
        }
        return email;
    }

    /** Marks the response private once (the interceptor usually did before the view rendered). */
    private static void markPrivate(RejoinerPageData page, HttpServletResponse response) {
        if (!page.markedPrivate() && CacheHeaders.markPrivate(response)) {
            page.setMarkedPrivate();
        }
    }

    /**
     * The shopper's cart (null: none, or unknown when Broadleaf's cart filter did not run for this
     * request: see {@link RejoinerPageData#cartKnown}), looked up once per response.
     */
    private Order cart(HttpServletRequest request, RejoinerPageData page) {
        if (!page.cartLookedUp()) {
            boolean known = shopper.cartKnown(request);
            page.setCart(known, known ? shopper.cart() : null);
        }
        return page.cart();
    }

    /** The current customer, looked up once per response (Broadleaf finds it through a bean lookup). */
    private Customer customer(RejoinerPageData page) {
        if (!page.customerLookedUp()) {
            page.setCustomer(shopper.customer());
        }
        return page.customer();
    }

    /** Broadleaf's request state: the only place the tracking path reads Broadleaf's statics. */
    static final class BroadleafShopperState implements ShopperState {

        /** Broadleaf's cart state filter always stores the cart (a NullOrder when there is none) in this attribute. */
        @Override
        public boolean cartKnown(HttpServletRequest request) {
            return request.getAttribute(CartStateRequestProcessor.getCartRequestAttributeName()) != null;
        }

        /** Broadleaf's NullOrder has no id: no cart. */
        @Override
        public Order cart() {
            Order cart = CartState.getCart();
            return cart == null || cart.getId() == null ? null : cart;
        }

        @Override
        public Customer customer() {
            return CustomerState.getCustomer();
        }

        /** Broadleaf's for the request, else the request's. */
        @Override
        public Locale locale(HttpServletRequest request) {
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

        @Override
        public boolean isAdmin() {
            BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
            return context != null && Boolean.TRUE.equals(context.getAdmin());
        }
    }
}
