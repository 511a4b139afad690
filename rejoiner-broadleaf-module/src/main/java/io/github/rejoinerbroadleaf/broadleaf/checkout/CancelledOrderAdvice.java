package io.github.rejoinerbroadleaf.broadleaf.checkout;

import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadPayloads;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Around {@code OrderService.cancelOrder}: when a store cancels an order that was submitted, a
 * Rejoiner {@code lead/cancel} for the order's e-mail is queued through the same durable queue as
 * conversions. Broadleaf also "cancels" abandoned carts this way; those were never submitted and
 * are left alone.
 */
public class CancelledOrderAdvice implements MethodInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CancelledOrderAdvice.class);

    private final RejoinerSettingsService settingsService;
    private final ConversionQueue queue;

    public CancelledOrderAdvice(RejoinerSettingsService settingsService, ConversionQueue queue) {
        this.settingsService = settingsService;
        this.queue = queue;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object[] arguments = invocation.getArguments();
        Order order = arguments.length > 0 && arguments[0] instanceof Order ? (Order) arguments[0] : null;
        boolean wasSubmitted = order != null && OrderStatus.SUBMITTED.equals(order.getStatus());
        String orderNumber = wasSubmitted ? order.getOrderNumber() : null;
        String email = wasSubmitted ? order.getEmailAddress() : null;

        Object result = invocation.proceed();

        if (wasSubmitted) {
            queueCancel(orderNumber, email);
        }
        return result;
    }

    private void queueCancel(String orderNumber, String email) {
        try {
            if (!settingsService.current().conversionsEnabled() || email == null) {
                return;
            }
            queue.enqueue(StoreContext.currentSite(), LeadOperation.CANCEL, orderNumber, LeadPayloads.email(email));
        } catch (RuntimeException e) {
            LOG.error("REJOINER CANCEL NOT QUEUED for order {}: {}", orderNumber, e.toString(), e);
        }
    }
}
