package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Keeps Broadleaf's generic admin controllers ({@code /{sectionKey}/{id}} and friends) away from the
 * Rejoiner sections: a URL under {@code /rejoiner-settings} or {@code /rejoiner-deliveries} that no
 * Rejoiner controller handles gets a 404 instead of reaching the generic entity machinery.
 */
public class RejoinerAdminPathGuard extends HandlerInterceptorAdapter {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!isRejoinerPath(path)) {
            return true;
        }
        if (handler instanceof HandlerMethod
                && RejoinerAdminControllerSupport.class.isAssignableFrom(((HandlerMethod) handler).getBeanType())) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return false;
    }

    static boolean isRejoinerPath(String path) {
        return matches(path, "/" + RejoinerSettingsController.SECTION)
                || matches(path, "/" + RejoinerDeliveryLogController.SECTION);
    }

    private static boolean matches(String path, String section) {
        return path.equals(section) || path.startsWith(section + "/") || path.startsWith(section + ";")
                || path.startsWith(section + ".");
    }
}
