package io.github.rejoinerbroadleaf.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * One cart line as Rejoiner's {@code setCartItem} (and {@code cart_items} of conversions) expects it.
 * Immutable. Built with {@link #builder(UrlResolver)}; the builder drops invalid values with one
 * warning each and never throws. An item without product id is kept as an object (so callers need
 * no null checks) but {@link #hasProductId()} is false and every command or request skips it.
 */
public final class CartItem {

    /** Keys Rejoiner defines for cart items; custom fields may not reuse them. */
    static final Set<String> STANDARD_KEYS = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            "product_id", "name", "category", "price", "item_qty", "qty_price", "product_url", "image_url",
            "description")));

    private final String productId;
    private final String name;
    private final List<String> categories;
    private final Long priceCents;
    private final Integer quantity;
    private final Long qtyPriceCents;
    private final String productUrl;
    private final String imageUrl;
    private final String description;
    private final Map<String, String> customFields;

    private CartItem(Builder b, String productId, Long qtyPriceCents) {
        this.productId = productId;
        this.name = b.name;
        this.categories = Collections.unmodifiableList(new ArrayList<String>(b.categories));
        this.priceCents = b.priceCents;
        this.quantity = b.quantity;
        this.qtyPriceCents = qtyPriceCents;
        this.productUrl = b.productUrl;
        this.imageUrl = b.imageUrl;
        this.description = b.description;
        this.customFields = Collections.unmodifiableMap(new LinkedHashMap<String, String>(b.customFields));
    }

    /** A builder that drops relative URLs (no store base URL known). */
    public static Builder builder() {
        return new Builder(UrlResolver.none());
    }

    /** A builder that resolves relative URLs with {@code urls}. */
    public static Builder builder(UrlResolver urls) {
        return new Builder(urls == null ? UrlResolver.none() : urls);
    }

    public boolean hasProductId() {
        return productId != null;
    }

    /** Adds the items that can be sent (those with a product id) to a conversion's list. */
    static void addSendable(List<CartItem> to, Collection<CartItem> items) {
        if (items != null) {
            for (CartItem item : items) {
                if (item != null && item.hasProductId()) {
                    to.add(item);
                }
            }
        }
    }

    /** The product id, or null when it was missing (the item is then never sent). */
    public String productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public List<String> categories() {
        return categories;
    }

    /** Unit price in cents, or null. */
    public Long priceCents() {
        return priceCents;
    }

    /** Quantity, or null. */
    public Integer quantity() {
        return quantity;
    }

    /** {@code price * item_qty} in cents, or null when either is unknown. */
    public Long qtyPriceCents() {
        return qtyPriceCents;
    }

    public String productUrl() {
        return productUrl;
    }

    public String imageUrl() {
        return imageUrl;
    }

    public String description() {
        return description;
    }

    /** Custom fields in insertion order, values as strings (Rejoiner stores them as strings). */
    public Map<String, String> customFields() {
        return customFields;
    }

    /** The JSON object in Rejoiner's key names, in the guide's key order. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("product_id", productId);
        if (name != null) {
            o.put("name", name);
        }
        JsonTrees.putCategories(o, categories);
        if (priceCents != null) {
            o.put("price", priceCents.longValue());
        }
        if (quantity != null) {
            o.put("item_qty", quantity.intValue());
        }
        if (qtyPriceCents != null) {
            o.put("qty_price", qtyPriceCents.longValue());
        }
        if (productUrl != null) {
            o.put("product_url", productUrl);
        }
        if (imageUrl != null) {
            o.put("image_url", imageUrl);
        }
        if (description != null) {
            o.put("description", description);
        }
        for (Map.Entry<String, String> e : customFields.entrySet()) {
            o.put(e.getKey(), e.getValue());
        }
        return o;
    }

    @Override
    public String toString() {
        return "CartItem" + toJson();
    }

    /** Collects values; invalid ones are dropped at the setter with one warning. Not thread-safe. */
    public static final class Builder {
        private final UrlResolver urls;
        private String productId;
        private String name;
        private final List<String> categories = new ArrayList<String>();
        private Long priceCents;
        private Integer quantity;
        private String productUrl;
        private String imageUrl;
        private String description;
        private final Map<String, String> customFields = new LinkedHashMap<String, String>();

        private Builder(UrlResolver urls) {
            this.urls = urls;
        }

        /** Required. Kept as given (no trimming); blank drops the item at {@link #build()}. */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        public Builder name(String name) {
            this.name = Text.cleanOrNull(name);
            return this;
        }

        public Builder description(String description) {
            this.description = Text.cleanOrNull(description);
            return this;
        }

        /** Adds one category; blank ones are ignored. */
        public Builder category(String category) {
            JsonTrees.addCategory(categories, category);
            return this;
        }

        /** Adds categories in order; blank ones are ignored. */
        public Builder categories(Collection<String> categories) {
            if (categories != null) {
                for (String c : categories) {
                    category(c);
                }
            }
            return this;
        }

        /** Unit price in currency units, converted with {@link Cents#of}; negative prices are dropped. */
        public Builder unitPrice(BigDecimal unitPrice) {
            this.priceCents = Validation.cents("cart item price", unitPrice);
            return this;
        }

        /** Unit price already in cents; negative prices are dropped. */
        public Builder unitPriceCents(long cents) {
            this.priceCents = Validation.cents("cart item price", cents);
            return this;
        }

        /** Quantity; negative values are dropped. */
        public Builder quantity(int quantity) {
            this.quantity = Validation.count("cart item quantity", quantity);
            return this;
        }

        /** Quantity from a decimal: non-whole (1.5) or negative values are dropped; 2.0 is 2. */
        public Builder quantity(BigDecimal quantity) {
            this.quantity = Validation.count("cart item quantity", quantity);
            return this;
        }

        /** Absolute, or relative to the store base URL of the resolver. */
        public Builder productUrl(String url) {
            this.productUrl = urls.resolve("cart item product_url", url);
            return this;
        }

        public Builder imageUrl(String url) {
            this.imageUrl = urls.resolve("cart item image_url", url);
            return this;
        }

        /**
         * An extra key in the item object, which Rejoiner stores as a custom field (as a string).
         * Blank keys, keys of standard fields and null values are dropped.
         */
        public Builder customField(String key, String value) {
            if (Text.isBlank(key) || STANDARD_KEYS.contains(key)) {
                Validation.warn("cart item custom field key", "is blank or a standard key", key);
            } else if (value == null) {
                Validation.warn("cart item custom field " + Text.forLog(key), "is null", null);
            } else {
                customFields.put(Text.clean(key), Text.clean(value));
            }
            return this;
        }

        /** Numeric custom field, sent as its plain decimal string (BigDecimal without exponent). */
        public Builder customField(String key, Number value) {
            String s = value == null ? null
                    : value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : value.toString();
            return customField(key, s);
        }

        /** Never throws; an item without product id logs one warning and is skipped wherever it is used. */
        public CartItem build() {
            String id = Validation.requiredId("cart item product_id", productId);
            Long qtyPrice = null;
            if (priceCents != null && quantity != null) {
                try {
                    qtyPrice = Validation.cents("cart item qty_price", Cents.times(priceCents, quantity));
                } catch (ArithmeticException overflow) {
                    Validation.warn("cart item qty_price", "is too large", priceCents + " x " + quantity);
                }
            }
            return new CartItem(this, id, qtyPrice);
        }
    }
}
