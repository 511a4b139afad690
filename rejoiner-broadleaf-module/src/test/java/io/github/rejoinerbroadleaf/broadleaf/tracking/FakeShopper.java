package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;

import javax.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.function.Supplier;

/** A storefront shopper as a test sets it up: Broadleaf's cart filter ran, the cart and customer are the test's. */
final class FakeShopper implements ShopperState {

    private final Supplier<Order> cart;
    private final Supplier<Customer> customer;

    FakeShopper(Supplier<Order> cart, Supplier<Customer> customer) {
        this.cart = cart;
        this.customer = customer;
    }

    @Override
    public boolean cartKnown(HttpServletRequest request) {
        return true;
    }

    @Override
    public Order cart() {
        return cart.get();
    }

    @Override
    public Customer customer() {
        return customer.get();
    }

    @Override
    public Locale locale(HttpServletRequest request) {
        return Locale.US;
    }

    @Override
    public boolean isAdmin() {
        return false;
    }
}
