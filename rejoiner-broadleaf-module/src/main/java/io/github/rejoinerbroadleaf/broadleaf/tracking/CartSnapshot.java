package io.github.rejoinerbroadleaf.broadleaf.tracking;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the shopper's browser was last told about the cart and the customer: the cart (order) id,
 * the product ids with their quantities, and the e-mail address last sent. Kept in the HTTP
 * session (small, immutable, serializable for replicated sessions) and compared with the current
 * cart when a page renders, which turns cart changes into Rejoiner's one-off calls
 * ({@code removeCartItem}, {@code startNewOrder}, {@code clearCartData}) without depending on which
 * controller or AJAX call changed the cart. It also keeps the cart's {@link CartFingerprint}: while
 * that is unchanged, a page needs no comparison of products at all.
 */
public final class CartSnapshot implements Serializable {

    private static final long serialVersionUID = 1L; // the fingerprint was added compatibly: older snapshots read it as null

    /** Session attribute holding the snapshot. */
    public static final String SESSION_ATTRIBUTE = CartSnapshot.class.getName();

    private final Long cartId;
    private final LinkedHashMap<String, Integer> quantities;
    private final String customerKey;
    private final CartFingerprint fingerprint;
    /** The cart Rejoiner's order still refers to while the shopper shows no cart (see {@link #parkedCartId()}). */
    private final Long parkedCartId;

    CartSnapshot(Long cartId, Map<String, Integer> quantities, String customerKey) {
        this(cartId, quantities, customerKey, null);
    }

    /** @param fingerprint the cart's fingerprint when it was taken, null without cart (or unknown) */
    CartSnapshot(Long cartId, Map<String, Integer> quantities, String customerKey, CartFingerprint fingerprint) {
        this(cartId, quantities, customerKey, fingerprint, null);
    }

    /**
     * @param parkedCartId with no cart now ({@code cartId} null): the cart this browser's Rejoiner
     *     order still refers to, e.g. a logged-out customer's cart, known from the module's cookie
     *     in a new session; null otherwise
     */
    public CartSnapshot(Long cartId, Map<String, Integer> quantities, String customerKey, CartFingerprint fingerprint,
                        Long parkedCartId) {
        this.parkedCartId = cartId == null ? parkedCartId : null;
        this.cartId = cartId;
        this.quantities = quantities == null ? new LinkedHashMap<String, Integer>()
                : new LinkedHashMap<String, Integer>(quantities);
        this.customerKey = customerKey;
        this.fingerprint = fingerprint;
    }

    /**
     * Whether the browser was told about exactly this cart: the same fingerprint, or no cart now
     * and none before. Then nothing about the cart changed since.
     */
    public boolean describes(CartFingerprint current) {
        if (current == null) {
            return cartId == null && quantities.isEmpty() && parkedCartId == null;
        }
        return current.equals(fingerprint);
    }

    /** The cart's order id, or null when the shopper had no cart. */
    public Long cartId() {
        return cartId;
    }

    /**
     * While the shopper shows no cart: the cart Rejoiner last saw for this browser and was not told
     * to forget (a logged-out customer's cart, a cart of an expired session). The next different
     * cart clears it first ({@link CartChanges}); null when there is none.
     */
    public Long parkedCartId() {
        return parkedCartId;
    }

    /** Product id to quantity, in cart order. */
    public Map<String, Integer> quantities() {
        return Collections.unmodifiableMap(quantities);
    }

    /** The e-mail address (lower case) last sent with {@code setCustomerEmail}, or null. */
    public String customerKey() {
        return customerKey;
    }

    /** Same cart, same products and quantities (in the same order), same customer. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CartSnapshot)) {
            return false;
        }
        CartSnapshot other = (CartSnapshot) o;
        return (cartId == null ? other.cartId == null : cartId.equals(other.cartId))
                && (parkedCartId == null ? other.parkedCartId == null : parkedCartId.equals(other.parkedCartId))
                && sameInOrder(quantities, other.quantities)
                && (customerKey == null ? other.customerKey == null : customerKey.equals(other.customerKey))
                && (fingerprint == null ? other.fingerprint == null : fingerprint.equals(other.fingerprint));
    }

    /** Same entries in the same order (compared on every page, so without copying). */
    private static boolean sameInOrder(Map<String, Integer> a, Map<String, Integer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, Integer>> other = b.entrySet().iterator();
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            if (!e.equals(other.next())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return (cartId == null ? 0 : cartId.hashCode()) * 31 + quantities.hashCode();
    }

    @Override
    public String toString() {
        return "CartSnapshot{cartId=" + cartId + ", products=" + quantities.keySet() + "}";
    }
}
