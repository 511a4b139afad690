package io.github.rejoinerbroadleaf.core;

import java.time.Duration;

/**
 * What one REST call to Rejoiner came to, classified so that a caller can decide between
 * "done", "give up", "pause the site" and "try again later" without knowing HTTP.
 */
public final class DeliveryOutcome {

    /** The classes of answer a Rejoiner REST call can give. */
    public enum Kind {
        /** 2xx: Rejoiner has the call. */
        DELIVERED,
        /** 400: Rejoiner refused the payload; sending it again cannot help. */
        REJECTED,
        /** 401/403: the key or signature is wrong for the whole site. */
        CREDENTIALS,
        /** 404 and other unexpected 4xx: the site id or base URL is wrong. */
        CONFIGURATION,
        /** 408, 429, 5xx, timeouts and I/O errors: worth another try later. */
        TRANSIENT
    }

    private final Kind kind;
    private final int httpStatus;
    private final String detail;
    private final Duration retryAfter;

    private DeliveryOutcome(Kind kind, int httpStatus, String detail, Duration retryAfter) {
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.detail = detail == null ? "" : detail;
        this.retryAfter = retryAfter;
    }

    public static DeliveryOutcome of(Kind kind, int httpStatus, String detail, Duration retryAfter) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        return new DeliveryOutcome(kind, httpStatus, detail, retryAfter);
    }

    /** An outcome with no HTTP answer at all (timeout, refused connection, reset). */
    public static DeliveryOutcome ioFailure(String detail) {
        return new DeliveryOutcome(Kind.TRANSIENT, 0, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Response body (for 400) or a short error description; never contains the API secret. */
    public String detail() {
        return detail;
    }

    /** The server's Retry-After, or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isDelivered() {
        return kind == Kind.DELIVERED;
    }

    @Override
    public String toString() {
        return "DeliveryOutcome{" + kind + ", status=" + httpStatus
                + (retryAfter == null ? "" : ", retryAfter=" + retryAfter) + ", detail='" + detail + "'}";
    }
}
