package io.github.rejoinerbroadleaf.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The {@code rejoiner.*} settings cannot work: thrown at start-up with every problem found, each
 * naming its property. Messages never contain the API key or secret.
 */
public class InvalidRejoinerPropertiesException extends RejoinerStartupException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidRejoinerPropertiesException(List<Problem> problems) {
        super(message(problems), "Set or correct the properties above (application.properties, system properties or "
                + "environment variables), or set rejoiner.enabled=false to leave Rejoiner out of this application.");
        this.problems = Collections.unmodifiableList(new ArrayList<Problem>(problems));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("Invalid Rejoiner settings:");
        for (Problem p : problems) {
            sb.append(' ').append(p.property()).append(' ').append(p.reason()).append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** One property and what is wrong with it. */
    public static final class Problem {
        private final String property;
        private final String reason;

        public Problem(String property, String reason) {
            this.property = property;
            this.reason = reason;
        }

        /** The property in its canonical form, e.g. {@code rejoiner.site-id}. */
        public String property() {
            return property;
        }

        /** The same setting as an environment variable, e.g. {@code REJOINER_SITE_ID}. */
        public String environmentVariable() {
            return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        }

        public String reason() {
            return reason;
        }

        @Override
        public String toString() {
            return property + " " + reason;
        }
    }
}
