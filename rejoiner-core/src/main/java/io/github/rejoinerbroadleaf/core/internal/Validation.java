package io.github.rejoinerbroadleaf.core.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.Cents;

/**
 * The tracking input rules. Each method returns the normalised value, or null after logging
 * exactly one warning: tracking must never throw into the page that renders it.
 */
public final class Validation {

    /** One logger for all dropped tracking values, so a store can tune it in one place. */
    static final Logger LOG = LoggerFactory.getLogger("io.github.rejoinerbroadleaf.core.validation");

    /** Largest integer a JavaScript number holds exactly (2^53 - 1); larger cents would be rounded in the page. */
    public static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private static final int MAX_AGE = 150;
    private static final int MAX_EMAIL_LENGTH = 254;

    private Validation() {
    }

    /** Logs one dropped or normalised value. The value is shortened and made single-line. */
    public static void warn(String field, String reason, Object value) {
        LOG.warn("Rejoiner tracking: {} {}, value {} dropped", field, reason, Text.forLog(value));
    }

    /** Same as {@link #warn} for values that must not be logged (personal data). */
    public static void warnWithoutValue(String field, String reason) {
        LOG.warn("Rejoiner tracking: {} {}, value dropped", field, reason);
    }

    /** A required identifier (product id, site id): null when blank. */
    public static String requiredId(String field, String value) {
        if (Text.isBlank(value)) {
            warn(field, "is blank", value);
            return null;
        }
        return Text.clean(value);
    }

    /** Price in cents: null for null, negative, unrepresentable or beyond JavaScript's exact range. */
    public static Long cents(String field, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            warn(field, "is negative", amount.toPlainString());
            return null;
        }
        long cents;
        try {
            cents = Cents.of(amount);
        } catch (ArithmeticException e) {
            warn(field, "is too large", amount.toPlainString());
            return null;
        }
        return cents(field, cents);
    }

    /** Cents given directly: null when negative or beyond JavaScript's exact range. */
    public static Long cents(String field, long cents) {
        if (cents < 0) {
            warn(field, "is negative", cents);
            return null;
        }
        if (cents > MAX_SAFE_INTEGER) {
            warn(field, "is too large", cents);
            return null;
        }
        return cents;
    }

    /** A count (quantity, item count): null when negative. */
    public static Integer count(String field, long value) {
        if (value < 0) {
            warn(field, "is negative", value);
            return null;
        }
        if (value > Integer.MAX_VALUE) {
            warn(field, "is too large", value);
            return null;
        }
        return (int) value;
    }

    /** A count given as a decimal: accepted only when it is a whole number (2.0 is 2; 1.5 is dropped). */
    public static Integer count(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.precision() - value.scale() > 18) {
            warn(field, "is too large", value.toPlainString());
            return null;
        }
        BigDecimal whole;
        try {
            whole = value.setScale(0);
        } catch (ArithmeticException notWhole) {
            warn(field, "is not a whole number", value.toPlainString());
            return null;
        }
        return count(field, whole.longValue());
    }

    public static Integer age(int age) {
        if (age < 0 || age > MAX_AGE) {
            warn("age", "is out of range 0.." + MAX_AGE, age);
            return null;
        }
        return age;
    }

    /** One of male, female, m, f (case-insensitive, trimmed), lower-cased. */
    public static String gender(String gender) {
        if (gender == null) {
            return null;
        }
        String g = gender.trim().toLowerCase(Locale.ROOT);
        if (g.equals("male") || g.equals("female") || g.equals("m") || g.equals("f")) {
            return g;
        }
        warn("gender", "is not one of male, female, m, f", gender);
        return null;
    }

    /** An ISO 639-1 or 639-2 code, lower-cased; see {@link Languages}. */
    public static String language(String language) {
        if (language == null) {
            return null;
        }
        String code = Languages.normalise(language);
        if (code == null) {
            warn("language", "is not an ISO 639 code", language);
        }
        return code;
    }

    /** A trimmed e-mail address, or null (the rejected address is not logged: personal data). */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String e = email.trim();
        if (!isEmail(e)) {
            warnWithoutValue("email", "is malformed");
            return null;
        }
        return e;
    }

    /**
     * Deliberately simple syntax check: one '@', a non-empty local part, a dotted domain that
     * neither starts nor ends with a dot, no whitespace, control, quote or angle-bracket characters.
     */
    public static boolean isEmail(String e) {
        if (e == null || e.isEmpty() || e.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        int at = -1;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSurrogate(c)
                    || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' || c == ',' || c == ';'
                    || c == '\\' || c == '[' || c == ']' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        if (at <= 0 || at == e.length() - 1) {
            return false;
        }
        String domain = e.substring(at + 1);
        int dot = domain.indexOf('.');
        return dot > 0 && !domain.endsWith(".") && !domain.contains("..");
    }
}
