package io.github.rejoinerbroadleaf.core.internal;

/**
 * String hygiene shared by every value that enters the Rejoiner model.
 *
 * <p>Lone UTF-16 surrogates are replaced with U+FFFD: they cannot be encoded as UTF-8 (the
 * servlet writer and the REST body would turn them into '?') and the Rejoiner library's
 * {@code encodeURIComponent} throws a URIError on them, which would break tracking on the page.
 * Well-formed pairs (emoji and other supplementary characters) are kept.
 */
public final class Text {

    /** The replacement for a lone surrogate. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final int LOG_SNIPPET_MAX = 64;

    private Text() {
    }

    /** Returns {@code s} with lone surrogates replaced by U+FFFD; the same instance when clean. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return replaceFrom(s, i);
                }
            }
        }
        return s;
    }

    private static String replaceFrom(String s, int start) {
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, start);
        int n = s.length();
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(REPLACEMENT);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Cleaned value, or null when null, empty or only whitespace. */
    public static String cleanOrNull(String s) {
        return isBlank(s) ? null : clean(s);
    }

    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A short, single-line, quoted form of a rejected value for a log line: control and
     * surrogate characters become '?', so a value cannot forge log lines.
     */
    public static String forLog(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        int n = Math.min(s.length(), LOG_SNIPPET_MAX);
        StringBuilder sb = new StringBuilder(n + 8).append('\'');
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || Character.isSurrogate(c)
                    || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (s.length() > n) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }
}
