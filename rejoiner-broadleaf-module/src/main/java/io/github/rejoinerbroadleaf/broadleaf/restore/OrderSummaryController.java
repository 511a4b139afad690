package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /rejoiner/order?t=...}: the read-only summary of the one submitted order a signed link
 * names (the {@code return_url} of a guest's converted order). It changes nothing, logs nobody in and
 * shows only that order; a bad or expired link gets 404 / 410 with the view's message.
 *
 * <p>The store renders the view ({@link #setView(String)}, default {@code rejoiner/orderSummary})
 * with the model attribute {@value #ORDER} (the order) or {@value #MESSAGE} (why not).
 */
@Controller
public class OrderSummaryController {

    public static final String ORDER = "rejoinerOrder";
    public static final String MESSAGE = "rejoinerOrderMessage";

    private static final Logger LOG = LoggerFactory.getLogger(OrderSummaryController.class);

    private final OrderSummaryLinks links;
    private final OrderService orderService;
    private String view = "rejoiner/orderSummary";

    public OrderSummaryController(OrderSummaryLinks links, OrderService orderService) {
        this.links = links;
        this.orderService = orderService;
    }

    public void setView(String view) {
        this.view = view;
    }

    @RequestMapping(value = OrderSummaryLinks.PATH, method = RequestMethod.GET)
    public String show(@RequestParam(value = OrderSummaryLinks.TOKEN_PARAMETER, required = false) String token,
                       HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        long orderId;
        try {
            orderId = links.verify(token);
        } catch (InvalidRestoreTokenException e) {
            LOG.info("Refused an order summary link: {} ({} characters)", e.reason(), token == null ? 0 : token.length());
            boolean expired = e.reason() == InvalidRestoreTokenException.Reason.EXPIRED;
            response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute(MESSAGE, expired ? "This order link has expired." : "This order link is not valid.");
            return view;
        } catch (RuntimeException e) {
            LOG.warn("Order summary links cannot be checked now: {}", e.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute(MESSAGE, "Order links cannot be opened right now. Please try again later.");
            return view;
        }
        Order order = orderService.findOrderById(orderId);
        if (order == null || order.getStatus() == null || OrderStatus.IN_PROCESS.equals(order.getStatus())
                || OrderStatus.NAMED.equals(order.getStatus())) {
            // Only orders, never carts or wish lists, are shown.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute(MESSAGE, "This order link is not valid.");
            return view;
        }
        model.addAttribute(ORDER, order);
        return view;
    }

    /** Read-only: HEAD (link checkers) and every other method answer 405. */
    @RequestMapping(value = OrderSummaryLinks.PATH, method = {RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH})
    public void otherMethods(HttpServletResponse response) {
        RestoreLinkRequestFilter.methodNotAllowed(response);
    }
}
