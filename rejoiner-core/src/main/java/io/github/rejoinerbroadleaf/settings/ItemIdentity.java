package io.github.rejoinerbroadleaf.settings;

/**
 * What one Rejoiner item ({@code product_id}) stands for; see docs/tracking.md for the trade-off.
 */
public enum ItemIdentity {
    /** One item per product: lines of one product with different options are summed up (default). */
    PRODUCT,
    /** One item per SKU: {@code product_id} is the Broadleaf SKU id, each SKU line its own item. */
    SKU
}
