package io.github.rejoinerbroadleaf.broadleaf.checkout;

import io.github.rejoinerbroadleaf.broadleaf.delivery.CommitWakeUp;
import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadPayloads;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutSeed;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.BaseActivity;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkout workflow activity, ordered after Broadleaf's CompleteOrderActivity (6000), that queues
 * one Rejoiner {@code lead/convert} per paid order. It only snapshots the order and inserts a
 * row: no network call, and never an exception into checkout. The delivery worker sends the row
 * once the order is confirmed as submitted, so a checkout that fails after this point sends nothing.
 */
public class RejoinerConversionActivity extends BaseActivity<ProcessContext<CheckoutSeed>> {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerConversionActivity.class);

    private final RejoinerSettingsService settingsService;
    private final LeadConversionFactory conversions;
    private final ConversionQueue queue;
    private final CommitWakeUp wakeUp;
    private final AtomicLong queueFailures = new AtomicLong();
    private MissingCredentialsAlarm missingCredentials = new MissingCredentialsAlarm(Clock.systemUTC());

    public RejoinerConversionActivity(RejoinerSettingsService settingsService, LeadConversionFactory conversions,
                                      ConversionQueue queue) {
        this(settingsService, conversions, queue, null);
    }

    /** @param wakeUp wakes the local worker when checkout commits; null to leave the row to the next poll */
    public RejoinerConversionActivity(RejoinerSettingsService settingsService, LeadConversionFactory conversions,
                                      ConversionQueue queue, CommitWakeUp wakeUp) {
        this.settingsService = settingsService;
        this.conversions = conversions;
        this.queue = queue;
        this.wakeUp = wakeUp;
        setOrder(7000);
    }

    @Override
    public ProcessContext<CheckoutSeed> execute(ProcessContext<CheckoutSeed> context) throws Exception {
        Order order = context.getSeedData() == null ? null : context.getSeedData().getOrder();
        if (order == null) {
            return context;
        }
        try {
            queueConversion(order);
        } catch (Throwable e) {
            // The order is paid and must complete; the conversion is lost only for Rejoiner's REST side.
            queueFailures.incrementAndGet();
            LOG.error("REJOINER CONVERSION NOT QUEUED for order {}: {}", order.getOrderNumber(), e.toString(), e);
        }
        return context;
    }

    private void queueConversion(Order order) {
        RejoinerSettings settings = settingsService.current();
        if (!settings.conversionsEnabled()) {
            return;
        }
        if (!settings.isConversionsActive()) {
            // Never queue what can never be sent (the row would hold the shopper's e-mail indefinitely).
            missingCredentials.orderNotQueued(order.getOrderNumber());
            return;
        }
        LeadConversion conversion = conversions.fromOrder(order, settings, StoreContext.baseUrl(settings.storeBaseUrl()));
        if (conversion == null) {
            LOG.info("Order {} has no usable e-mail address; no Rejoiner conversion queued", order.getOrderNumber());
            return;
        }
        boolean queued = queue.enqueue(StoreContext.currentSite(), LeadOperation.CONVERT, order.getOrderNumber(),
                LeadPayloads.conversion(conversion));
        if (!queued) {
            LOG.debug("Rejoiner conversion for order {} was already queued", order.getOrderNumber());
        } else if (wakeUp != null) {
            wakeUp.afterCommit();
        }
    }

    /** Replaces the alarm for missing credentials, e.g. one with a test clock. */
    public void setMissingCredentialsAlarm(MissingCredentialsAlarm alarm) {
        this.missingCredentials = alarm;
    }

    /** Conversions that could not even be queued since start-up (each was logged at ERROR). */
    public long queueFailures() {
        return queueFailures.get();
    }
}
