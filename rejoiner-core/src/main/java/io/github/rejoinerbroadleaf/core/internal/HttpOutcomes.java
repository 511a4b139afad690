package io.github.rejoinerbroadleaf.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;

/** Maps an HTTP answer to a {@link DeliveryOutcome}. */
public final class HttpOutcomes {

    private HttpOutcomes() {
    }

    /**
     * 2xx DELIVERED; 400 REJECTED (detail = body); 401/403 CREDENTIALS; 408, 429 and 5xx TRANSIENT
     * with Retry-After; any other status (404, other 4xx, unfollowed 3xx, 1xx) CONFIGURATION.
     */
    public static DeliveryOutcome classify(int status, String reason, String body, String retryAfter, Clock clock) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.of(Kind.DELIVERED, status, "", null);
        }
        if (status == 400) {
            return DeliveryOutcome.of(Kind.REJECTED, status, body, null);
        }
        String detail = "HTTP " + status + (Text.isBlank(reason) ? "" : " " + reason);
        if (status == 401 || status == 403) {
            return DeliveryOutcome.of(Kind.CREDENTIALS, status, detail, null);
        }
        if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
            return DeliveryOutcome.of(Kind.TRANSIENT, status, detail, parseRetryAfter(retryAfter, clock));
        }
        return DeliveryOutcome.of(Kind.CONFIGURATION, status, detail, null);
    }

    /**
     * Retry-After as delta-seconds or HTTP-date (RFC 1123); a date in the past gives zero.
     * Null when absent or unparsable.
     */
    public static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (isDigits(v)) {
            if (v.length() > 10) {
                return null;
            }
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
