package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Rejoiner facts of one storefront response, collected by the module's hooks before the view
 * renders: the product shown (product page or quick view, from the model attribute {@code product})
 * and the order confirmed (from the order confirmation extension handler). Lives in a request
 * attribute, so it is never shared between shoppers; the template hook turns it into commands.
 */
public final class RejoinerPageData {

    /** Request attribute holding the page data. */
    public static final String REQUEST_ATTRIBUTE = RejoinerPageData.class.getName();

    private final List<Product> products = new ArrayList<Product>(1);
    private Order confirmedOrder;
    private String renderedScript;
    private String renderedAjax;
    private boolean computed;
    private boolean scriptPlaced;
    private boolean markedPrivate;
    private CommandCache.Calls onlyCalls;
    private boolean customerLookedUp;
    private Customer customer;
    private String queuedAjaxView;
    private int requestKind = -1;
    private boolean cartLookedUp;
    private boolean cartKnown;
    private Order cart;

    /** The request's page data, or null when no hook has recorded anything. */
    public static RejoinerPageData find(HttpServletRequest request) {
        Object o = request == null ? null : request.getAttribute(REQUEST_ATTRIBUTE);
        return o instanceof RejoinerPageData ? (RejoinerPageData) o : null;
    }

    /** The request's page data, created on first use. */
    public static RejoinerPageData of(HttpServletRequest request) {
        RejoinerPageData data = find(request);
        if (data == null) {
            data = new RejoinerPageData();
            request.setAttribute(REQUEST_ATTRIBUTE, data);
        }
        return data;
    }

    /** Records a product impression (each product once). */
    public void addProduct(Product product) {
        if (product == null) {
            return;
        }
        for (Product p : products) {
            if (p == product || (p.getId() != null && p.getId().equals(product.getId()))) {
                return;
            }
        }
        products.add(product);
    }

    public List<Product> products() {
        return Collections.unmodifiableList(products);
    }

    public void setConfirmedOrder(Order order) {
        this.confirmedOrder = order;
    }

    /** The order of the confirmation page being rendered, or null. */
    public Order confirmedOrder() {
        return confirmedOrder;
    }

    String renderedScript() {
        return renderedScript;
    }

    void setRenderedScript(String script) {
        this.renderedScript = script;
    }

    String renderedAjax() {
        return renderedAjax;
    }

    void setRenderedAjax(String json) {
        this.renderedAjax = json;
    }

    /** Whether a script element was already put into this response (hook or automatic placement). */
    boolean scriptPlaced() {
        return scriptPlaced;
    }

    void markScriptPlaced() {
        this.scriptPlaced = true;
    }

    /** Whether this response's commands were already computed (the cart snapshot then moved on). */
    boolean computed() {
        return computed;
    }

    void markComputed() {
        this.computed = true;
    }

    /** Whether this response was already marked {@code private, no-store}. */
    boolean markedPrivate() {
        return markedPrivate;
    }

    void setMarkedPrivate() {
        this.markedPrivate = true;
    }

    /** The AJAX view this request queued for the endpoint (see {@link StorefrontTracker#ajaxViewShown}), or null. */
    String queuedAjaxView() {
        return queuedAjaxView;
    }

    void setQueuedAjaxView(String json) {
        this.queuedAjaxView = json;
    }

    boolean customerLookedUp() {
        return customerLookedUp;
    }

    /** The response's customer as looked up by the tracker (null: none). */
    Customer customer() {
        return customer;
    }

    void setCustomer(Customer customer) {
        this.customer = customer;
        this.customerLookedUp = true;
    }

    /** The cached calls when they are all this page carries (its script can then be reused), else null. */
    CommandCache.Calls onlyCalls() {
        return onlyCalls;
    }

    void setOnlyCalls(CommandCache.Calls calls) {
        this.onlyCalls = calls;
    }

    boolean cartLookedUp() {
        return cartLookedUp;
    }

    /** Whether Broadleaf's cart filter ran for this request (without it the cart is unknown, not absent). */
    boolean cartKnown() {
        return cartKnown;
    }

    /** The shopper's cart as the tracker looked it up (null: none or unknown). */
    Order cart() {
        return cart;
    }

    void setCart(boolean known, Order cart) {
        this.cartKnown = known;
        this.cart = cart;
        this.cartLookedUp = true;
    }

    /** The request's {@link AjaxRequests#kind} as the interceptor read it, or -1 when not read yet. */
    int requestKind() {
        return requestKind;
    }

    void setRequestKind(int kind) {
        this.requestKind = kind;
    }
}
