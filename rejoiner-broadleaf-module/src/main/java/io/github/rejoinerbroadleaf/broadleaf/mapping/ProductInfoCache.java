package io.github.rejoinerbroadleaf.broadleaf.mapping;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Catalog facts of a product as Rejoiner sees them (name, categories, URLs, description, option names), kept for
 * a short time so that a page with a 20-product cart does not walk 20 products' category and media
 * collections on every request. Catalog data only, keyed by product id and locale (Broadleaf
 * translates names): nothing about a shopper is ever stored here. Prices and quantities are never
 * cached. Bounded: when full it is simply emptied.
 */
final class ProductInfoCache {

    static final int MAX_ENTRIES = 10000;

    private final long ttlNanos;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<String, Entry>();

    ProductInfoCache(long ttlMillis) {
        this.ttlNanos = ttlMillis * 1000000L;
    }

    ProductInfo get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.createdNanos > ttlNanos) {
            entries.remove(key, e);
            return null;
        }
        return e.info;
    }

    void put(String key, ProductInfo info) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(info, System.nanoTime()));
    }

    private static final class Entry {
        final ProductInfo info;
        final long createdNanos;

        Entry(ProductInfo info, long createdNanos) {
            this.info = info;
            this.createdNanos = createdNanos;
        }
    }

    /** Immutable catalog facts of one product. */
    static final class ProductInfo {
        final String name;
        final List<String> categories;
        final String url;
        final String imageUrl;
        final String description;
        final Set<String> optionNames;

        ProductInfo(String name, List<String> categories, String url, String imageUrl, String description,
                    Set<String> optionNames) {
            this.name = name;
            this.categories = Collections.unmodifiableList(categories);
            this.url = url;
            this.imageUrl = imageUrl;
            this.description = description;
            this.optionNames = Collections.unmodifiableSet(optionNames);
        }
    }
}
