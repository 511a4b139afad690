package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a cart's {@code setCartData}/{@code setCartItem} calls are built from, cheap to read on
 * every page: the cart's lines (id and quantity), its sub total and order-level adjustments (any
 * price change of a line moves the sub total), and the context the calls depend on (base URL,
 * locale, restore-link lifetime and key). Equal fingerprints give equal calls, except for catalog
 * edits (a renamed product), which {@link CommandCache}'s time limit covers.
 *
 * <p>Holds the restore-link key only to compare it; {@link #toString()} never shows it.
 */
final class CartFingerprint {

    private final Long cartId;
    /** Line id and quantity, alternating, in cart order. */
    private final long[] lines;
    private final BigDecimal subTotal;
    private final BigDecimal adjustments;
    private final String baseUrl;
    private final String locale;
    private final int restoreLinkDays;
    private final String restoreLinkKey;

    private CartFingerprint(Long cartId, long[] lines, BigDecimal subTotal, BigDecimal adjustments, String baseUrl,
                            String locale, int restoreLinkDays, String restoreLinkKey) {
        this.cartId = cartId;
        this.lines = lines;
        this.subTotal = subTotal;
        this.adjustments = adjustments;
        this.baseUrl = baseUrl;
        this.locale = locale;
        this.restoreLinkDays = restoreLinkDays;
        this.restoreLinkKey = restoreLinkKey;
    }

    static CartFingerprint of(Order cart, String baseUrl, String locale, RejoinerSettings settings) {
        List<DiscreteOrderItem> items = cart.getDiscreteOrderItems();
        int n = items == null ? 0 : items.size();
        long[] lines = new long[2 * n];
        for (int i = 0; i < n; i++) {
            DiscreteOrderItem line = items.get(i);
            lines[2 * i] = line == null || line.getId() == null ? -1 : line.getId();
            lines[2 * i + 1] = line == null ? 0 : line.getQuantity();
        }
        return new CartFingerprint(cart.getId(), lines, amount(cart.getSubTotal()), amount(cart.getOrderAdjustmentsValue()),
                baseUrl, locale, settings.restoreLinkDays(), settings.restoreLinkKey());
    }

    private static BigDecimal amount(Money money) {
        // stripTrailingZeros: 12.5 and 12.50 are the same amount
        return money == null || money.getAmount() == null ? null : money.getAmount().stripTrailingZeros();
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
        return Objects.equals(cartId, other.cartId) && Arrays.equals(lines, other.lines)
                && Objects.equals(subTotal, other.subTotal) && Objects.equals(adjustments, other.adjustments)
                && Objects.equals(baseUrl, other.baseUrl) && Objects.equals(locale, other.locale)
                && restoreLinkDays == other.restoreLinkDays && Objects.equals(restoreLinkKey, other.restoreLinkKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cartId, Arrays.hashCode(lines), subTotal, baseUrl);
    }

    @Override
    public String toString() {
        return "CartFingerprint{cartId=" + cartId + ", lines=" + lines.length / 2 + ", subTotal=" + subTotal + "}";
    }
}
