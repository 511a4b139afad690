package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.sandbox.SandboxSettingsLayer;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the sandbox only while the store runs in sandbox mode (no Rejoiner keys configured): with
 * real keys {@code /rejoiner-sandbox/} answers 404, so a store that went live exposes no fake
 * Rejoiner. Asked on every request, so keys saved in the admin switch it at once.
 */
final class SandboxModeGate implements Filter {

    private final ServletContextHandler storefront;

    SandboxModeGate(ServletContextHandler storefront) {
        this.storefront = storefront;
    }

    boolean sandboxModeOn() {
        WebApplicationContext root = WebApplicationContextUtils.getWebApplicationContext(storefront.getServletContext());
        if (root == null || !root.containsBean("blRejoinerDefaultSettingsLayer")) {
            return false;
        }
        Object layer = root.getBean("blRejoinerDefaultSettingsLayer");
        return layer instanceof SandboxSettingsLayer && ((SandboxSettingsLayer) layer).isActive();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!sandboxModeOn()) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
