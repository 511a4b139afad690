package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.web.order.model.AddToCartItem;
import org.broadleafcommerce.core.order.service.exception.AddToCartException;
import org.broadleafcommerce.core.order.service.exception.RemoveFromCartException;
import org.broadleafcommerce.core.order.service.exception.UpdateCartException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.cart.BroadleafCartController;
import org.broadleafcommerce.core.web.order.CartState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cart (Heat Clinic URLs). Requests Broadleaf would turn into an exception page are answered
 * here with a 400 and a message on the cart page: unknown products, and quantities outside 1..99.
 *
 * <p>As in Broadleaf's demo store, the store's JavaScript ({@code js/cart.js}) posts "Add to cart"
 * by XHR and gets JSON ({@code X-Requested-With: XMLHttpRequest} or {@code Accept: application/json});
 * quantity changes, removals and offer codes by XHR get the cart as an HTML fragment (Broadleaf
 * renders AJAX requests without a layout). Without JavaScript the same forms post normally and
 * redirect to the cart.
 */
@Controller
@RequestMapping("/cart")
public class CartController extends BroadleafCartController {

    private static final Log LOG = LogFactory.getLog(CartController.class);

    /** Largest quantity of one line a shopper can ask for in one request. */
    static final int MAX_QUANTITY = 99;

    private static final String NOT_A_NUMBER = "Please enter a valid product and quantity.";

    @Override
    @RequestMapping(value = "", method = RequestMethod.GET)
    public String cart(HttpServletRequest request, HttpServletResponse response, Model model) throws PricingException {
        return super.cart(request, response, model);
    }

    /** "Add to cart" by XHR: the same add, answered with JSON for the page's script. */
    @RequestMapping(value = "/add", method = RequestMethod.POST, headers = "X-Requested-With=XMLHttpRequest")
    @ResponseBody
    public Map<String, Object> addByXhr(HttpServletRequest request, HttpServletResponse response, Model model,
                                        @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding)
            throws IOException, PricingException {
        return addAsJson(request, response, model, item, binding);
    }

    /** "Add to cart" asking for JSON (e.g. {@code fetch} with {@code Accept: application/json}). */
    @RequestMapping(value = "/add", method = RequestMethod.POST, produces = "application/json")
    @ResponseBody
    public Map<String, Object> addAsJson(HttpServletRequest request, HttpServletResponse response, Model model,
                                         @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding)
            throws IOException, PricingException {
        Map<String, Object> json = new LinkedHashMap<String, Object>();
        String problem = binding.hasErrors() ? NOT_A_NUMBER : addProblem(item);
        if (problem == null) {
            try {
                super.add(request, response, model, item);
                Product product = catalogService.findProductById(item.getProductId());
                json.put("productId", item.getProductId());
                json.put("productName", product.getName());
                json.put("quantityAdded", item.getQuantity());
            } catch (AddToCartException e) {
                LOG.info("Add to cart refused for product " + item.getProductId() + ": " + e.getMessage());
                reattachCart();
                problem = "That product could not be added. Please choose its options and try again.";
            }
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            json.put("error", problem);
        }
        Order cart = CartState.getCart();
        json.put("cartItemCount", cart == null || cart.getId() == null ? 0 : cart.getItemCount());
        return json;
    }

    @RequestMapping(value = "/add", method = RequestMethod.POST)
    public String add(HttpServletRequest request, HttpServletResponse response, Model model,
                      @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding)
            throws IOException, PricingException {
        String problem = binding.hasErrors() ? NOT_A_NUMBER : addProblem(item);
        if (problem == null) {
            try {
                return super.add(request, response, model, item);
            } catch (AddToCartException e) {
                LOG.info("Add to cart refused for product " + item.getProductId() + ": " + e.getMessage());
                reattachCart();
                problem = "That product could not be added. Please choose its options and try again.";
            }
        }
        return rejected(response, model, problem);
    }

    @RequestMapping(value = "/updateQuantity", method = RequestMethod.POST)
    public String updateQuantity(HttpServletRequest request, HttpServletResponse response, Model model,
                                 @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding)
            throws IOException, PricingException {
        String problem = lineProblem(item, binding);
        if (problem != null) {
            return rejected(response, model, problem);
        }
        if (item.getQuantity() < 0 || item.getQuantity() > MAX_QUANTITY) {
            return rejected(response, model, "Quantity must be between 0 and " + MAX_QUANTITY + ".");
        }
        try {
            return super.updateQuantity(request, response, model, item);
        } catch (UpdateCartException e) {
            reattachCart();
            return rejected(response, model, "The quantity could not be changed.");
        } catch (RemoveFromCartException e) {
            reattachCart();
            return rejected(response, model, "The line could not be removed.");
        }
    }

    @RequestMapping(value = "/remove", method = RequestMethod.POST)
    public String remove(HttpServletRequest request, HttpServletResponse response, Model model,
                         @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding)
            throws IOException, PricingException {
        String problem = lineProblem(item, binding);
        if (problem != null) {
            return rejected(response, model, problem);
        }
        try {
            return super.remove(request, response, model, item);
        } catch (RemoveFromCartException e) {
            reattachCart();
            return rejected(response, model, "The line could not be removed.");
        }
    }

    @Override
    @RequestMapping(value = "/empty", method = RequestMethod.POST)
    public String empty(HttpServletRequest request, HttpServletResponse response, Model model) throws PricingException {
        return super.empty(request, response, model);
    }

    /** An offer code typed on the cart page; Broadleaf answers with the cart and, if refused, why. */
    @Override
    @RequestMapping(value = "/promo", method = RequestMethod.POST)
    public String addPromo(HttpServletRequest request, HttpServletResponse response, Model model,
                           @RequestParam(value = "promoCode", required = false) String promoCode)
            throws IOException, PricingException {
        if (promoCode == null || promoCode.trim().isEmpty()) {
            model.addAttribute("exception", "Please enter an offer code.");
            return getCartView();
        }
        String view = super.addPromo(request, response, model, promoCode.trim());
        // For XHRs Broadleaf reports the outcome only in its JSON "blcextradata"; the fragment shows it too.
        Object extra = model.asMap().get("blcextradata");
        if (!model.containsAttribute("exception") && extra instanceof String && ((String) extra).contains("\"promoAdded\":false")) {
            model.addAttribute("exception", "That offer code could not be applied.");
        }
        return view;
    }

    private String addProblem(AddToCartItem item) {
        if (item.getProductId() == null) {
            return "Please choose a product.";
        }
        Product product = catalogService.findProductById(item.getProductId());
        if (product == null || !product.isActive()) {
            return "That product is not available.";
        }
        if (item.getQuantity() < 1 || item.getQuantity() > MAX_QUANTITY) {
            return "Quantity must be between 1 and " + MAX_QUANTITY + ".";
        }
        return null;
    }

    /** Why a request about an existing cart line cannot be served, or null when it can. */
    private static String lineProblem(AddToCartItem item, BindingResult binding) {
        if (binding.hasErrors()) {
            return NOT_A_NUMBER;
        }
        return cartHasLine(item.getOrderItemId()) ? null : "That cart line does not exist.";
    }

    /** Whether the shopper's own cart has this line: ids of other carts are refused. */
    private static boolean cartHasLine(Long orderItemId) {
        Order cart = CartState.getCart();
        if (orderItemId == null || cart == null || cart.getOrderItems() == null) {
            return false; // no cart yet: Broadleaf's shared NullOrderImpl has no lines
        }
        for (OrderItem line : cart.getOrderItems()) {
            if (orderItemId.equals(line.getId())) {
                return true;
            }
        }
        return false;
    }

    /** A failed cart workflow leaves the cart detached from the Hibernate session; load it again. */
    private void reattachCart() {
        Order cart = CartState.getCart();
        if (cart != null && cart.getId() != null) {
            CartState.setCart(orderService.findOrderById(cart.getId()));
        }
    }

    private String rejected(HttpServletResponse response, Model model, String message) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("cartError", message);
        return getCartView();
    }
}
