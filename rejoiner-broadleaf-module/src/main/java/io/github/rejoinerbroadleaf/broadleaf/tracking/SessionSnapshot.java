package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import org.springframework.web.util.WebUtils;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Where what the browser was last told lives: the session's {@link CartSnapshot}, and beyond the
 * session the {@link LastCartCookie} naming the cart Rejoiner last saw. Moving the snapshot on is
 * done under the session's mutex, so two concurrent responses never both report the same change.
 */
final class SessionSnapshot {

    private final LastCartCookie lastCart = new LastCartCookie();

    /**
     * Compares the snapshot of {@code session} (the request's; the caller creates it) with {@code in}
     * ({@link TrackingPlanner#compare}) and keeps the result: the session attribute is written only
     * on change (replicated or persisted sessions are not dirtied by every page), the cookie follows
     * the cart.
     */
    TrackingPlanner.Comparison advance(HttpSession session, HttpServletRequest request, HttpServletResponse response,
                                       RejoinerSettings settings, TrackingPlanner.Inputs in,
                                       CartChanges.SubmittedCheck submitted) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Object stored = session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE);
            CartSnapshot previous = stored instanceof CartSnapshot ? (CartSnapshot) stored : remembered(request, settings);
            TrackingPlanner.Comparison compared = TrackingPlanner.compare(previous, in, submitted);
            CartSnapshot next = compared.next();
            if (next != null) {
                if (!next.equals(stored)) {
                    session.setAttribute(CartSnapshot.SESSION_ATTRIBUTE, next);
                }
                syncLastCart(request, response, settings, compared.cookieCartId());
            }
            return compared;
        }
    }

    /** A new session (after a logout, or an expired one): the browser may still be tied to a cart. */
    private CartSnapshot remembered(HttpServletRequest request, RejoinerSettings settings) {
        Long cartId = lastCart.read(request, settings);
        return cartId == null ? null : new CartSnapshot(null, null, null, null, cartId);
    }

    /** Whether the browser was last told about a cart (its script may still carry one). */
    static boolean toldOfCart(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object snapshot = session == null ? null : session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE);
        return snapshot instanceof CartSnapshot && ((CartSnapshot) snapshot).cartId() != null;
    }

    /** Forgets the snapshot (consent withdrawn: the next tracked page starts afresh). */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CartSnapshot.SESSION_ATTRIBUTE) != null) {
            session.removeAttribute(CartSnapshot.SESSION_ATTRIBUTE);
        }
    }

    /** Remembers the cart Rejoiner sees in the browser's cookie (null: forget it) when it differs. */
    void syncLastCart(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings, Long cartId) {
        if (response == null || response.isCommitted()) {
            return;
        }
        // Compared without the MAC (runs on every page with a cart): a forged value that names the same
        // cart is left alone, and every decision based on the cookie verifies it (LastCartCookie.read).
        String sent = cookieValue(request, LastCartCookie.NAME);
        if (cartId == null ? sent != null : sent == null || !sent.startsWith(cartId + ".")) {
            lastCart.write(request, response, settings, cartId);
        }
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue() == null ? "" : c.getValue();
                }
            }
        }
        return null;
    }
}
