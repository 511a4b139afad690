package io.github.rejoinerbroadleaf.boot;

/**
 * Rejoiner cannot start in this application as configured; Spring Boot's failure report shows the
 * message and {@link #action()}. Never carries a key or secret.
 */
public class RejoinerStartupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public RejoinerStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
