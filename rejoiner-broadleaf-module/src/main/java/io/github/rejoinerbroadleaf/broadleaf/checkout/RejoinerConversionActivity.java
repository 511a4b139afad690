package io.github.rejoinerbroadleaf.broadleaf.checkout;

import io.github.rejoinerbroadleaf.broadleaf.delivery.CheckoutWakeUp;
import io.github.rejoinerbroadleaf.broadleaf.delivery.OrderConversionPayloads;
import io.github.rejoinerbroadleaf.broadleaf.mapping.CustomerFacts;
import io.github.rejoinerbroadleaf.broadleaf.mapping.StoreUrls;
import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import org.broadleafcommerce.common.i18n.service.TranslationConsiderationContext;
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
 * one Rejoiner {@code lead/convert} per paid order. It records only what cannot be recovered later
 * ({@link OrderConversionPayloads#reference}: order id, base URL, locale, the settings the body
 * depends on) and inserts one row: no mapping, no network call, and never an exception into
 * checkout. The delivery worker builds the body from the stored order and sends it once the order
 * is confirmed as submitted, so a checkout that fails after this point sends nothing.
 */
public class RejoinerConversionActivity extends BaseActivity<ProcessContext<CheckoutSeed>> {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerConversionActivity.class);

    private final RejoinerSettingsService settingsService;
    private final ConversionQueue queue;
    private final CheckoutWakeUp wakeUp;
    private final AtomicLong queueFailures = new AtomicLong();
    private MissingCredentialsAlarm missingCredentials = new MissingCredentialsAlarm(Clock.systemUTC());

    public RejoinerConversionActivity(RejoinerSettingsService settingsService, ConversionQueue queue) {
        this(settingsService, queue, null);
    }

    /** @param wakeUp wakes the local worker when checkout has finished; null to leave the row to the next poll */
    public RejoinerConversionActivity(RejoinerSettingsService settingsService, ConversionQueue queue,
                                      CheckoutWakeUp wakeUp) {
        this.settingsService = settingsService;
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
        if (CustomerFacts.conversionEmail(order) == null) {
            LOG.info("Order {} has no usable e-mail address; no Rejoiner conversion queued", order.getOrderNumber());
            return;
        }
        String reference = OrderConversionPayloads.reference(order, settings,
                StoreContext.baseUrl(settings.storeBaseUrl()), StoreUrls.localeCode(),
                TranslationConsiderationContext.hasTranslation());
        boolean queued = queue.enqueueReference(StoreContext.currentSite(), LeadOperation.CONVERT,
                order.getOrderNumber(), reference);
        if (!queued) {
            LOG.debug("Rejoiner conversion for order {} was already queued", order.getOrderNumber());
        } else if (wakeUp != null) {
            wakeUp.orderQueued();
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
