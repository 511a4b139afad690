package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.springframework.web.util.WebUtils;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of AJAX views ({@code addPageView}, {@code trackProductView}) waiting in the session for
 * the bootstrap's next ask of the AJAX endpoint: JSON arrays, oldest first, at most
 * {@value #MAX_PENDING_VIEWS}. A full page drops them (JavaScript off or failed: nobody will ask).
 */
final class PendingAjaxViews {

    /** Session attribute holding the list. */
    static final String SESSION_ATTRIBUTE = StorefrontTracker.class.getName() + ".pendingViews";
    static final int MAX_PENDING_VIEWS = 5;

    private PendingAjaxViews() {
    }

    /** Queues one view's calls (a JSON array), dropping the oldest beyond the limit. */
    static void add(HttpServletRequest request, String json) {
        HttpSession session = request.getSession(true);
        synchronized (WebUtils.getSessionMutex(session)) {
            Object o = session.getAttribute(SESSION_ATTRIBUTE);
            ArrayList<String> pending = new ArrayList<String>();
            if (o instanceof List) {
                for (Object e : (List<?>) o) {
                    if (e instanceof String) {
                        pending.add((String) e);
                    }
                }
            }
            while (pending.size() >= MAX_PENDING_VIEWS) {
                pending.remove(0);
            }
            pending.add(json);
            session.setAttribute(SESSION_ATTRIBUTE, pending);
        }
    }

    /**
     * Takes (and removes) the pending views and answers them as one JSON array, followed by the
     * calls of {@code json} (a JSON array, or null for none).
     */
    static String takeWith(HttpSession session, String json) {
        StringBuilder out = new StringBuilder(take(session));
        appendInner(out, json);
        return out.insert(0, '[').append(']').toString();
    }

    /** Takes (and removes) the pending views as the inside of a JSON array ("" when none). */
    private static String take(HttpSession session) {
        Object o;
        synchronized (WebUtils.getSessionMutex(session)) {
            o = session.getAttribute(SESSION_ATTRIBUTE);
            if (o != null) {
                session.removeAttribute(SESSION_ATTRIBUTE);
            }
        }
        StringBuilder out = new StringBuilder();
        if (o instanceof List) {
            for (Object e : (List<?>) o) {
                appendInner(out, e instanceof String ? (String) e : null);
            }
        }
        return out.toString();
    }

    /** Removes one queued view (a fragment that carries its own calls must not be pushed again). */
    static void unqueue(HttpServletRequest request, String json) {
        HttpSession session = json == null ? null : request.getSession(false);
        if (session == null) {
            return;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Object o = session.getAttribute(SESSION_ATTRIBUTE);
            if (o instanceof List && ((List<?>) o).contains(json)) {
                ArrayList<Object> rest = new ArrayList<Object>((List<?>) o);
                rest.remove(json);
                if (rest.isEmpty()) {
                    session.removeAttribute(SESSION_ATTRIBUTE);
                } else {
                    session.setAttribute(SESSION_ATTRIBUTE, rest);
                }
            }
        }
    }

    /** Drops every pending view of {@code session} (null: none; a full page supersedes them). */
    static void forget(HttpSession session) {
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }

    /** Appends the elements of a JSON array text ("[a,b]") to a comma-separated list. */
    private static void appendInner(StringBuilder out, String array) {
        if (array == null || array.length() <= 2 || array.charAt(0) != '[') {
            return;
        }
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(array, 1, array.length() - 1);
    }
}
