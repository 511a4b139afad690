package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;

import java.time.Instant;

/** The result of handling one claim, written back in a single version-guarded UPDATE. */
public final class RowUpdate {

    final QueueStatus status;
    final Instant nextAttemptAt;
    final int attemptsDelta;
    final Instant sentAt;
    final Integer httpStatus;
    final String error;
    final Instant confirmedAt;

    private RowUpdate(QueueStatus status, Instant nextAttemptAt, int attemptsDelta, Instant sentAt,
            Integer httpStatus, String error, Instant confirmedAt) {
        this.status = status;
        this.nextAttemptAt = nextAttemptAt;
        this.attemptsDelta = attemptsDelta;
        this.sentAt = sentAt;
        this.httpStatus = httpStatus;
        this.error = error;
        this.confirmedAt = confirmedAt;
    }

    /** @param confirmedAt when the order was confirmed as submitted, null if not (yet) */
    public static RowUpdate sent(Instant now, int httpStatus, Instant confirmedAt) {
        return new RowUpdate(QueueStatus.SENT, null, 1, now, httpStatus, null, confirmedAt);
    }

    public static RowUpdate failed(int httpStatus, String error, int attemptsDelta, Instant confirmedAt) {
        return new RowUpdate(QueueStatus.FAILED, null, attemptsDelta, null, httpStatus, error, confirmedAt);
    }

    public static RowUpdate requeue(Instant nextAttemptAt, int attemptsDelta, Integer httpStatus, String error,
            Instant confirmedAt) {
        return new RowUpdate(QueueStatus.QUEUED, nextAttemptAt, attemptsDelta, null, httpStatus, error,
                confirmedAt);
    }

    public static RowUpdate discarded(String error) {
        return new RowUpdate(QueueStatus.DISCARDED, null, 0, null, null, error, null);
    }
}
