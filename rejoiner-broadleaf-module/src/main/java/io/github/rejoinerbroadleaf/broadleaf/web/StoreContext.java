package io.github.rejoinerbroadleaf.broadleaf.web;

import org.broadleafcommerce.common.site.domain.Site;
import org.broadleafcommerce.common.web.BroadleafRequestContext;

import javax.servlet.http.HttpServletRequest;

/**
 * What the module needs to know about the store serving the current request: which site it is
 * (the key that settings and queued conversions belong to) and its absolute base URL.
 */
public final class StoreContext {

    /** Site key used where Broadleaf has no site (community edition, or outside a request). */
    public static final String DEFAULT_SITE = "default";

    private StoreContext() {
    }

    /** The current Broadleaf site's id as a string, or {@link #DEFAULT_SITE}. */
    public static String currentSite() {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        Site site = context == null ? null : context.getSite();
        return site == null || site.getId() == null ? DEFAULT_SITE : String.valueOf(site.getId());
    }

    /**
     * The store's absolute base URL without a trailing slash: the configured one when given
     * (behind a proxy the request does not know the public host), else the current request's.
     * Null when neither is available.
     */
    public static String baseUrl(String configured) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        HttpServletRequest request = context == null ? null : context.getRequest();
        return request == null ? null : baseUrl(request);
    }

    public static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
