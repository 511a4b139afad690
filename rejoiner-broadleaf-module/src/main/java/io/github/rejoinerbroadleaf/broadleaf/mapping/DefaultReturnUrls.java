package io.github.rejoinerbroadleaf.broadleaf.mapping;

import org.broadleafcommerce.core.order.domain.Order;

/**
 * Default {@link ReturnUrls}: the store's cart page ({@code /cart}) for carts and its order history
 * page ({@code /account/orders}) for orders, both absolute under the store base URL. The paths are
 * properties so that a store with other URLs can change them in XML without code.
 */
public class DefaultReturnUrls implements ReturnUrls {

    private volatile String cartPath = "/cart";
    private volatile String orderPath = "/account/orders";

    @Override
    public String cartReturnUrl(Order cart, String storeBaseUrl) {
        return join(storeBaseUrl, cartPath);
    }

    @Override
    public String orderReturnUrl(Order order, String storeBaseUrl) {
        return join(storeBaseUrl, orderPath);
    }

    public static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        if (base == null || base.isEmpty()) {
            return path;
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return path.startsWith("/") ? b + path : b + "/" + path;
    }

    public String getCartPath() {
        return cartPath;
    }

    /** Context-relative path of the cart page, default {@code /cart}. */
    public void setCartPath(String cartPath) {
        this.cartPath = cartPath;
    }

    public String getOrderPath() {
        return orderPath;
    }

    /** Context-relative path of the page a converted order links to, default {@code /account/orders}. */
    public void setOrderPath(String orderPath) {
        this.orderPath = orderPath;
    }
}
