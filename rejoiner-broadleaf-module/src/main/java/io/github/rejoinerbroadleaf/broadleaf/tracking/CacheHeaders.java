package io.github.rejoinerbroadleaf.broadleaf.tracking;

import javax.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * Keeps shopper-specific tracking out of shared caches: a response that carries a shopper's cart,
 * e-mail or order gets {@code Cache-Control: private, no-store} (other directives kept, {@code public}
 * and shared max-ages removed). Only possible before the response is committed, which is why the
 * interceptor applies it before the view renders.
 */
public final class CacheHeaders {

    static final String HEADER = "Cache-Control";

    private CacheHeaders() {
    }

    /** @return true when the header now says private, no-store (false when already committed) */
    public static boolean markPrivate(HttpServletResponse response) {
        if (response == null) {
            return false;
        }
        String existing = response.getHeader(HEADER);
        if (isPrivateNoStore(existing)) {
            return true;
        }
        if (response.isCommitted()) {
            return false;
        }
        response.setHeader(HEADER, merged(existing));
        return true;
    }

    static boolean isPrivateNoStore(String value) {
        if (value == null) {
            return false;
        }
        // Checked on every tracked page, usually against the value merged() wrote: no splitting.
        boolean isPrivate = false;
        boolean noStore = false;
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            if (isToken(value, start, end, "public")) {
                return false;
            }
            isPrivate |= isToken(value, start, end, "private");
            noStore |= isToken(value, start, end, "no-store");
            start = end + 1;
        }
        return isPrivate && noStore;
    }

    /** Whether {@code value[start, end)}, trimmed, is {@code token} (ignoring case). */
    private static boolean isToken(String value, int start, int end, String token) {
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        return end - start == token.length() && value.regionMatches(true, start, token, 0, token.length());
    }

    static String merged(String existing) {
        StringBuilder sb = new StringBuilder("private, no-store");
        if (existing != null) {
            for (String raw : existing.split(",")) {
                String t = raw.trim();
                String lower = t.toLowerCase(Locale.ROOT);
                if (t.isEmpty() || lower.equals("private") || lower.equals("no-store") || lower.equals("public")
                        || lower.startsWith("s-maxage") || lower.startsWith("max-age")) {
                    continue;
                }
                sb.append(", ").append(t);
            }
        }
        return sb.toString();
    }
}
