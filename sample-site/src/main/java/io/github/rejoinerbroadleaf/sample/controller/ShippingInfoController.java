package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.checkout.model.ShippingInfoForm;
import org.broadleafcommerce.core.web.controller.checkout.BroadleafShippingInfoController;
import org.broadleafcommerce.core.web.order.CartState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Saves the single shipping address and option of the checkout page. */
@Controller
public class ShippingInfoController extends BroadleafShippingInfoController {

    @Resource(name = "sampleCheckoutReferenceData")
    protected CheckoutReferenceData referenceData;

    @RequestMapping(value = "/checkout/singleship", method = RequestMethod.POST)
    public String saveSingleShip(HttpServletRequest request, HttpServletResponse response, Model model,
                                 @ModelAttribute("shippingInfoForm") ShippingInfoForm shippingForm,
                                 BindingResult result) throws PricingException, ServiceException {
        if (CartState.getCart() == null || CartState.getCart() instanceof NullOrderImpl) {
            return getCartPageRedirect();
        }
        String view = super.saveSingleShip(request, response, model, shippingForm, result);
        if (result.hasErrors()) {
            // The checkout page is rendered again in this request: give it its lists back.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            referenceData.addTo(model);
        }
        return view;
    }

    @InitBinder
    protected void initBinder(HttpServletRequest request, ServletRequestDataBinder binder) throws Exception {
        super.initBinder(request, binder);
    }
}
