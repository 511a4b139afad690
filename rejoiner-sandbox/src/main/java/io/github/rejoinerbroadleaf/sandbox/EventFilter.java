package io.github.rejoinerbroadleaf.sandbox;

import javax.servlet.http.HttpServletRequest;

/** The page's and the events API's optional filters: {@code ?visitor=}, {@code ?order=}, {@code ?email=}. */
final class EventFilter {

    final String visitor;
    final String order;
    final String email;

    EventFilter(String visitor, String order, String email) {
        this.visitor = blankToNull(visitor);
        this.order = blankToNull(order);
        this.email = blankToNull(email);
    }

    static EventFilter of(HttpServletRequest req) {
        return new EventFilter(req.getParameter("visitor"), req.getParameter("order"), req.getParameter("email"));
    }

    boolean isEmpty() {
        return visitor == null && order == null && email == null;
    }

    boolean matches(SandboxEvent e) {
        return (visitor == null || visitor.equals(e.visitor))
                && (order == null || order.equals(e.orderNumber))
                && (email == null || email.equalsIgnoreCase(e.email == null ? "" : e.email));
    }

    private static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
