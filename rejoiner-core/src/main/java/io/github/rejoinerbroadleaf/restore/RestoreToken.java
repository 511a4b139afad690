package io.github.rejoinerbroadleaf.restore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a cart restore link carries: the cart's lines and the link's validity window (whole
 * seconds). Lines for the same product, SKU and options are combined; quantities are capped at
 * {@link #MAX_QUANTITY} per line and the list at {@link #MAX_LINES} lines.
 */
public final class RestoreToken {

    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 99;
    /** Most lines one link rebuilds; further lines are left out. */
    public static final int MAX_LINES = 100;

    private final List<RestoreLine> lines;
    private final long issuedAt;
    private final long expiresAt;

    /**
     * @param issuedAt  epoch seconds
     * @param expiresAt epoch seconds, not before {@code issuedAt}
     */
    public RestoreToken(List<RestoreLine> lines, long issuedAt, long expiresAt) {
        if (expiresAt < issuedAt || issuedAt < 0) {
            throw new IllegalArgumentException("expiry before issue");
        }
        this.lines = Collections.unmodifiableList(normalize(lines));
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    private static List<RestoreLine> normalize(List<RestoreLine> lines) {
        List<RestoreLine> result = new ArrayList<RestoreLine>();
        if (lines == null) {
            return result;
        }
        outer:
        for (RestoreLine line : lines) {
            if (line == null) {
                continue;
            }
            for (int i = 0; i < result.size(); i++) {
                RestoreLine seen = result.get(i);
                if (seen.sameItemAs(line)) {
                    result.set(i, seen.withQuantity(seen.quantity() + line.quantity()));
                    continue outer;
                }
            }
            if (result.size() < MAX_LINES) {
                result.add(line);
            }
        }
        return result;
    }

    public List<RestoreLine> lines() {
        return lines;
    }

    /** Epoch seconds. */
    public long issuedAt() {
        return issuedAt;
    }

    /** Epoch seconds; the link is refused after this moment. */
    public long expiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RestoreToken)) {
            return false;
        }
        RestoreToken other = (RestoreToken) o;
        return issuedAt == other.issuedAt && expiresAt == other.expiresAt && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return (int) (31 * (31 * lines.hashCode() + issuedAt) + expiresAt);
    }

    @Override
    public String toString() {
        return "RestoreToken{lines=" + lines + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "}";
    }
}
