package io.github.rejoinerbroadleaf.broadleaf.mapping;

import org.broadleafcommerce.core.order.domain.Order;

/**
 * The links Rejoiner puts into its e-mails as {@code return_url}: where a shopper who abandoned a
 * cart comes back to, and which page a converted order points at. A seam: the module's default
 * ({@link DefaultReturnUrls}, bean {@code blRejoinerReturnUrls}) links to the cart and order history
 * pages; a store replaces the bean (e.g. with signed cart-restore links) by defining its own
 * {@code blRejoinerReturnUrls} in a patch file listed after the module's.
 *
 * <p>Implementations are called on the storefront's hot path (every page with a cart) and must be
 * thread-safe, fast and free of side effects on the order.
 */
public interface ReturnUrls {

    /**
     * The link that brings the shopper back to this cart.
     *
     * @param cart the current cart (never null, has an id)
     * @param storeBaseUrl absolute store base URL without trailing slash (scheme, host, port, context
     *        path), or null when unknown; a relative result is then dropped by the mapper
     * @return an absolute http(s) URL, or null for none
     */
    String cartReturnUrl(Order cart, String storeBaseUrl);

    /**
     * The link sent with a conversion: a page about the order (summary, history, invoice).
     *
     * @param order a submitted order
     * @param storeBaseUrl as for {@link #cartReturnUrl}
     * @return an absolute http(s) URL, or null for none
     */
    String orderReturnUrl(Order order, String storeBaseUrl);
}
