package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;

/**
 * Orders as far as tracking cares: whether a cart the browser was told about became an order (then
 * it is not cleared), and the confirmation page's once-only {@code sendConversion}
 * ({@link PageConversionMarker}). Failures never break the page: they are reported and answered
 * the safe way (no {@code clearCartData}, no {@code sendConversion}; the REST conversion still converts).
 */
final class SubmittedOrders {

    private final OrderService orderService;
    private final PageConversionMarker conversionMarker;

    SubmittedOrders(OrderService orderService, PageConversionMarker conversionMarker) {
        this.orderService = orderService;
        this.conversionMarker = conversionMarker;
    }

    /** Whether the order {@code orderId} was submitted; {@code confirmed} (may be null) is known to be. */
    boolean wasSubmitted(Long orderId, Order confirmed) {
        if (confirmed != null && orderId.equals(confirmed.getId())) {
            return true;
        }
        try {
            Order order = orderService.findOrderById(orderId);
            return order != null && isSubmitted(order);
        } catch (RuntimeException e) {
            TrackingFailures.report("previous cart lookup", e);
            return true; // unknown: better no clearCartData than stopping a converted order's campaigns
        }
    }

    /** True for exactly one confirmation page of {@code order}; false when already claimed or on failure. */
    boolean claimConversion(Order order) {
        try {
            return conversionMarker.claim(order);
        } catch (RuntimeException e) {
            TrackingFailures.report("conversion marker", e);
            return false;
        }
    }

    /** Submitted, or in a state after submission: not a cart, wishlist, quote or cancelled order. */
    static boolean isSubmitted(Order order) {
        OrderStatus status = order.getStatus();
        if (status == null) {
            return false;
        }
        String type = status.getType();
        return !(OrderStatus.IN_PROCESS.getType().equals(type) || OrderStatus.NAMED.getType().equals(type)
                || OrderStatus.QUOTE.getType().equals(type) || OrderStatus.CANCELLED.getType().equals(type)
                || OrderStatus.CSR_OWNED.getType().equals(type));
    }
}
