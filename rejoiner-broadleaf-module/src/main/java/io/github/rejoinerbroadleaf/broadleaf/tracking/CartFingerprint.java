package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A cart's state as far as its Rejoiner calls depend on it, cheap to read on every page: the cart
 * id, its lines (line id and quantity, in cart order) and the order total that Broadleaf's pricing
 * keeps up to date (any change of a line's price, of an order discount, and so of
 * {@code cart_value}, moves it; one amount to read instead of the sub total and the adjustments).
 * Equal fingerprints mean the same products and quantities (a line never changes its product) and
 * the same values, so the page can skip both the change detection and the mapping; catalog edits
 * (a renamed product) are covered by the time limit of {@link CommandCache}.
 *
 * <p>Immutable and serializable: the session's {@link CartSnapshot} keeps the last one. Holds
 * nothing about the shopper but the cart's shape.
 */
public final class CartFingerprint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Long cartId;
    /** Line id and quantity, alternating, in cart order. */
    private final long[] lines;
    private final long totalQuantity;
    private final BigDecimal total;

    private CartFingerprint(Long cartId, long[] lines, long totalQuantity, BigDecimal total) {
        this.cartId = cartId;
        this.lines = lines;
        this.totalQuantity = totalQuantity;
        this.total = total;
    }

    /** The fingerprint of a cart (an order with an id). */
    public static CartFingerprint of(Order cart) {
        List<DiscreteOrderItem> items = cart.getDiscreteOrderItems();
        int n = items == null ? 0 : items.size();
        long[] lines = new long[2 * n];
        for (int i = 0; i < n; i++) {
            DiscreteOrderItem line = items.get(i);
            lines[2 * i] = line == null || line.getId() == null ? -1 : line.getId();
            lines[2 * i + 1] = line == null ? 0 : line.getQuantity();
        }
        Money total = cart.getTotal();
        return of(cart.getId(), total == null ? null : total.getAmount(), lines);
    }

    /**
     * The fingerprint of a cart given as plain values.
     *
     * @param lines line id and quantity, alternating, in cart order (kept, not copied)
     */
    static CartFingerprint of(Long cartId, BigDecimal total, long... lines) {
        long quantity = 0;
        for (int i = 1; i < lines.length; i += 2) {
            quantity += Math.max(0, lines[i]);
        }
        // stripTrailingZeros: 12.5 and 12.50 are the same amount
        return new CartFingerprint(cartId, lines, quantity, total == null ? null : total.stripTrailingZeros());
    }

    public Long cartId() {
        return cartId;
    }

    /** The total quantity of the cart's lines: 0 for an empty cart. */
    public long totalQuantity() {
        return totalQuantity;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CartFingerprint)) {
            return false;
        }
        CartFingerprint other = (CartFingerprint) o;
        return (cartId == null ? other.cartId == null : cartId.equals(other.cartId)) && Arrays.equals(lines, other.lines)
                && (total == null ? other.total == null : total.equals(other.total));
    }

    @Override
    public int hashCode() {
        return (cartId == null ? 0 : cartId.hashCode()) * 31 + Arrays.hashCode(lines);
    }

    @Override
    public String toString() {
        return "CartFingerprint{cartId=" + cartId + ", lines=" + lines.length / 2 + ", total=" + total + "}";
    }
}
