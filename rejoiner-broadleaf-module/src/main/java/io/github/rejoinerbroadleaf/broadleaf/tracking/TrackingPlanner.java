package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.UrlResolver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides the Rejoiner calls of one storefront response from plain inputs: the shopper's cart
 * ({@link CartView}), e-mail and customer data, the products shown, the confirmed order, and what
 * the browser was last told ({@link CartSnapshot}). No Broadleaf statics, no servlet API: the
 * façade ({@link StorefrontTracker}) gathers the {@link Inputs}; what may need the database comes
 * in as a function (a previous cart's status, the conversion marker's claim).
 *
 * <p>Two steps: {@link #compare} turns the snapshot and the current cart into the one-off cart
 * events ({@link CartChanges}) and the next snapshot (the façade runs it under the session's mutex
 * and stores the result); {@link #plan} then lists the calls, in this order: {@code addPageView}
 * (AJAX fragment) or {@code trackPageView false} (untracked page), {@code clearCartData} /
 * {@code startNewOrder} / {@code removeCartItem}, {@code setCustomerEmail} + {@code setCustomerData}
 * when the e-mail is new to the browser, {@code setCartData} + {@code setCartItem}s while the cart
 * has items (and right after a removal; for the AJAX push only when the cart moved),
 * {@code trackProductView} per product shown, {@code sendConversion} once per order.
 */
final class TrackingPlanner {

    /** What a response is: a full page, an AJAX fragment embedding its calls, or the AJAX endpoint's push. */
    enum Mode { PAGE, AJAX, PUSH }

    private TrackingPlanner() {
    }

    /** The e-mail as the snapshot keeps it (lower case), or null. */
    static String customerKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /**
     * Compares what the browser was last told with the current cart and e-mail.
     *
     * @param previous the session's snapshot (or one naming the cart of the last-cart cookie), null when none
     * @param submitted whether a previous cart became an order (asked only when a cart disappeared)
     */
    static Comparison compare(CartSnapshot previous, Inputs in, CartChanges.SubmittedCheck submitted) {
        if (!in.cartKnown) {
            return Comparison.UNKNOWN;
        }
        String customerKey = customerKey(in.email);
        String told = previous == null ? null : previous.customerKey();
        CartFingerprint fingerprint = in.cart == null ? null : in.cart.fingerprint();
        boolean sameCart = previous != null && previous.describes(fingerprint);
        if (sameCart && (customerKey == null || customerKey.equals(told))) {
            return new Comparison(CartChanges.none(), told, false, null, null); // the usual page: nothing to compare
        }
        Long cartId = in.cart == null ? null : in.cart.id();
        Map<String, Integer> quantities = in.cart == null ? Collections.<String, Integer>emptyMap() : in.cart.quantities();
        CartChanges changes = CartChanges.between(previous, cartId, quantities, submitted);
        Long parked = cartId == null && previous != null && previous.cartId() == null ? previous.parkedCartId() : null;
        CartSnapshot next = new CartSnapshot(cartId, quantities, customerKey != null ? customerKey : told, fingerprint, parked);
        return new Comparison(changes, told, !sameCart, next, cartId != null ? cartId : parked);
    }

    /** {@link #compare} and {@link #plan} in one (the façade stores the comparison's snapshot in between). */
    static Plan plan(Inputs in, CartSnapshot previous, CartChanges.SubmittedCheck submitted) {
        return plan(in, compare(previous, in, submitted));
    }

    /** This response's calls, given the comparison with what the browser was last told. */
    static Plan plan(Inputs in, Comparison compared) {
        List<TrackingCommand> out = new ArrayList<TrackingCommand>();
        if (in.mode == Mode.AJAX) {
            out.add(TrackingCommand.addPageView(in.pageUrl, in.urls));
        } else if (in.mode == Mode.PAGE && in.untracked) {
            out.add(TrackingCommand.disablePageViewTracking());
        }
        CartChanges changes = compared.changes;
        boolean shopperData = !changes.isEmpty();
        if (changes.clearCart()) {
            out.add(TrackingCommand.clearCartData());
        }
        if (changes.startNewOrder()) {
            out.add(TrackingCommand.startNewOrder());
        }
        for (String productId : changes.removedProductIds()) {
            out.add(TrackingCommand.removeCartItem(productId));
        }
        String email = in.cartKnown ? in.email : null; // without the cart filter nothing about the shopper is compared
        String customerKey = customerKey(email);
        if (customerKey != null && !customerKey.equals(compared.toldCustomerKey)) {
            shopperData = true;
            out.add(TrackingCommand.setCustomerEmail(email));
            out.add(in.customerData.get());
        }
        CommandCache.Calls cartBlock = null;
        CartView cart = in.cartKnown ? in.cart : null;
        if (cart != null && (cart.fingerprint().totalQuantity() > 0 || !changes.removedProductIds().isEmpty())
                && (in.mode != Mode.PUSH || compared.cartMoved)) {
            shopperData = true;
            cartBlock = cart.calls();
            out.addAll(cartBlock.commands());
        }
        CommandCache.Calls lastView = null;
        for (CommandCache.Calls view : in.productViews) {
            out.addAll(view.commands());
            lastView = view;
        }
        if (in.confirmed != null && in.confirmed.submitted && in.confirmed.claim.getAsBoolean()) {
            shopperData = true;
            out.add(in.confirmed.conversion.get());
        }
        // A page carrying only one cached block (an unchanged cart, or one product view) reuses its script.
        CommandCache.Calls only = cartBlock != null && out.size() == cartBlock.commands().size() ? cartBlock
                : lastView != null && out.size() == lastView.commands().size() ? lastView : null;
        return new Plan(out, shopperData, only);
    }

    /** What the façade gathered for one response. Fluent setters; the defaults are an anonymous shopper without cart. */
    static final class Inputs {
        Mode mode = Mode.PAGE;
        boolean untracked;
        String pageUrl;
        UrlResolver urls;
        boolean cartKnown = true;
        CartView cart;
        String email;
        Supplier<TrackingCommand> customerData;
        List<CommandCache.Calls> productViews = Collections.emptyList();
        Confirmation confirmed;

        Inputs mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** A full page on one of the settings' untracked paths. */
        Inputs untracked(boolean untracked) {
            this.untracked = untracked;
            return this;
        }

        /** AJAX fragment: the URL of its {@code addPageView} (context-relative), resolved by {@code urls}. */
        Inputs pageUrl(String pageUrl, UrlResolver urls) {
            this.pageUrl = pageUrl;
            this.urls = urls;
            return this;
        }

        /** False when Broadleaf's cart filter did not run: the cart and the shopper are then unknown, not absent. */
        Inputs cartKnown(boolean cartKnown) {
            this.cartKnown = cartKnown;
            return this;
        }

        /** The shopper's cart, null without one. */
        Inputs cart(CartView cart) {
            this.cart = cart;
            return this;
        }

        /** The shopper's e-mail as the store knows it (customer, cart or confirmed order), null when unknown. */
        Inputs email(String email, Supplier<TrackingCommand> customerData) {
            this.email = email;
            this.customerData = customerData;
            return this;
        }

        /** The {@code trackProductView} of each product shown. */
        Inputs productViews(List<CommandCache.Calls> productViews) {
            this.productViews = productViews;
            return this;
        }

        /** The order of a confirmation page, null on other pages. */
        Inputs confirmed(Confirmation confirmed) {
            this.confirmed = confirmed;
            return this;
        }
    }

    /** A confirmation page's order: submitted or not, its once-only claim (the conversion marker), its call. */
    static final class Confirmation {
        final boolean submitted;
        final BooleanSupplier claim;
        final Supplier<TrackingCommand> conversion;

        Confirmation(boolean submitted, BooleanSupplier claim, Supplier<TrackingCommand> conversion) {
            this.submitted = submitted;
            this.claim = claim;
            this.conversion = conversion;
        }
    }

    /** The snapshot step's result; {@link #next()} null: the browser was told about exactly this cart and customer. */
    static final class Comparison {
        static final Comparison UNKNOWN = new Comparison(CartChanges.none(), null, true, null, null);

        final CartChanges changes;
        final String toldCustomerKey;
        final boolean cartMoved;
        private final CartSnapshot next;
        private final Long cookieCartId;

        Comparison(CartChanges changes, String toldCustomerKey, boolean cartMoved, CartSnapshot next, Long cookieCartId) {
            this.changes = changes;
            this.toldCustomerKey = toldCustomerKey;
            this.cartMoved = cartMoved;
            this.next = next;
            this.cookieCartId = cookieCartId;
        }

        /** The snapshot to keep from now on, or null to leave the session (and the cookie) alone. */
        CartSnapshot next() {
            return next;
        }

        /** The cart the last-cart cookie should name from now on (null: none). */
        Long cookieCartId() {
            return cookieCartId;
        }
    }

    /** This response's calls; whether they carry shopper data (the response must be private); a reusable block. */
    static final class Plan {
        final List<TrackingCommand> commands;
        final boolean shopperData;
        final CommandCache.Calls onlyCalls;

        Plan(List<TrackingCommand> commands, boolean shopperData, CommandCache.Calls onlyCalls) {
            this.commands = commands;
            this.shopperData = shopperData;
            this.onlyCalls = onlyCalls;
        }
    }
}
