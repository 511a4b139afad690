package io.github.rejoinerbroadleaf.sample.controller;

import io.github.rejoinerbroadleaf.sample.web.SamplePaymentTypes;
import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.common.payment.PaymentType;
import org.broadleafcommerce.common.vendor.service.exception.PaymentException;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.checkout.model.OrderInfoForm;
import org.broadleafcommerce.core.web.checkout.model.ShippingInfoForm;
import org.broadleafcommerce.core.web.controller.checkout.BroadleafCheckoutController;
import org.broadleafcommerce.core.web.order.CartState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One-page checkout: e-mail, shipping address and option, then the sample's test payment,
 * which Broadleaf's passthrough flow authorizes and captures at once.
 */
@Controller
public class CheckoutController extends BroadleafCheckoutController {

    @Resource(name = "sampleCheckoutReferenceData")
    protected CheckoutReferenceData referenceData;

    @RequestMapping(value = "/checkout", method = RequestMethod.GET)
    public String checkout(HttpServletRequest request, HttpServletResponse response, Model model,
                           @ModelAttribute("orderInfoForm") OrderInfoForm orderInfoForm,
                           @ModelAttribute("shippingInfoForm") ShippingInfoForm shippingForm,
                           RedirectAttributes redirectAttributes) {
        if (isEmpty(CartState.getCart())) {
            return getCartPageRedirect();
        }
        referenceData.addTo(model);
        return super.checkout(request, response, model, redirectAttributes);
    }

    @RequestMapping(value = "/checkout/savedetails", method = RequestMethod.POST)
    public String saveGlobalOrderDetails(HttpServletRequest request, Model model,
                                         @ModelAttribute("shippingInfoForm") ShippingInfoForm shippingForm,
                                         @ModelAttribute("orderInfoForm") OrderInfoForm orderInfoForm,
                                         BindingResult result) throws ServiceException {
        if (isEmpty(CartState.getCart())) {
            return getCartPageRedirect();
        }
        referenceData.addTo(model);
        return super.saveGlobalOrderDetails(request, model, orderInfoForm, result);
    }

    /** The sample's test payment: no card, no gateway; the order is paid in full at once. */
    @RequestMapping(value = "/checkout/test-payment/complete", method = RequestMethod.POST)
    public String completeWithTestPayment(RedirectAttributes redirectAttributes)
            throws PaymentException, PricingException {
        Order cart = CartState.getCart();
        if (isEmpty(cart)) {
            return getCartPageRedirect();
        }
        if (cart.getEmailAddress() == null || cart.getFulfillmentGroups().isEmpty()
                || cart.getFulfillmentGroups().get(0).getAddress() == null) {
            redirectAttributes.addAttribute("checkoutError", "Please enter your e-mail and shipping address first.");
            return getCheckoutPageRedirect();
        }
        PaymentType testPayment = SamplePaymentTypes.TEST_PAYMENT;
        return super.processPassthroughCheckout(redirectAttributes, testPayment);
    }

    @InitBinder
    protected void initBinder(HttpServletRequest request, ServletRequestDataBinder binder) throws Exception {
        super.initBinder(request, binder);
    }

    private static boolean isEmpty(Order cart) {
        return cart == null || cart instanceof NullOrderImpl || cart.getOrderItems().isEmpty();
    }
}
