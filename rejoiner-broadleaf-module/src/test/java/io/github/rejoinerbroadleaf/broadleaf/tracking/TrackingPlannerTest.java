package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.CustomerData;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The planner on plain inputs, one row per situation: what the browser was last told, what the
 * shopper has now, and the calls the response must carry (in order).
 */
class TrackingPlannerTest {

    private static final CartChanges.SubmittedCheck NEVER_ASKED = id -> fail("no order lookup expected for " + id);
    private static final CartChanges.SubmittedCheck SUBMITTED = id -> true;
    private static final CartChanges.SubmittedCheck NOT_SUBMITTED = id -> false;
    private static final UrlResolver URLS = UrlResolver.forBase("http://shop.test");
    private static final CommandCache.Calls SAUCE_VIEW = new CommandCache.Calls(Collections.singletonList(
            TrackingCommand.trackProductView(ProductView.builder().productId("6").name("Sauce").build())));

    static Stream<Arguments> situations() {
        return Stream.of(
                row("no cart, first page", page(), null, NEVER_ASKED),
                row("no cart, later page", page(), told(null), NEVER_ASKED),
                row("a cart on the session's first page is sent as it is", page().cart(cart(50, "36.00", "7x2")), null,
                        NEVER_ASKED, "setCartData", "setCartItem"),
                row("a new cart starts a new order", page().cart(cart(50, "12.34", "6x1")), told(null), NEVER_ASKED,
                        "startNewOrder", "setCartData", "setCartItem"),
                row("a new empty cart only starts the order", page().cart(cart(50, "0")), told(null), NEVER_ASKED,
                        "startNewOrder"),
                row("an unchanged cart: a page carries it", page().cart(cart(50, "36.00", "7x2")),
                        told(cart(50, "36.00", "7x2")), NEVER_ASKED, "setCartData", "setCartItem"),
                row("an unchanged cart: the AJAX push sends nothing", push().cart(cart(50, "36.00", "7x2")),
                        told(cart(50, "36.00", "7x2")), NEVER_ASKED),
                row("an item added", push().cart(cart(50, "48.34", "7x2", "6x1")), told(cart(50, "36.00", "7x2")),
                        NEVER_ASKED, "setCartData", "setCartItem", "setCartItem"),
                row("a quantity changed", push().cart(cart(50, "54.00", "7x3")), told(cart(50, "36.00", "7x2")),
                        NEVER_ASKED, "setCartData", "setCartItem"),
                row("an item removed", push().cart(cart(50, "36.00", "7x2")), told(cart(50, "48.34", "7x2", "6x1")),
                        NEVER_ASKED, "removeCartItem", "setCartData", "setCartItem"),
                row("the last item removed", push().cart(cart(50, "0")), told(cart(50, "36.00", "7x2")), NEVER_ASKED,
                        "removeCartItem", "setCartData"),
                row("a promo applied: same lines, lower total", push().cart(cart(50, "32.40", "7x2")),
                        told(cart(50, "36.00", "7x2")), NEVER_ASKED, "setCartData", "setCartItem"),
                row("the cart emptied (gone, not an order)", push(), told(cart(50, "36.00", "7x2")), NOT_SUBMITTED,
                        "clearCartData"),
                row("the cart became an order", page(), told(cart(50, "36.00", "7x2")), SUBMITTED),
                row("a cart replaced at login", page().cart(cart(61, "18.00", "7x1")).email("rita@example.com", RITA),
                        told(cart(60, "12.34", "6x1")), NOT_SUBMITTED,
                        "clearCartData", "startNewOrder", "setCustomerEmail", "setCustomerData", "setCartData", "setCartItem"),
                row("a logged-out customer's cart (cookie) stays while no cart is shown", page(), parked(40L), NEVER_ASKED),
                row("a logged-out customer's cart (cookie) is cleared by a new cart", page().cart(cart(41, "18.00", "7x1")),
                        parked(40L), NOT_SUBMITTED, "clearCartData", "startNewOrder", "setCartData", "setCartItem"),
                row("a product page", page().productViews(List.of(SAUCE_VIEW)), told(null), NEVER_ASKED, "trackProductView"),
                row("a product page with a cart", page().cart(cart(50, "36.00", "7x2")).productViews(List.of(SAUCE_VIEW)),
                        told(cart(50, "36.00", "7x2")), NEVER_ASKED, "setCartData", "setCartItem", "trackProductView"),
                row("a customer logs in", page().email("Rita@Example.com", RITA), told(null), NEVER_ASKED,
                        "setCustomerEmail", "setCustomerData"),
                row("a customer already announced", page().email("Rita@Example.com", RITA), told(null, "rita@example.com"),
                        NEVER_ASKED),
                row("an untracked page", page().untracked(true), told(null), NEVER_ASKED, "trackPageView"),
                row("an AJAX fragment", ajax().cart(cart(50, "36.00", "7x2")), told(cart(50, "36.00", "7x2")), NEVER_ASKED,
                        "addPageView", "setCartData", "setCartItem"),
                row("the cart filter did not run: nothing about the shopper",
                        page().cartKnown(false).cart(cart(50, "36.00", "7x2")).email("rita@example.com", RITA),
                        told(cart(49, "1.00", "6x1")), NEVER_ASKED),
                row("a confirmation page, first render", page().confirmed(conversion(true, true)), told(null), NEVER_ASKED,
                        "sendConversion"),
                row("a confirmation page, already converted", page().confirmed(conversion(true, false)), told(null),
                        NEVER_ASKED),
                row("a confirmation page of an order not submitted", page().confirmed(conversion(false, true)), told(null),
                        NEVER_ASKED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void eachSituationGetsItsCalls(String situation, TrackingPlanner.Inputs in, CartSnapshot previous,
                                   CartChanges.SubmittedCheck submitted, List<String> expected) {
        assertEquals(expected, names(TrackingPlanner.plan(in, previous, submitted).commands));
    }

    @Test
    void theConversionIsClaimedOnlyForASubmittedOrderAndSentOnlyByTheFirstClaim() {
        AtomicInteger claims = new AtomicInteger();
        TrackingPlanner.Confirmation order = new TrackingPlanner.Confirmation(true, () -> claims.incrementAndGet() == 1,
                TrackingCommand::sendConversion);

        assertEquals(List.of("sendConversion"), names(TrackingPlanner.plan(page().confirmed(order), null, NEVER_ASKED).commands));
        assertEquals(List.of(), names(TrackingPlanner.plan(page().confirmed(order), null, NEVER_ASKED).commands));
        TrackingPlanner.Confirmation unsubmitted = new TrackingPlanner.Confirmation(false,
                () -> fail("an unsubmitted order is never claimed"), TrackingCommand::sendConversion);
        TrackingPlanner.plan(page().confirmed(unsubmitted), null, NEVER_ASKED);
        assertEquals(2, claims.get());
    }

    @Test
    void theSnapshotMovesOnlyWhenSomethingChanged() {
        CartView cart = cart(50, "36.00", "7x2");
        TrackingPlanner.Comparison same = TrackingPlanner.compare(told(cart), page().cart(cart), NEVER_ASKED);
        assertNull(same.next(), "the same cart: the session is left alone");

        TrackingPlanner.Comparison added = TrackingPlanner.compare(told(null), page().cart(cart)
                .email("Rita@Example.com", RITA), NEVER_ASKED);
        assertEquals(new CartSnapshot(50L, Map.of("7", 2), "rita@example.com", cart.fingerprint()), added.next());
        assertEquals(50L, added.cookieCartId());
    }

    @Test
    void onlyCallsAreTheCachedBlockWhenNothingElseIsSent() {
        CartView cart = cart(50, "36.00", "7x2");
        TrackingPlanner.Plan cartOnly = TrackingPlanner.plan(page().cart(cart), told(cart), NEVER_ASKED);
        assertSame(cart.calls(), cartOnly.onlyCalls);
        assertTrue(cartOnly.shopperData);

        TrackingPlanner.Plan viewOnly = TrackingPlanner.plan(page().productViews(List.of(SAUCE_VIEW)), null, NEVER_ASKED);
        assertSame(SAUCE_VIEW, viewOnly.onlyCalls);
        assertFalse(viewOnly.shopperData);

        TrackingPlanner.Plan both = TrackingPlanner.plan(page().cart(cart).productViews(List.of(SAUCE_VIEW)), told(cart),
                NEVER_ASKED);
        assertNull(both.onlyCalls);
    }

    // ------------------------------------------------------------------ inputs

    private static final java.util.function.Supplier<TrackingCommand> RITA =
            () -> TrackingCommand.setCustomerData(CustomerData.builder().name("Rita").build());

    private static Arguments row(String situation, TrackingPlanner.Inputs in, CartSnapshot previous,
                                 CartChanges.SubmittedCheck submitted, String... calls) {
        return Arguments.of(situation, in, previous, submitted, List.of(calls));
    }

    private static TrackingPlanner.Inputs page() {
        return new TrackingPlanner.Inputs();
    }

    private static TrackingPlanner.Inputs push() {
        return new TrackingPlanner.Inputs().mode(TrackingPlanner.Mode.PUSH);
    }

    private static TrackingPlanner.Inputs ajax() {
        return new TrackingPlanner.Inputs().mode(TrackingPlanner.Mode.AJAX).pageUrl("cart", URLS);
    }

    /**
     * A cart: order {@code id}, its total, lines "product x quantity" (line ids 1, 2, ...); its calls
     * are {@code setCartData} + one {@code setCartItem} per product.
     */
    private static CartView cart(long id, String total, String... lines) {
        long[] fingerprintLines = new long[2 * lines.length];
        Map<String, Integer> quantities = new LinkedHashMap<>();
        List<CartItem> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] productAndQuantity = lines[i].split("x");
            int quantity = Integer.parseInt(productAndQuantity[1]);
            fingerprintLines[2 * i] = i + 1;
            fingerprintLines[2 * i + 1] = quantity;
            quantities.put(productAndQuantity[0], quantity);
            items.add(CartItem.builder().productId(productAndQuantity[0]).quantity(quantity).build());
        }
        CommandCache.Calls calls = new CommandCache.Calls(TrackingCommand.cart(
                CartData.builder().cartValue(new BigDecimal(total)).cartItemCountFrom(items).build(), items));
        return new CartView(CartFingerprint.of(id, new BigDecimal(total), fingerprintLines), () -> quantities, () -> calls);
    }

    /** What the browser was told last: this cart (null: no cart) and no e-mail. */
    private static CartSnapshot told(CartView cart) {
        return told(cart, null);
    }

    private static CartSnapshot told(CartView cart, String customerKey) {
        return cart == null ? new CartSnapshot(null, null, customerKey)
                : new CartSnapshot(cart.id(), cart.quantities(), customerKey, cart.fingerprint());
    }

    /** A new session whose browser's cookie names the cart Rejoiner last saw. */
    private static CartSnapshot parked(Long cartId) {
        return new CartSnapshot(null, null, null, null, cartId);
    }

    private static TrackingPlanner.Confirmation conversion(boolean submitted, boolean firstClaim) {
        return new TrackingPlanner.Confirmation(submitted, () -> firstClaim, TrackingCommand::sendConversion);
    }

    private static List<String> names(List<TrackingCommand> commands) {
        List<String> out = new ArrayList<>();
        for (TrackingCommand c : commands) {
            out.add(c.name());
        }
        return out;
    }
}
