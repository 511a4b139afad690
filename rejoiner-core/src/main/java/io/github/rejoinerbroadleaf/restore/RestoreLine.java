package io.github.rejoinerbroadleaf.restore;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cart line of a restore link: catalog ids, a quantity and the product options chosen.
 * Nothing else: no prices, names, customer or order data.
 */
public final class RestoreLine {

    /** Most options one line may carry. */
    public static final int MAX_OPTIONS = 10;
    /** Longest option name or value, in UTF-8 bytes. */
    public static final int MAX_OPTION_BYTES = 255;

    private final Long productId;
    private final Long skuId;
    private final int quantity;
    private final Map<String, String> options;

    private RestoreLine(Long productId, Long skuId, int quantity, Map<String, String> options) {
        this.productId = productId;
        this.skuId = skuId;
        this.quantity = quantity;
        this.options = options;
    }

    /**
     * A line. The quantity is clamped to 1..{@link RestoreToken#MAX_QUANTITY}.
     *
     * @throws IllegalArgumentException when both ids are missing, an id is negative, or the options
     *                                  exceed {@link #MAX_OPTIONS} / {@link #MAX_OPTION_BYTES}
     */
    public static RestoreLine of(Long productId, Long skuId, int quantity, Map<String, String> options) {
        if (productId == null && skuId == null) {
            throw new IllegalArgumentException("a line needs a product id or a SKU id");
        }
        if ((productId != null && productId < 0) || (skuId != null && skuId < 0)) {
            throw new IllegalArgumentException("ids are not negative");
        }
        TreeMap<String, String> sorted = new TreeMap<String, String>();
        if (options != null) {
            for (Map.Entry<String, String> e : options.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                checkLength(e.getKey());
                checkLength(e.getValue());
                sorted.put(e.getKey(), e.getValue());
            }
        }
        if (sorted.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("more than " + MAX_OPTIONS + " options");
        }
        return new RestoreLine(productId, skuId, clamp(quantity), Collections.unmodifiableMap(sorted));
    }

    public static RestoreLine of(Long productId, Long skuId, int quantity) {
        return of(productId, skuId, quantity, null);
    }

    private static void checkLength(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_OPTION_BYTES) {
            throw new IllegalArgumentException("option longer than " + MAX_OPTION_BYTES + " bytes");
        }
    }

    static int clamp(int quantity) {
        return Math.max(1, Math.min(RestoreToken.MAX_QUANTITY, quantity));
    }

    /** Product id, or null for a line known only by its SKU. */
    public Long productId() {
        return productId;
    }

    /** SKU id, or null to let the product's options (or its default SKU) decide. */
    public Long skuId() {
        return skuId;
    }

    /** 1..{@link RestoreToken#MAX_QUANTITY}. */
    public int quantity() {
        return quantity;
    }

    /** Product option attribute name to value, sorted by name; never null. */
    public Map<String, String> options() {
        return options;
    }

    /** Same product, SKU and options (quantity aside). */
    public boolean sameItemAs(RestoreLine other) {
        return eq(productId, other.productId) && eq(skuId, other.skuId) && options.equals(other.options);
    }

    RestoreLine withQuantity(int newQuantity) {
        return new RestoreLine(productId, skuId, clamp(newQuantity), options);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RestoreLine)) {
            return false;
        }
        RestoreLine other = (RestoreLine) o;
        return sameItemAs(other) && quantity == other.quantity;
    }

    @Override
    public int hashCode() {
        int h = productId == null ? 0 : productId.hashCode();
        h = 31 * h + (skuId == null ? 0 : skuId.hashCode());
        h = 31 * h + quantity;
        return 31 * h + options.hashCode();
    }

    @Override
    public String toString() {
        return "RestoreLine{product=" + productId + ", sku=" + skuId + ", qty=" + quantity + ", options=" + options + "}";
    }
}
