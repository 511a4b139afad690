package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.order.domain.Order;

/**
 * Makes the confirmation page's {@code sendConversion} happen at most once per order, whatever
 * node renders it and however often: reloads, later visits and other tabs find the order marked.
 */
public interface PageConversionMarker {

    /**
     * Marks the order as converted by the storefront script.
     *
     * @return true for exactly one caller per order (that one renders {@code sendConversion}),
     *         false when the order was already marked
     * @throws RuntimeException when the mark cannot be written; the caller then sends nothing
     */
    boolean claim(Order order);
}
