package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Rejoiner's links point: Broadleaf's context-relative URLs resolved under the store base
 * URL, and the request's locale (translated catalog names and URLs depend on it).
 */
public final class StoreUrls {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUrls.class);

    private StoreUrls() {
    }

    /**
     * A resolver for the store base URL (absolute, with context path, without trailing slash); a
     * resolver that drops relative URLs when the base is missing or unusable.
     */
    public static UrlResolver urls(String storeBaseUrl) {
        if (storeBaseUrl == null || storeBaseUrl.trim().isEmpty()) {
            return UrlResolver.none();
        }
        try {
            return UrlResolver.forBase(storeBaseUrl);
        } catch (IllegalArgumentException e) {
            LOG.warn("Rejoiner: store base URL is unusable, relative links are dropped: {}", e.getMessage());
            return UrlResolver.none();
        }
    }

    /**
     * Broadleaf's URLs ({@code /hot-sauces/x}, {@code /img/x.png}) are relative to the web
     * application; without the leading slash they resolve under the base URL's context path.
     * Absolute and protocol-relative URLs are returned unchanged.
     */
    public static String contextRelative(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        if (u.startsWith("/") && !u.startsWith("//")) {
            return u.substring(1);
        }
        return u;
    }

    /** The request's Broadleaf locale code ("" outside a request): translated catalog facts depend on it. */
    public static String localeCode() {
        try {
            BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
            org.broadleafcommerce.common.locale.domain.Locale locale = context == null ? null : context.getLocale();
            return locale == null ? "" : String.valueOf(locale.getLocaleCode());
        } catch (RuntimeException e) {
            return "";
        }
    }
}
