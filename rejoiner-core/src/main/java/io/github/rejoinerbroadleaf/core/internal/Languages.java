package io.github.rejoinerbroadleaf.core.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * ISO 639 language codes that Rejoiner accepts: 639-1 (two letters), 639-2/T and 639-2/B (three).
 *
 * <p>The JDK lists only 639-1 codes; the 639-2/T codes are derived from them through
 * {@link Locale#getISO3Language()}. The twenty 639-2/B codes that differ from /T are listed
 * here because the JDK does not know them. Three-letter codes without a two-letter counterpart
 * (e.g. "haw") cannot be checked with the JDK and are rejected.
 */
public final class Languages {

    private static final Set<String> CODES = load();

    private Languages() {
    }

    private static Set<String> load() {
        Set<String> codes = new HashSet<String>();
        for (String two : Locale.getISOLanguages()) {
            codes.add(two);
            try {
                String three = new Locale(two).getISO3Language();
                if (three.length() == 3) {
                    codes.add(three);
                }
            } catch (MissingResourceException ignored) {
                // no 639-2 code known to this JDK for that language
            }
        }
        // ISO 639-2/B bibliographic codes that differ from the terminology codes above.
        String[] bibliographic = {"alb", "arm", "baq", "bur", "chi", "cze", "dut", "fre", "geo", "ger",
                "gre", "ice", "mac", "mao", "may", "per", "rum", "slo", "tib", "wel"};
        Collections.addAll(codes, bibliographic);
        return Collections.unmodifiableSet(codes);
    }

    /**
     * The lower-case code when {@code value} is a known ISO 639 code, also when given as the
     * primary subtag of a tag such as "en-US" or "pt_BR"; otherwise null.
     */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        int cut = indexOfSeparator(s);
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        if (s.length() < 2 || s.length() > 3) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT);
        return CODES.contains(s) ? s : null;
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }
}
