package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;

import java.time.Instant;

/**
 * The result of handling one claim, written back in a single version-guarded UPDATE. Null
 * {@code nextAttemptAt}, {@code httpStatus} and {@code confirmedAt} keep the row's value;
 * {@code retryingSince} is written as given.
 */
public final class RowUpdate {

    final QueueStatus status;
    final Instant nextAttemptAt;
    final int attemptsDelta;
    final Instant sentAt;
    final Integer httpStatus;
    final String error;
    final Instant confirmedAt;
    final Instant retryingSince;
    /** The body built for this send, to keep in place of the row's reference; null keeps PAYLOAD. */
    final String payload;

    private RowUpdate(QueueStatus status, Instant nextAttemptAt, int attemptsDelta, Instant sentAt,
            Integer httpStatus, String error, Instant confirmedAt, Instant retryingSince) {
        this(status, nextAttemptAt, attemptsDelta, sentAt, httpStatus, error, confirmedAt, retryingSince, null);
    }

    private RowUpdate(QueueStatus status, Instant nextAttemptAt, int attemptsDelta, Instant sentAt,
            Integer httpStatus, String error, Instant confirmedAt, Instant retryingSince, String payload) {
        this.status = status;
        this.nextAttemptAt = nextAttemptAt;
        this.attemptsDelta = attemptsDelta;
        this.sentAt = sentAt;
        this.httpStatus = httpStatus;
        this.error = error;
        this.confirmedAt = confirmedAt;
        this.retryingSince = retryingSince;
        this.payload = payload;
    }

    /** This update, also storing {@code body} as the row's payload (the body built from its reference). */
    public RowUpdate withPayload(String body) {
        return new RowUpdate(status, nextAttemptAt, attemptsDelta, sentAt, httpStatus, error, confirmedAt,
                retryingSince, body);
    }

    /** @param confirmedAt when the order was confirmed as submitted, null if not (yet) */
    public static RowUpdate sent(Instant now, int httpStatus, Instant confirmedAt) {
        return new RowUpdate(QueueStatus.SENT, null, 1, now, httpStatus, null, confirmedAt, null);
    }

    public static RowUpdate failed(Integer httpStatus, String error, Instant confirmedAt, Instant retryingSince) {
        return new RowUpdate(QueueStatus.FAILED, null, 1, null, httpStatus, error, confirmedAt, retryingSince);
    }

    /** A transient failure: another attempt at {@code nextAttemptAt}; a null status keeps the row's. */
    public static RowUpdate retry(Instant nextAttemptAt, Integer httpStatus, String error, Instant confirmedAt,
            Instant retryingSince) {
        return new RowUpdate(QueueStatus.QUEUED, nextAttemptAt, 1, null, httpStatus, error, confirmedAt,
                retryingSince);
    }

    /** Back in the queue without an attempt counted: site paused, order not yet submitted. */
    public static RowUpdate defer(Instant nextAttemptAt, Integer httpStatus, String error, Instant confirmedAt) {
        return new RowUpdate(QueueStatus.QUEUED, nextAttemptAt, 0, null, httpStatus, error, confirmedAt, null);
    }

    public static RowUpdate discarded(String error) {
        return new RowUpdate(QueueStatus.DISCARDED, null, 0, null, null, error, null, null);
    }
}
