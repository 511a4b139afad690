package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.broadleaf.checkout.LeadConversionFactory;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import org.broadleafcommerce.core.order.domain.Order;

/**
 * The checkout activity's {@link LeadConversionFactory} on top of {@link OrderMapper}, so the REST
 * {@code lead/convert} carries exactly what the confirmation page's {@code sendConversion} does
 * (same product ids, cart value, items, promo and return URL).
 */
public class OrderMapperLeadConversionFactory implements LeadConversionFactory {

    private final OrderMapper mapper;

    public OrderMapperLeadConversionFactory(OrderMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public LeadConversion fromOrder(Order order, RejoinerSettings settings, String storeBaseUrl) {
        return mapper.leadConversion(order, settings, storeBaseUrl);
    }
}
