package io.github.rejoinerbroadleaf.broadleaf.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The one-off cart events between what the browser was last told ({@link CartSnapshot}) and the
 * current cart:
 * <ul>
 * <li>same cart, a product gone: {@code removeCartItem} for it (then {@code setCartData} again);</li>
 * <li>a different cart than before and the previous one was not submitted (emptied, cancelled,
 * replaced at login): {@code clearCartData};</li>
 * <li>a new cart (non-null id different from the previous): {@code startNewOrder};</li>
 * <li>previous order submitted (checkout) and no new cart: nothing (the confirmation page converts);</li>
 * <li>no snapshot yet (first tracked page of the session, or consent just given): nothing, the current
 * cart is sent as it is;</li>
 * <li>no cart shown, but a parked one ({@link CartSnapshot#parkedCartId()}: a logged-out customer's
 * cart, a cart of an expired session): nothing while no cart or the same cart is shown; a different
 * cart clears the parked one first (unless it was submitted), then starts the new order.</li>
 * </ul>
 * Pure function, no Broadleaf types: unit-tested on its own.
 */
public final class CartChanges {

    /** Answers whether a previous cart became a submitted order (may hit the database; called rarely). */
    public interface SubmittedCheck {
        boolean wasSubmitted(Long orderId);
    }

    private static final CartChanges NONE = new CartChanges(false, false, Collections.<String>emptyList());

    private final boolean clearCart;
    private final boolean startNewOrder;
    private final List<String> removedProductIds;

    private CartChanges(boolean clearCart, boolean startNewOrder, List<String> removedProductIds) {
        this.clearCart = clearCart;
        this.startNewOrder = startNewOrder;
        this.removedProductIds = removedProductIds;
    }

    public static CartChanges between(CartSnapshot previous, Long cartId, Map<String, Integer> products,
                                      SubmittedCheck submitted) {
        if (previous == null) {
            return NONE;
        }
        Long before = previous.cartId();
        Long parked = previous.parkedCartId();
        if (before == null && parked != null) {
            if (cartId == null || parked.equals(cartId)) {
                return NONE; // still no cart (a logout keeps the customer's cart), or that cart is back
            }
            boolean clear = submitted == null || !submitted.wasSubmitted(parked);
            return new CartChanges(clear, true, Collections.<String>emptyList());
        }
        if (before == null ? cartId == null : before.equals(cartId)) {
            if (cartId == null) {
                return NONE;
            }
            List<String> removed = new ArrayList<String>();
            for (String productId : previous.quantities().keySet()) {
                if (products == null || !products.containsKey(productId)) {
                    removed.add(productId);
                }
            }
            return removed.isEmpty() ? NONE : new CartChanges(false, false, Collections.unmodifiableList(removed));
        }
        boolean clear = before != null && (submitted == null || !submitted.wasSubmitted(before));
        boolean start = cartId != null;
        return new CartChanges(clear, start, Collections.<String>emptyList());
    }

    /** No change. */
    public static CartChanges none() {
        return NONE;
    }

    public boolean clearCart() {
        return clearCart;
    }

    public boolean startNewOrder() {
        return startNewOrder;
    }

    public List<String> removedProductIds() {
        return removedProductIds;
    }

    public boolean isEmpty() {
        return !clearCart && !startNewOrder && removedProductIds.isEmpty();
    }
}
