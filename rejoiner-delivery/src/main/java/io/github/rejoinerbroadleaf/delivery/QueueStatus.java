package io.github.rejoinerbroadleaf.delivery;

/**
 * Life cycle of one queued lead call.
 *
 * <pre>
 *   QUEUED --claim--> SENDING --2xx--> SENT --(retention)--> purged
 *     ^                  |  \--400 / too old--> FAILED --retry--> QUEUED
 *     |                  |
 *     +--5xx, 401/403, not yet submitted, released on shutdown
 *   any but SENT --discard--> DISCARDED
 * </pre>
 */
public enum QueueStatus {
    /** Waiting for {@code NEXT_ATTEMPT_AT}; deliverable when it has passed and its site is not paused. */
    QUEUED,
    /** Claimed by a node until {@code LEASE_UNTIL}; claimable again once the lease has expired. */
    SENDING,
    /** Rejoiner answered 2xx. */
    SENT,
    /** Dead letter: Rejoiner rejected the payload (400) or transient failures lasted longer than the max age. */
    FAILED,
    /** Given up on purpose: by an operator, or because the order was never confirmed as submitted. */
    DISCARDED
}
