package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.web.ModulePaths;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers the requests to the restore link that must not restore anything before Broadleaf's
 * filters run (they create a session and an anonymous customer for every request): {@code HEAD}
 * and any method but GET get 405, and browser prefetches/prerenders ({@code Sec-Purpose},
 * {@code Purpose} or {@code X-Moz: prefetch}) get 503 with {@code no-store}, which makes the browser
 * drop the prefetch and load the link for real when the shopper clicks. No session, no cart.
 *
 * <p>Map it in {@code web.xml} to {@value CartRestoreService#PATH}, {@value OrderSummaryLinks#PATH}
 * (the read-only order summary, treated alike) and {@code /rejoiner/ajax-calls} (GET-only as well) ahead of {@code springSecurityFilterChain}. Without it, {@link CartRestoreController} answers the same
 * statuses, but a session may already have been created.
 */
public class RestoreLinkRequestFilter implements Filter {

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest && resp instanceof HttpServletResponse) {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) resp;
            if (isRestorePath(request)) {
                if (!"GET".equals(request.getMethod())) {
                    methodNotAllowed(response);
                    return;
                }
                if (isSpeculative(request)) {
                    declineSpeculativeLoad(response);
                    return;
                }
            }
        }
        chain.doFilter(req, resp);
    }

    private static boolean isRestorePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        // The AJAX calls endpoint is GET-only too: mapped here, a POST without a CSRF token gets 405, not the CSRF filter's error.
        return uri != null && (uri.equals(context + CartRestoreService.PATH) || uri.equals(context + OrderSummaryLinks.PATH)
                || uri.equals(context + ModulePaths.AJAX_CALLS));
    }

    /** A load the browser makes on speculation, not because the shopper opened the link. */
    static boolean isSpeculative(HttpServletRequest request) {
        return request.getHeader("Sec-Purpose") != null || contains(request.getHeader("Purpose"), "prefetch")
                || contains(request.getHeader("X-Purpose"), "preview") || contains(request.getHeader("X-Moz"), "prefetch");
    }

    private static boolean contains(String header, String token) {
        return header != null && header.toLowerCase(java.util.Locale.ROOT).contains(token);
    }

    static void methodNotAllowed(HttpServletResponse response) {
        response.setHeader("Allow", "GET");
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    static void declineSpeculativeLoad(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Vary", "Sec-Purpose, Purpose");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    @Override
    public void destroy() {
    }
}
