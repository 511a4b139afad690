package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.LeadOperation;

/**
 * Builds the JSON body of a row that was queued with a reference instead of a body
 * ({@link ConversionQueue#enqueueReference}), on a delivery thread just before its first send. The
 * store implements it (the Broadleaf module reads the submitted order and maps it), so checkout
 * only records what cannot be recovered later and pays nothing for the mapping.
 *
 * <p>Once built, the body is kept in the row with the outcome of that send: retries and an
 * operator's retry send the same body, as for rows queued with a body.
 *
 * <p>Implementations must be thread-safe; they run on the sender threads, outside any transaction
 * of the worker (open their own if they need one).
 */
public interface PayloadBuilder {

    /**
     * @param reference the text given to {@link ConversionQueue#enqueueReference}
     * @return the complete JSON body for Rejoiner
     * @throws PayloadUnavailableException when the body can never be built (the order is gone, has no
     *         e-mail address): the row becomes DISCARDED with the reason, nothing is sent
     * @throws RuntimeException for a failure that may pass (database unreachable): the row is retried
     *         with the usual backoff and becomes FAILED after the max age, like a failed send
     */
    String build(String site, LeadOperation operation, String orderKey, String reference)
            throws PayloadUnavailableException;
}
