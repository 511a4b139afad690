package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.ReturnUrls;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReturnUrls} of the module (bean {@code blRejoinerReturnUrls}). A cart's {@code return_url}
 * ({@code setCartData}) is a signed cart restore link that rebuilds it in whatever browser opens it.
 * A converted order's links to the order, never to a cart refill: a registered customer's to their
 * order-detail page ({@link #setOrderDetailPath(String)}, default {@code /account/orders/{orderNumber}}),
 * a guest's to a signed, expiring, read-only order summary ({@link OrderSummaryLinks}). When no link
 * can be made the fallback's plain page links are used.
 */
public class CartRestoreReturnUrls implements ReturnUrls {

    private static final Logger LOG = LoggerFactory.getLogger(CartRestoreReturnUrls.class);

    private final CartRestoreService restoreService;
    private final ReturnUrls fallback;
    private final OrderSummaryLinks orderSummaryLinks;
    private volatile String orderDetailPath = "/account/orders/{orderNumber}";

    public CartRestoreReturnUrls(CartRestoreService restoreService) {
        this(restoreService, new DefaultReturnUrls());
    }

    public CartRestoreReturnUrls(CartRestoreService restoreService, ReturnUrls fallback) {
        this(restoreService, fallback, null);
    }

    /** @param orderSummaryLinks guests' order links; null sends the fallback's order page instead */
    public CartRestoreReturnUrls(CartRestoreService restoreService, ReturnUrls fallback, OrderSummaryLinks orderSummaryLinks) {
        this.restoreService = restoreService;
        this.fallback = fallback;
        this.orderSummaryLinks = orderSummaryLinks;
    }

    /** Context-relative order-detail page of a registered customer; {@code {orderNumber}} is replaced. */
    public void setOrderDetailPath(String orderDetailPath) {
        this.orderDetailPath = orderDetailPath;
    }

    @Override
    public String cartReturnUrl(Order cart, String storeBaseUrl) {
        String url = link(cart, storeBaseUrl);
        return url != null ? url : fallback.cartReturnUrl(cart, storeBaseUrl);
    }

    @Override
    public String orderReturnUrl(Order order, String storeBaseUrl) {
        String url = null;
        try {
            Customer customer = order == null ? null : order.getCustomer();
            if (customer != null && customer.isRegistered() && order.getOrderNumber() != null) {
                url = DefaultReturnUrls.join(storeBaseUrl, orderDetailPath.replace("{orderNumber}", encode(order.getOrderNumber())));
            } else if (orderSummaryLinks != null) {
                url = orderSummaryLinks.link(order, storeBaseUrl);
            }
        } catch (RuntimeException e) {
            LOG.warn("No order link for order {}: {}", order == null ? null : order.getId(), e.toString());
        }
        return url != null ? url : fallback.orderReturnUrl(order, storeBaseUrl);
    }

    private static String encode(String s) {
        try {
            return java.net.URLEncoder.encode(s, "UTF-8").replace("+", "%20");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String link(Order order, String storeBaseUrl) {
        try {
            return restoreService.restoreUrl(order, storeBaseUrl);
        } catch (RuntimeException e) {
            // never let a link break the page or the checkout that asks for it
            LOG.warn("No cart restore link for order {}: {}", order == null ? null : order.getId(), e.toString());
            return null;
        }
    }
}
