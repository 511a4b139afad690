package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.LeadSender;

/**
 * Gives the worker the sender for a site at the moment of sending. Looked up again for every
 * delivery because an admin can change keys or switch REST conversions off at runtime. Also asked
 * while rows are being claimed (inside a short transaction), so it must be cheap and thread-safe:
 * read cached settings, don't call out.
 */
public interface LeadSenderProvider {

    /**
     * @return the sender for {@code site}, or {@code null} when REST delivery is switched off for
     *         that site; its rows then stay {@link QueueStatus#QUEUED} untouched until it is switched on
     */
    LeadSender forSite(String site);
}
