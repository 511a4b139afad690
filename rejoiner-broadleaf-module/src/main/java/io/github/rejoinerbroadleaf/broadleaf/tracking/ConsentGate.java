package io.github.rejoinerbroadleaf.broadleaf.tracking;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/**
 * The consent gate: with the setting {@code consentCookie}, nothing is tracked (and the session's
 * snapshot is forgotten) until the shopper's browser sends that cookie with a value that says yes.
 */
final class ConsentGate {

    private ConsentGate() {
    }

    /** Without a consent cookie setting, always; else the cookie must be present, non-empty, not "0"/"false". */
    static boolean hasConsent(HttpServletRequest request, String cookieName) {
        if (cookieName == null || cookieName.trim().isEmpty()) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (cookieName.trim().equals(c.getName())) {
                String v = c.getValue() == null ? "" : c.getValue().trim();
                if (!v.isEmpty() && !"0".equals(v) && !"false".equalsIgnoreCase(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
