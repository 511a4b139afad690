package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.web.controller.checkout.BroadleafOrderConfirmationController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The thank-you page; Broadleaf shows it only to the customer who placed the order. */
@Controller
public class OrderConfirmationController extends BroadleafOrderConfirmationController {

    @Override
    @RequestMapping(value = "/confirmation/{orderNumber}", method = RequestMethod.GET)
    public String displayOrderConfirmationByOrderNumber(@PathVariable("orderNumber") String orderNumber, Model model,
                                                        HttpServletRequest request, HttpServletResponse response) {
        String view = super.displayOrderConfirmationByOrderNumber(orderNumber, model, request, response);
        if (view == null) {
            // Unknown order, or someone else's: the same answer for both, so order numbers cannot be probed.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "content/notFound";
        }
        return view;
    }
}
