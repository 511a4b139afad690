package io.github.rejoinerbroadleaf.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * A product impression for {@code trackProductView}. Immutable; same rules as {@link CartItem}:
 * without product id {@link #hasProductId()} is false and the view is never sent.
 */
public final class ProductView {

    private final String productId;
    private final String name;
    private final List<String> categories;
    private final Long priceCents;
    private final String productUrl;
    private final String imageUrl;

    private ProductView(Builder b, String productId) {
        this.productId = productId;
        this.name = b.name;
        this.categories = Collections.unmodifiableList(new ArrayList<String>(b.categories));
        this.priceCents = b.priceCents;
        this.productUrl = b.productUrl;
        this.imageUrl = b.imageUrl;
    }

    public static Builder builder() {
        return new Builder(UrlResolver.none());
    }

    public static Builder builder(UrlResolver urls) {
        return new Builder(urls == null ? UrlResolver.none() : urls);
    }

    public boolean hasProductId() {
        return productId != null;
    }

    public String productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public List<String> categories() {
        return categories;
    }

    public Long priceCents() {
        return priceCents;
    }

    public String productUrl() {
        return productUrl;
    }

    public String imageUrl() {
        return imageUrl;
    }

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
        if (productUrl != null) {
            o.put("product_url", productUrl);
        }
        if (imageUrl != null) {
            o.put("image_url", imageUrl);
        }
        return o;
    }

    @Override
    public String toString() {
        return "ProductView" + toJson();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final UrlResolver urls;
        private String productId;
        private String name;
        private final List<String> categories = new ArrayList<String>();
        private Long priceCents;
        private String productUrl;
        private String imageUrl;

        private Builder(UrlResolver urls) {
            this.urls = urls;
        }

        /** Required; kept as given. */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        public Builder name(String name) {
            this.name = Text.cleanOrNull(name);
            return this;
        }

        public Builder category(String category) {
            JsonTrees.addCategory(categories, category);
            return this;
        }

        public Builder categories(Collection<String> categories) {
            if (categories != null) {
                for (String c : categories) {
                    category(c);
                }
            }
            return this;
        }

        public Builder price(BigDecimal price) {
            this.priceCents = Validation.cents("product view price", price);
            return this;
        }

        public Builder priceCents(long cents) {
            this.priceCents = Validation.cents("product view price", cents);
            return this;
        }

        public Builder productUrl(String url) {
            this.productUrl = urls.resolve("product view product_url", url);
            return this;
        }

        public Builder imageUrl(String url) {
            this.imageUrl = urls.resolve("product view image_url", url);
            return this;
        }

        public ProductView build() {
            return new ProductView(this, Validation.requiredId("product view product_id", productId));
        }
    }
}
