package io.github.rejoinerbroadleaf.delivery;

/**
 * Answers whether an order is really saved as submitted, consulted by the worker before the first
 * delivery of a {@code CONVERT} row.
 *
 * <p>Why a worker-side check rather than enqueueing inside the order's transaction or a
 * hold/release pair: the checkout activity that enqueues runs before Broadleaf has committed the
 * submitted order, and a later activity or a rollback may still undo it. Sharing the JPA transaction
 * would need Spring's transaction-bound connection (the queue is plain JDBC) and would make the
 * enqueue part of checkout's failure modes; a hold/release pair needs a second hook after the commit
 * that may never run. A check at send time needs nothing from the caller: the enqueue commits on its
 * own connection at once, and the worker asks the store's own order service (for Broadleaf: order
 * found by number with status SUBMITTED) before sending. Until the answer is yes, the row is deferred
 * by {@link DeliverySettings#submissionRecheckInterval()}, without counting an attempt; if it is
 * still not submitted after {@link DeliverySettings#submissionWindow()} the row becomes
 * {@link QueueStatus#DISCARDED} (a checkout that failed after the enqueue). Once confirmed, the time
 * is stored in {@code CONFIRMED_AT} and retries don't ask again.
 *
 * <p>Implementations must be thread-safe and should be quick (one indexed lookup). An exception
 * counts as "not yet".
 */
public interface SubmissionCheck {

    /** For stores or tests that enqueue only after the order is known to be submitted. */
    SubmissionCheck ALWAYS_SUBMITTED = new SubmissionCheck() {
        @Override
        public boolean isSubmitted(String site, String orderKey) {
            return true;
        }
    };

    boolean isSubmitted(String site, String orderKey);
}
