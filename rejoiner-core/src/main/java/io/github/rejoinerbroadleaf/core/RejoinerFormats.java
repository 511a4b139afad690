package io.github.rejoinerbroadleaf.core;

import io.github.rejoinerbroadleaf.core.internal.Languages;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * The value formats Rejoiner accepts, for code outside this artifact that checks payloads (the sandbox)
 * and so must agree with what the client sends. The rules themselves stay in the internal package.
 */
public final class RejoinerFormats {

    /** Largest integer JavaScript represents exactly (2^53 - 1); larger cents or counts lose precision. */
    public static final long MAX_SAFE_INTEGER = Validation.MAX_SAFE_INTEGER;

    private RejoinerFormats() {
    }

    /**
     * The lower-case ISO 639 code when {@code value} is one (also as the primary subtag of "en-US" or
     * "pt_BR"), otherwise null.
     */
    public static String languageCode(String value) {
        return Languages.normalise(value);
    }

    /** The client's e-mail syntax check: one '@', a dotted domain, no spaces, quotes or brackets. */
    public static boolean isEmail(String value) {
        return Validation.isEmail(value);
    }
}
