package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.ReturnUrls;
import org.broadleafcommerce.core.order.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReturnUrls} backed by cart restore links (bean {@code blRejoinerReturnUrls}): the
 * {@code return_url} of {@code setCartData} and of conversions is a signed link that rebuilds the
 * cart (or the converted order's lines) in whatever browser opens it. When no link can be made (an
 * empty cart, no key available) the fallback's plain page links are used.
 */
public class CartRestoreReturnUrls implements ReturnUrls {

    private static final Logger LOG = LoggerFactory.getLogger(CartRestoreReturnUrls.class);

    private final CartRestoreService restoreService;
    private final ReturnUrls fallback;

    public CartRestoreReturnUrls(CartRestoreService restoreService) {
        this(restoreService, new DefaultReturnUrls());
    }

    public CartRestoreReturnUrls(CartRestoreService restoreService, ReturnUrls fallback) {
        this.restoreService = restoreService;
        this.fallback = fallback;
    }

    @Override
    public String cartReturnUrl(Order cart, String storeBaseUrl) {
        String url = link(cart, storeBaseUrl);
        return url != null ? url : fallback.cartReturnUrl(cart, storeBaseUrl);
    }

    @Override
    public String orderReturnUrl(Order order, String storeBaseUrl) {
        String url = link(order, storeBaseUrl);
        return url != null ? url : fallback.orderReturnUrl(order, storeBaseUrl);
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
