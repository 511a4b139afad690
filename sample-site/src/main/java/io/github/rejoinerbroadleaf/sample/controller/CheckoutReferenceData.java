package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.order.service.FulfillmentOptionService;
import org.broadleafcommerce.profile.core.service.StateService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import javax.annotation.Resource;

/** The lists the checkout page's shipping form offers: shipping options and US states. */
@Component("sampleCheckoutReferenceData")
public class CheckoutReferenceData {

    @Resource(name = "blFulfillmentOptionService")
    protected FulfillmentOptionService fulfillmentOptionService;

    @Resource(name = "blStateService")
    protected StateService stateService;

    public void addTo(Model model) {
        model.addAttribute("fulfillmentOptions", fulfillmentOptionService.readAllFulfillmentOptions());
        model.addAttribute("states", stateService.findStates("US"));
    }
}
