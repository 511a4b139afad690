package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.common.extension.ExtensionResultStatusType;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.web.controller.checkout.AbstractConfirmationControllerExtensionHandler;
import org.broadleafcommerce.core.web.controller.checkout.ConfirmationControllerExtensionManager;

/**
 * Broadleaf calls this from {@code BroadleafOrderConfirmationController} when it shows an order's
 * confirmation page to its customer: the order is recorded for this response, and the page's
 * Rejoiner script then carries {@code sendConversion} if the order was never converted before
 * ({@link PageConversionMarker}). Registered with {@code blConfirmationControllerExtensionManager}
 * by {@link #register()} (the module XML's init-method).
 */
public class RejoinerConfirmationExtensionHandler extends AbstractConfirmationControllerExtensionHandler {

    private final ConfirmationControllerExtensionManager extensionManager;
    private final StorefrontTracker tracker;

    public RejoinerConfirmationExtensionHandler(ConfirmationControllerExtensionManager extensionManager,
                                                StorefrontTracker tracker) {
        this.extensionManager = extensionManager;
        this.tracker = tracker;
    }

    public void register() {
        if (isEnabled()) {
            extensionManager.registerHandler(this);
        }
    }

    @Override
    public ExtensionResultStatusType processAdditionalConfirmationActions(Order order) {
        try {
            tracker.confirmationShown(RejoinerVariableExpression.request(), order);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("confirmation handler", e);
        }
        return ExtensionResultStatusType.NOT_HANDLED;
    }
}
