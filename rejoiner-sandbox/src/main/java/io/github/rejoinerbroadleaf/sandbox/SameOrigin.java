package io.github.rejoinerbroadleaf.sandbox;

import java.net.URI;
import java.net.URISyntaxException;

import javax.servlet.http.HttpServletRequest;

/**
 * Whether a state-changing request comes from the sandbox's own pages. The browser's
 * {@code Origin} (or, without it, {@code Referer}) decides; a request with neither comes from no
 * browser page (curl, a test) and is allowed.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * For JavaScript reports: Origin, or Referer, must name this server's scheme, host and port, so
     * that another site's page cannot fill the sandbox with reports (a cross-site form or beacon).
     */
    static boolean ofReport(HttpServletRequest req) {
        String own = req.getScheme() + "://" + req.getHeader("Host");
        String origin = req.getHeader("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(own);
        }
        String referer = req.getHeader("Referer");
        if (referer != null) {
            return referer.regionMatches(true, 0, own + "/", 0, own.length() + 1) || referer.equalsIgnoreCase(own);
        }
        return true;
    }

    /** For the page's forms: Origin (or, without it, Referer) names the host of the request. */
    static boolean ofForm(HttpServletRequest req) {
        String host = req.getHeader("Host");
        String origin = req.getHeader("Origin");
        String source = origin != null ? origin : req.getHeader("Referer");
        if (source == null) {
            return true;
        }
        if (host == null || "null".equals(source)) {
            return false;
        }
        try {
            URI uri = new URI(source);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
