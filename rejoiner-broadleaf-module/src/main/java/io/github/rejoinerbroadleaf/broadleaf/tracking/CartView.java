package io.github.rejoinerbroadleaf.broadleaf.tracking;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The shopper's cart as {@link TrackingPlanner} sees it: a plain value built by the façade from
 * Broadleaf's cart. Its {@link CartFingerprint} is read on every page; the item quantities (for
 * {@code removeCartItem}) and the {@code setCartData} + {@code setCartItem} calls (mapped, or taken
 * from the cache) are only built when the planner asks for them, which an unchanged cart never does.
 */
final class CartView {

    private final CartFingerprint fingerprint;
    private final Supplier<Map<String, Integer>> quantities;
    private final Supplier<CommandCache.Calls> calls;

    /**
     * @param quantities item id to quantity, in cart order ({@code itemIdentity} decides the id)
     * @param calls the cart's {@code setCartData} and {@code setCartItem}s
     */
    CartView(CartFingerprint fingerprint, Supplier<Map<String, Integer>> quantities, Supplier<CommandCache.Calls> calls) {
        this.fingerprint = fingerprint;
        this.quantities = quantities;
        this.calls = calls;
    }

    /** The cart's order id. */
    Long id() {
        return fingerprint.cartId();
    }

    CartFingerprint fingerprint() {
        return fingerprint;
    }

    Map<String, Integer> quantities() {
        return quantities.get();
    }

    CommandCache.Calls calls() {
        return calls.get();
    }
}
