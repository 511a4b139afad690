package io.github.rejoinerbroadleaf.core;

/**
 * Sends one lead call with a ready JSON body. The delivery queue depends on this interface
 * only, so that it can be tested against any transport and never builds HTTP itself.
 * Implementations never throw for network or HTTP problems: they classify them.
 */
public interface LeadSender {
    DeliveryOutcome send(LeadOperation operation, String jsonBody);
}
