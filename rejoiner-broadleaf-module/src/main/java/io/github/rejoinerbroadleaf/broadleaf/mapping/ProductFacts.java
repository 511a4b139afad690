package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.broadleaf.cache.ExpiringCache;
import org.broadleafcommerce.common.media.domain.Media;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductOption;
import org.broadleafcommerce.core.catalog.domain.Sku;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Rejoiner sees of a product: its id, name, categories (the default category first, then
 * every other parent category, by name, without duplicates), URLs, description and option names,
 * and the price a product view shows. The catalog facts (never prices) may be kept for a short
 * time, keyed by product id and locale. Thread-safe.
 */
public final class ProductFacts {

    /** Longest description sent for a cart item (characters); longer ones are cut. */
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    /** Products whose catalog facts are kept at most. */
    static final int PRODUCT_CACHE_ENTRIES = 10000;

    /** Product facts by product id and locale, or null when not cached. */
    private final ExpiringCache<String, ProductInfo> cache;

    /** @param cacheMillis how long a product's catalog facts are reused; 0 for no cache */
    ProductFacts(long cacheMillis) {
        this.cache = cacheMillis > 0 ? new ExpiringCache<String, ProductInfo>(PRODUCT_CACHE_ENTRIES, cacheMillis) : null;
    }

    /** Rejoiner's {@code product_id}: the Broadleaf product id as a string, or null. */
    public static String productId(Product product) {
        return product == null || product.getId() == null ? null : String.valueOf(product.getId());
    }

    /** The product's catalog facts, from the short-lived cache when enabled. */
    ProductInfo info(Product product) {
        String key = null;
        if (cache != null && product.getId() != null) {
            key = product.getId() + "|" + StoreUrls.localeCode();
            ProductInfo cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ProductInfo info = new ProductInfo(product.getName(), categories(product),
                StoreUrls.contextRelative(product.getUrl()), StoreUrls.contextRelative(primaryImageUrl(product)),
                description(product), optionNames(product));
        if (key != null) {
            cache.put(key, info);
        }
        return info;
    }

    /** The price a product view shows: the default SKU's price (the sale price while a sale is active), or null. */
    public static BigDecimal viewPrice(Product product) {
        Sku sku = product == null ? null : product.getDefaultSku();
        return amount(sku == null ? null : sku.getPrice());
    }

    /** Category names: the default category first, then the other parent categories in display order. */
    public static List<String> categories(Product product) {
        Set<String> names = new LinkedHashSet<String>();
        if (product == null) {
            return new ArrayList<String>(names);
        }
        addCategory(names, product.getDefaultCategory());
        List<CategoryProductXref> xrefs = product.getAllParentCategoryXrefs();
        if (xrefs != null) {
            for (CategoryProductXref xref : xrefs) {
                if (xref != null) {
                    addCategory(names, xref.getCategory());
                }
            }
        }
        return new ArrayList<String>(names);
    }

    private static void addCategory(Set<String> names, Category category) {
        if (category != null && category.getName() != null && !category.getName().trim().isEmpty()) {
            names.add(category.getName());
        }
    }

    /**
     * The cart-line attribute names that are the product's options (e.g. {@code SIZE}): only these
     * are sent as custom fields and kept in restore links; other line attributes may hold free text
     * a shopper typed.
     */
    public static Set<String> optionNames(Product product) {
        Set<String> names = new LinkedHashSet<String>();
        List<ProductOption> options = product == null ? null : product.getProductOptions();
        if (options != null) {
            for (ProductOption option : options) {
                if (option != null && !isBlank(option.getAttributeName())) {
                    names.add(option.getAttributeName());
                }
            }
        }
        return names;
    }

    /** The URL of the product's {@code primary} media, or null. */
    public static String primaryImageUrl(Product product) {
        Map<String, Media> media = product == null ? null : product.getMedia();
        Media primary = media == null ? null : media.get("primary");
        return primary == null ? null : primary.getUrl();
    }

    static String description(Product product) {
        String d = product.getDescription();
        if (isBlank(d)) {
            d = product.getLongDescription();
        }
        if (isBlank(d)) {
            return null;
        }
        d = d.trim();
        if (d.length() > MAX_DESCRIPTION_LENGTH) {
            int end = MAX_DESCRIPTION_LENGTH;
            if (Character.isHighSurrogate(d.charAt(end - 1))) {
                end--;
            }
            d = d.substring(0, end);
        }
        return d;
    }

    static BigDecimal amount(Money money) {
        return money == null ? null : money.getAmount();
    }

    static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
