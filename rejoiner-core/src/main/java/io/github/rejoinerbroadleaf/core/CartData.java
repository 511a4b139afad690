package io.github.rejoinerbroadleaf.core;

import java.math.BigDecimal;
import java.util.Collection;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * Cart-level data of {@code setCartData} and of {@code cart_data} in conversions. Immutable;
 * the builder drops invalid values with one warning each and never throws.
 */
public final class CartData {

    private final Long cartValueCents;
    private final Integer cartItemCount;
    private final String customerOrderNumber;
    private final String promo;
    private final String returnUrl;

    private CartData(Builder b) {
        this.cartValueCents = b.cartValueCents;
        this.cartItemCount = b.cartItemCount;
        this.customerOrderNumber = b.customerOrderNumber;
        this.promo = b.promo;
        this.returnUrl = b.returnUrl;
    }

    public static Builder builder() {
        return new Builder(UrlResolver.none());
    }

    /** A builder that resolves a relative return URL with {@code urls}. */
    public static Builder builder(UrlResolver urls) {
        return new Builder(urls == null ? UrlResolver.none() : urls);
    }

    /**
     * Rejoiner's {@code cart_item_count}: the total quantity of all items, not the number of
     * lines. Items without product id are not sent and not counted; an item without quantity
     * counts as one unit (a cart line holds at least one).
     */
    public static int totalQuantity(Collection<CartItem> items) {
        long total = 0;
        if (items != null) {
            for (CartItem item : items) {
                if (item != null && item.hasProductId()) {
                    total += item.quantity() == null ? 1 : item.quantity();
                }
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    public Long cartValueCents() {
        return cartValueCents;
    }

    public Integer cartItemCount() {
        return cartItemCount;
    }

    public String customerOrderNumber() {
        return customerOrderNumber;
    }

    public String promo() {
        return promo;
    }

    public String returnUrl() {
        return returnUrl;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (cartValueCents != null) {
            o.put("cart_value", cartValueCents.longValue());
        }
        if (cartItemCount != null) {
            o.put("cart_item_count", cartItemCount.intValue());
        }
        if (customerOrderNumber != null) {
            o.put("customer_order_number", customerOrderNumber);
        }
        if (promo != null) {
            o.put("promo", promo);
        }
        if (returnUrl != null) {
            o.put("return_url", returnUrl);
        }
        return o;
    }

    @Override
    public String toString() {
        return "CartData" + toJson();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final UrlResolver urls;
        private Long cartValueCents;
        private Integer cartItemCount;
        private String customerOrderNumber;
        private String promo;
        private String returnUrl;

        private Builder(UrlResolver urls) {
            this.urls = urls;
        }

        /** Total cart value in currency units, converted with {@link Cents#of}; negative values are dropped. */
        public Builder cartValue(BigDecimal value) {
            this.cartValueCents = Validation.cents("cart_value", value);
            return this;
        }

        public Builder cartValueCents(long cents) {
            this.cartValueCents = Validation.cents("cart_value", cents);
            return this;
        }

        /** Total quantity of items (see {@link #cartItemCountFrom}); negative values are dropped. */
        public Builder cartItemCount(int count) {
            this.cartItemCount = Validation.count("cart_item_count", count);
            return this;
        }

        /** Sets {@code cart_item_count} to {@link CartData#totalQuantity(Collection)} of the items. */
        public Builder cartItemCountFrom(Collection<CartItem> items) {
            this.cartItemCount = totalQuantity(items);
            return this;
        }

        /** The store's external order id. */
        public Builder customerOrderNumber(String orderNumber) {
            this.customerOrderNumber = Text.cleanOrNull(orderNumber);
            return this;
        }

        public Builder promo(String promo) {
            this.promo = Text.cleanOrNull(promo);
            return this;
        }

        /** Link that regenerates the cart (or, after conversion, an order page). */
        public Builder returnUrl(String url) {
            this.returnUrl = urls.resolve("return_url", url);
            return this;
        }

        public CartData build() {
            return new CartData(this);
        }
    }
}
