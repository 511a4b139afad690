package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.web.controller.account.BroadleafOrderHistoryController;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The logged-in customer's submitted orders. */
@Controller
@RequestMapping("/account/orders")
public class OrderHistoryController extends BroadleafOrderHistoryController {

    @Override
    @RequestMapping(method = RequestMethod.GET)
    public String viewOrderHistory(HttpServletRequest request, Model model) {
        return super.viewOrderHistory(request, model);
    }

    /** Broadleaf 3.1 shows any order by number; the sample shows only the customer's own. */
    @RequestMapping(value = "/{orderNumber}", method = RequestMethod.GET)
    public String viewOwnOrder(HttpServletResponse response, Model model, @PathVariable("orderNumber") String orderNumber) {
        Order order = orderService.findOrderByOrderNumber(orderNumber);
        if (order == null || !order.getCustomer().equals(CustomerState.getCustomer())) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "content/notFound";
        }
        model.addAttribute("order", order);
        return "account/orderDetails";
    }
}
