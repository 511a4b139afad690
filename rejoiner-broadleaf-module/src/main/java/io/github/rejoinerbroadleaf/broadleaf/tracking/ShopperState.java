package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;

import javax.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What Broadleaf knows about the shopper of the current request. {@link StorefrontTracker} reads it
 * from Broadleaf's request state ({@code CartState}, {@code CustomerState},
 * {@code BroadleafRequestContext}); tests give the tracker their own.
 */
interface ShopperState {

    /** Whether Broadleaf's cart state filter ran for this request (else the cart is unknown, not absent). */
    boolean cartKnown(HttpServletRequest request);

    /** The current cart, or null when the shopper has none. */
    Order cart();

    /** The current customer (anonymous or registered), or null outside a storefront request. */
    Customer customer();

    /** The shopper's locale. */
    Locale locale(HttpServletRequest request);

    /** Whether the request is an admin request (never tracked). */
    boolean isAdmin();
}
