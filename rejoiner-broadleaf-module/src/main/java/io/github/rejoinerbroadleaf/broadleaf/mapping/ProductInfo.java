package io.github.rejoinerbroadleaf.broadleaf.mapping;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Catalog facts of a product as Rejoiner sees them (name, categories, URLs, description, option
 * names), kept for a short time by {@link ProductFacts} so that a page with a 20-product cart does not
 * walk 20 products' category and media collections on every request. Catalog data only, keyed by
 * product id and locale (Broadleaf translates names): nothing about a shopper, never prices or
 * quantities. Immutable.
 */
final class ProductInfo {

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
