package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.broadleaf.mapping.StoreUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The tracker's mapped calls, reused while what they are built from stays the same
 * ({@link CommandCache}): a cart's {@code setCartData} + {@code setCartItem}s and a product's
 * {@code trackProductView}; and the URL resolver of the store's base URL.
 */
final class CallCaches {

    private final OrderMapper mapper;
    private final CommandCache cartCalls;
    private final CommandCache productViews;
    private final AtomicReference<ResolverHolder> resolver = new AtomicReference<ResolverHolder>();

    /**
     * @param cacheMillis how long the calls of an unchanged cart or product are reused (0: rebuilt every time)
     * @param cartCacheEntries how many carts' calls are kept at most (products: ten times as many)
     * @param clock the clock the entries' age is measured with
     */
    CallCaches(OrderMapper mapper, long cacheMillis, int cartCacheEntries, final Clock clock) {
        this.mapper = mapper;
        LongSupplier nanos = () -> clock.millis() * 1_000_000L;
        this.cartCalls = new CommandCache(cartCacheEntries, cacheMillis, nanos);
        this.productViews = new CommandCache((int) Math.min(10L * cartCacheEntries, Integer.MAX_VALUE), cacheMillis, nanos);
    }

    /**
     * {@code setCartData} + {@code setCartItem}s, reused while the cart's fingerprint and what else
     * the calls are built from (base URL, locale, the restore link's lifetime and key) stay the same.
     */
    CommandCache.Calls cartCalls(Order cart, CartFingerprint fingerprint, String baseUrl, UrlResolver urls,
                                 RejoinerSettings settings) {
        // The key's hash only: no secret is kept in the cache.
        String restoreKey = settings.restoreLinkKey();
        List<Object> state = Arrays.<Object>asList(fingerprint, baseUrl, StoreUrls.localeCode(),
                settings.restoreLinkDays(), restoreKey == null ? 0 : restoreKey.hashCode());
        CommandCache.Calls cached = cartCalls.get(cart.getId(), state);
        if (cached != null) {
            return cached;
        }
        return cartCalls.put(cart.getId(), state,
                TrackingCommand.cart(mapper.cartData(cart, baseUrl), mapper.cartItems(cart, urls)));
    }

    /** {@code trackProductView}, reused per product, locale and base URL while the price stays the same. */
    CommandCache.Calls productView(Product product, String baseUrl, UrlResolver urls) {
        List<Object> key = Arrays.<Object>asList(product.getId(), StoreUrls.localeCode(), baseUrl);
        BigDecimal price = ProductFacts.viewPrice(product);
        Object state = price == null ? "" : price.stripTrailingZeros();
        CommandCache.Calls cached = product.getId() == null ? null : productViews.get(key, state);
        if (cached != null) {
            return cached;
        }
        List<TrackingCommand> view = Collections.singletonList(
                TrackingCommand.trackProductView(mapper.productView(product, urls)));
        return product.getId() == null ? new CommandCache.Calls(view) : productViews.put(key, state, view);
    }

    /** A resolver for the base URL, reused while the base URL stays the same (it nearly always does). */
    UrlResolver resolver(String baseUrl) {
        ResolverHolder holder = resolver.get();
        String key = baseUrl == null ? "" : baseUrl;
        if (holder != null && holder.baseUrl.equals(key)) {
            return holder.urls;
        }
        UrlResolver urls = StoreUrls.urls(baseUrl);
        resolver.set(new ResolverHolder(key, urls));
        return urls;
    }

    private static final class ResolverHolder {
        final String baseUrl;
        final UrlResolver urls;

        ResolverHolder(String baseUrl, UrlResolver urls) {
            this.baseUrl = baseUrl;
            this.urls = urls;
        }
    }
}
