package io.github.rejoinerbroadleaf.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadPayloads;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;

/**
 * What the application's own checkout code calls: queues a Rejoiner {@code lead/convert} (or
 * {@code lead/cancel}) in the durable queue; the delivery worker sends it with retries. One INSERT
 * on the application's {@code DataSource}, no network, never throws, at most once per order number.
 *
 * <p>Call {@link #convert} after the order is committed. The worker asks the {@link SubmissionCheck}
 * bean before it sends a conversion; the starter's default answers "submitted" for every order, so
 * an application that queues earlier (inside its checkout transaction) should define its own.
 */
public class RejoinerConversions {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerConversions.class);

    private final ConversionQueue queue;
    private final String site;
    private final boolean enabled;

    /**
     * @param site    the queue's site key (the starter uses {@code rejoiner.site-id})
     * @param enabled {@code rejoiner.conversions-enabled}: when false nothing is queued
     */
    public RejoinerConversions(ConversionQueue queue, String site, boolean enabled) {
        if (queue == null || site == null || site.isEmpty()) {
            throw new IllegalArgumentException("queue and site are required");
        }
        this.queue = queue;
        this.site = site;
        this.enabled = enabled;
    }

    /**
     * Queues the conversion of an order.
     *
     * @return true if it was queued now; false when conversions are off, the order number was queued
     *         before, or it could not be queued (logged at ERROR)
     */
    public boolean convert(String orderNumber, LeadConversion conversion) {
        if (!enabled) {
            LOG.debug("Rejoiner conversions are off; order {} not queued", orderNumber);
            return false;
        }
        if (conversion == null) {
            LOG.error("REJOINER CONVERSION NOT QUEUED for order {}: no conversion given", orderNumber);
            return false;
        }
        try {
            return queue.enqueue(site, LeadOperation.CONVERT, orderNumber, LeadPayloads.conversion(conversion));
        } catch (RuntimeException e) {
            LOG.error("REJOINER CONVERSION NOT QUEUED for order {}: {}", orderNumber, e.toString(), e);
            return false;
        }
    }

    /**
     * Queues a {@code lead/cancel} for a cancelled order's e-mail address, so Rejoiner stops that
     * shopper's campaigns.
     *
     * @return true if it was queued now (see {@link #convert})
     */
    public boolean cancel(String orderNumber, String email) {
        if (!enabled) {
            return false;
        }
        try {
            return queue.enqueue(site, LeadOperation.CANCEL, orderNumber, LeadPayloads.email(email));
        } catch (RuntimeException e) {
            LOG.error("REJOINER CANCEL NOT QUEUED for order {}: {}", orderNumber, e.toString(), e);
            return false;
        }
    }

    /** The site key the rows are queued under. */
    public String site() {
        return site;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The queue, for operations (counts, listing, retry, discard). */
    public ConversionQueue queue() {
        return queue;
    }
}
