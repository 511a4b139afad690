package io.github.rejoinerbroadleaf.broadleaf.tracking;

import javax.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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
        Set<String> tokens = tokens(value);
        return tokens.contains("private") && tokens.contains("no-store") && !tokens.contains("public");
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

    private static Set<String> tokens(String value) {
        Set<String> out = new LinkedHashSet<String>();
        for (String raw : value.split(",")) {
            out.add(raw.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
