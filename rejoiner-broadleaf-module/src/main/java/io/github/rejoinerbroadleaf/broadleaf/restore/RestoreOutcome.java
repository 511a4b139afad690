package io.github.rejoinerbroadleaf.broadleaf.restore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What opening a restore link did to the visitor's cart. */
public final class RestoreOutcome {

    /** Why a line was not restored; {@code name} is the product's name when known. */
    public enum Problem {
        UNAVAILABLE, NOT_ADDED, PROMO_INVALID, PROMO_USED_UP
    }

    /** One thing the shopper should be told. */
    public static final class Notice {
        private final Problem problem;
        private final String subject;

        Notice(Problem problem, String subject) {
            this.problem = problem;
            this.subject = subject;
        }

        public Problem problem() {
            return problem;
        }

        /** Product name or promo code the notice is about, or null. */
        public String subject() {
            return subject;
        }

        @Override
        public String toString() {
            return problem + (subject == null ? "" : "(" + subject + ")");
        }
    }

    private int restored;
    private boolean promoApplied;
    private final List<Notice> notices = new ArrayList<Notice>();

    void lineRestored() {
        restored++;
    }

    void promoApplied() {
        promoApplied = true;
    }

    void notice(Problem problem, String subject) {
        notices.add(new Notice(problem, subject));
    }

    /** Lines added to the cart or raised to the link's quantity (lines already sufficient count too). */
    public int restoredLines() {
        return restored;
    }

    public boolean isPromoApplied() {
        return promoApplied;
    }

    public List<Notice> notices() {
        return Collections.unmodifiableList(notices);
    }

    @Override
    public String toString() {
        return "RestoreOutcome{restored=" + restored + ", promoApplied=" + promoApplied + ", notices=" + notices + "}";
    }
}
