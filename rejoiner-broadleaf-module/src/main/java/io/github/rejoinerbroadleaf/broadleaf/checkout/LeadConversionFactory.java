package io.github.rejoinerbroadleaf.broadleaf.checkout;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import org.broadleafcommerce.core.order.domain.Order;

/** Turns a submitted order into the body of Rejoiner's {@code lead/convert} call. */
public interface LeadConversionFactory {

    /**
     * The conversion for this order, or null when it cannot be converted (no e-mail address).
     *
     * @param storeBaseUrl absolute base URL for product, image and return links; may be null
     */
    LeadConversion fromOrder(Order order, RejoinerSettings settings, String storeBaseUrl);
}
