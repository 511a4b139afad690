package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.mapping.StoreUrls;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.springframework.web.util.UrlPathHelper;

import javax.servlet.http.HttpServletRequest;
import java.util.List;

/** What kind of request a response answers (navigation, XHR or {@code fetch}) and the URL of an AJAX view. */
final class AjaxRequests {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private AjaxRequests() {
    }

    /**
     * Bit of {@link #kind}: made by XHR or {@code fetch} rather than by navigating: jQuery's (and
     * Broadleaf's) {@code X-Requested-With} header or Broadleaf's {@code blcAjax=true}, or the
     * browser's {@code Sec-Fetch-Dest: empty} (every XHR and {@code fetch}, with or without header).
     */
    static final int XHR_OR_FETCH = 1;
    /**
     * Bit of {@link #kind}: an XHR asking for a page (Broadleaf's own test: {@code X-Requested-With}
     * or {@code blcAjax=true}): whatever it returns is inserted into a page that already has the
     * script, and scripts in inserted HTML do not run.
     */
    static final int AJAX = 2;

    /**
     * What kind of request this is, from one reading of its headers and parameter (the interceptor
     * keeps it in {@link RejoinerPageData} for the automatic placement): {@link #XHR_OR_FETCH} and
     * {@link #AJAX} combined.
     */
    static int kind(HttpServletRequest request) {
        String requestedWith = request.getHeader("X-Requested-With");
        boolean ajax = "XMLHttpRequest".equals(requestedWith) || "true".equals(request.getParameter("blcAjax"));
        boolean xhrOrFetch = ajax || "XMLHttpRequest".equalsIgnoreCase(requestedWith)
                || "empty".equalsIgnoreCase(request.getHeader("Sec-Fetch-Dest"));
        return (xhrOrFetch ? XHR_OR_FETCH : 0) | (ajax ? AJAX : 0);
    }

    /** The Referer's path and query when it is on the store's base URL, else null. */
    static String sameOriginReferer(HttpServletRequest request, String baseUrl) {
        String referer = request.getHeader("Referer");
        if (referer == null || baseUrl == null) {
            return null;
        }
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return referer.startsWith(base) || referer.equals(baseUrl) ? referer.substring(Math.min(referer.length(), base.length())) : null;
    }

    /**
     * The context-relative URL of an AJAX view's {@code addPageView}: {@code explicit} when given,
     * else the first product's, else the request's path and query.
     */
    static String pageUrl(HttpServletRequest request, List<Product> products, String explicit) {
        if (explicit != null && !explicit.trim().isEmpty()) {
            return orRoot(StoreUrls.contextRelative(explicit));
        }
        if (!products.isEmpty() && products.get(0).getUrl() != null) {
            return orRoot(StoreUrls.contextRelative(products.get(0).getUrl()));
        }
        StringBuilder url = new StringBuilder(orRoot(StoreUrls.contextRelative(PATHS.getPathWithinApplication(request))));
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return url.toString();
    }

    /** "" (the application's root) as a relative URL that still resolves to the base URL. */
    private static String orRoot(String relative) {
        return relative.isEmpty() ? "./" : relative;
    }
}
