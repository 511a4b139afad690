package io.github.rejoinerbroadleaf.restore;

/** A restore token that must not be used. The message never contains the token or a key. */
public final class InvalidRestoreTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** No token at all. */
        MISSING,
        /** Longer than {@link RestoreTokenCodec#MAX_TOKEN_LENGTH}. */
        TOO_LONG,
        /** Not base64url, too short to hold a signature, or not in the payload format. */
        MALFORMED,
        /** A version this code does not know. */
        UNSUPPORTED_VERSION,
        /** The signature matches none of the accepted keys: tampered, truncated, or signed with a retired key. */
        BAD_SIGNATURE,
        /** Validly signed but past its expiry. */
        EXPIRED
    }

    private final Reason reason;

    public InvalidRestoreTokenException(Reason reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
