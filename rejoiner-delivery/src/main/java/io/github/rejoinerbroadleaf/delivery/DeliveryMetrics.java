package io.github.rejoinerbroadleaf.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of this node since it started (not cluster-wide: the queue's counts are). Cheap enough to
 * be bumped on every row; read them for monitoring with {@link #snapshot()}.
 */
public final class DeliveryMetrics {

    final AtomicLong enqueued = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong enqueueFailures = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong ioFailures = new AtomicLong();
    final AtomicLong reclaimedLeases = new AtomicLong();
    final AtomicLong lostLeases = new AtomicLong();
    final AtomicLong sitePauses = new AtomicLong();
    final AtomicLong awaitingSubmission = new AtomicLong();
    final AtomicLong discardedUnsubmitted = new AtomicLong();
    final AtomicLong discardedUnbuildable = new AtomicLong();
    final AtomicLong purged = new AtomicLong();
    final AtomicLong leaseRenewals = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    void lastError(Instant at, String error) {
        // One volatile pair, written rarely (failures only); a reader may see the text of a newer failure.
        this.lastErrorAt = at;
        this.lastError = error;
    }

    /**
     * The last failure this node saw (HTTP status or I/O error, order or site, Rejoiner's answer,
     * shortened), or null. Never contains keys or secrets: those are not in requests' answers.
     */
    public String lastError() {
        return lastError;
    }

    /** When {@link #lastError()} happened, or null. */
    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Leases renewed while a send was still running (heartbeat of slow sends). */
    public long leaseRenewals() {
        return leaseRenewals.get();
    }

    /** Rows discarded by an operator through this node. */
    public long discarded() {
        return discarded.get();
    }

    /** New rows written by {@code enqueue}. */
    public long enqueued() {
        return enqueued.get();
    }

    /** {@code enqueue} calls for a key that was already queued (no-ops). */
    public long duplicates() {
        return duplicates.get();
    }

    /** {@code enqueue} calls that could not write (database down, invalid input); logged at ERROR. */
    public long enqueueFailures() {
        return enqueueFailures.get();
    }

    /** Rows Rejoiner accepted. */
    public long delivered() {
        return delivered.get();
    }

    /** Transient failures that were rescheduled with backoff. */
    public long retried() {
        return retried.get();
    }

    /** Rows that became FAILED (400 or max age). */
    public long failed() {
        return failed.get();
    }

    /**
     * Transient failures without any HTTP response (timeout, reset). Rejoiner may have processed
     * such a request, so each of them may turn into one duplicate call on retry.
     */
    public long ioFailures() {
        return ioFailures.get();
    }

    /**
     * Rows claimed again after another claim's lease expired: the other node died or stalled,
     * possibly after Rejoiner accepted the call, so each is a possible duplicate call.
     */
    public long reclaimedLeases() {
        return reclaimedLeases.get();
    }

    /** Outcomes this node could not record because its lease had been taken over meanwhile. */
    public long lostLeases() {
        return lostLeases.get();
    }

    /** Sites this node paused (401/403/404). */
    public long sitePauses() {
        return sitePauses.get();
    }

    /** Deliveries deferred because the order was not (yet) confirmed as submitted. */
    public long awaitingSubmission() {
        return awaitingSubmission.get();
    }

    /** Rows discarded because their body could not be built (order gone, no e-mail address). */
    public long discardedUnbuildable() {
        return discardedUnbuildable.get();
    }

    /** Rows discarded because the order was never confirmed as submitted. */
    public long discardedUnsubmitted() {
        return discardedUnsubmitted.get();
    }

    /** Rows deleted by retention purges run on this node. */
    public long purged() {
        return purged.get();
    }

    /** All counters by name, in a stable order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<String, Long>();
        m.put("enqueued", enqueued());
        m.put("duplicates", duplicates());
        m.put("enqueueFailures", enqueueFailures());
        m.put("delivered", delivered());
        m.put("retried", retried());
        m.put("failed", failed());
        m.put("ioFailures", ioFailures());
        m.put("reclaimedLeases", reclaimedLeases());
        m.put("lostLeases", lostLeases());
        m.put("sitePauses", sitePauses());
        m.put("awaitingSubmission", awaitingSubmission());
        m.put("discardedUnsubmitted", discardedUnsubmitted());
        m.put("discardedUnbuildable", discardedUnbuildable());
        m.put("purged", purged());
        m.put("leaseRenewals", leaseRenewals());
        m.put("discarded", discarded());
        return m;
    }

    @Override
    public String toString() {
        return "DeliveryMetrics" + snapshot();
    }
}
