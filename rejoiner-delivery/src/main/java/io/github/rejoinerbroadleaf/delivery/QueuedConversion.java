package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.LeadOperation;

import java.time.Instant;

/** A snapshot of one row of {@code RJ_CONVERSION_QUEUE}, as read; never updated in place. */
public final class QueuedConversion {

    private final long id;
    private final String site;
    private final LeadOperation operation;
    private final String orderKey;
    private final String payload;
    private final String reference;
    private final QueueStatus status;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final Instant leaseUntil;
    private final String claimedBy;
    private final int version;
    private final Instant createdAt;
    private final Instant queuedAt;
    private final Instant updatedAt;
    private final Instant confirmedAt;
    private final Instant sentAt;
    private final Instant retryingSince;
    private final Integer lastHttpStatus;
    private final String lastError;

    private QueuedConversion(Builder b) {
        this.id = b.id;
        this.site = b.site;
        this.operation = b.operation;
        this.orderKey = b.orderKey;
        this.payload = b.payload;
        this.reference = b.reference;
        this.status = b.status;
        this.attempts = b.attempts;
        this.nextAttemptAt = b.nextAttemptAt;
        this.leaseUntil = b.leaseUntil;
        this.claimedBy = b.claimedBy;
        this.version = b.version;
        this.createdAt = b.createdAt;
        this.queuedAt = b.queuedAt;
        this.updatedAt = b.updatedAt;
        this.confirmedAt = b.confirmedAt;
        this.sentAt = b.sentAt;
        this.retryingSince = b.retryingSince;
        this.lastHttpStatus = b.lastHttpStatus;
        this.lastError = b.lastError;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).site(site).operation(operation).orderKey(orderKey).payload(payload)
                .reference(reference)
                .status(status).attempts(attempts).nextAttemptAt(nextAttemptAt).leaseUntil(leaseUntil)
                .claimedBy(claimedBy).version(version).createdAt(createdAt).queuedAt(queuedAt)
                .updatedAt(updatedAt).confirmedAt(confirmedAt).sentAt(sentAt).retryingSince(retryingSince)
                .lastHttpStatus(lastHttpStatus)
                .lastError(lastError);
    }

    public long id() {
        return id;
    }

    public String site() {
        return site;
    }

    public LeadOperation operation() {
        return operation;
    }

    /** The order number (or, for non-order calls, whatever key makes the call unique per site). */
    public String orderKey() {
        return orderKey;
    }

    /** The JSON body sent to Rejoiner; null while the row holds only a {@link #reference()}. */
    public String payload() {
        return payload;
    }

    /**
     * What {@link PayloadBuilder} builds the body from (queued with {@link ConversionQueue#enqueueReference}),
     * or null when the row holds its body.
     */
    public String reference() {
        return reference;
    }

    public QueueStatus status() {
        return status;
    }

    /** Calls that reached a verdict for this row (2xx, 400 or transient); site-level pauses don't count. */
    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** End of the current claim, or null when not claimed. */
    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** Node that claimed the row last. */
    public String claimedBy() {
        return claimedBy;
    }

    /** Optimistic-lock counter; every state change increments it. */
    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the row last entered the queue (enqueue or operator retry); "oldest pending age" counts from here. */
    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the order was confirmed as submitted, or null while not (yet). */
    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /**
     * Start of the current run of transient failures, or null. The max age counts from here, so
     * time spent waiting for a paused site or for the order's submission never fails a row.
     */
    public Instant retryingSince() {
        return retryingSince;
    }

    /** HTTP status of the last call, 0 when no response arrived, null before the first call. */
    public Integer lastHttpStatus() {
        return lastHttpStatus;
    }

    /** Last error or, for a 400, Rejoiner's response body (truncated). */
    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "QueuedConversion{id=" + id + ", site=" + site + ", " + operation + " " + orderKey + ", " + status
                + ", attempts=" + attempts + ", next=" + nextAttemptAt + ", v" + version + "}";
    }

    /** Builder used by the store and by tests. */
    public static final class Builder {
        private long id;
        private String site;
        private LeadOperation operation;
        private String orderKey;
        private String payload;
        private String reference;
        private QueueStatus status;
        private int attempts;
        private Instant nextAttemptAt;
        private Instant leaseUntil;
        private String claimedBy;
        private int version;
        private Instant createdAt;
        private Instant queuedAt;
        private Instant updatedAt;
        private Instant confirmedAt;
        private Instant sentAt;
        private Instant retryingSince;
        private Integer lastHttpStatus;
        private String lastError;

        private Builder() {
        }

        public Builder id(long v) {
            id = v;
            return this;
        }

        public Builder site(String v) {
            site = v;
            return this;
        }

        public Builder operation(LeadOperation v) {
            operation = v;
            return this;
        }

        public Builder orderKey(String v) {
            orderKey = v;
            return this;
        }

        public Builder payload(String v) {
            payload = v;
            return this;
        }

        public Builder reference(String v) {
            reference = v;
            return this;
        }

        public Builder status(QueueStatus v) {
            status = v;
            return this;
        }

        public Builder attempts(int v) {
            attempts = v;
            return this;
        }

        public Builder nextAttemptAt(Instant v) {
            nextAttemptAt = v;
            return this;
        }

        public Builder leaseUntil(Instant v) {
            leaseUntil = v;
            return this;
        }

        public Builder claimedBy(String v) {
            claimedBy = v;
            return this;
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder queuedAt(Instant v) {
            queuedAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        public Builder confirmedAt(Instant v) {
            confirmedAt = v;
            return this;
        }

        public Builder sentAt(Instant v) {
            sentAt = v;
            return this;
        }

        public Builder retryingSince(Instant v) {
            retryingSince = v;
            return this;
        }

        public Builder lastHttpStatus(Integer v) {
            lastHttpStatus = v;
            return this;
        }

        public Builder lastError(String v) {
            lastError = v;
            return this;
        }

        public QueuedConversion build() {
            return new QueuedConversion(this);
        }
    }
}
