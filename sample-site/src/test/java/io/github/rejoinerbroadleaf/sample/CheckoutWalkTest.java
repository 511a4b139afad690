package io.github.rejoinerbroadleaf.sample;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shopper walks the real store from the home page to the confirmation page. */
@ExtendWith(RunningStore.class)
class CheckoutWalkTest {

    @Test
    void aGuestCheckoutIsSavedAsSubmittedWithTheRightTotals(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);

        Shopper.Page home = shopper.get("/");
        assertEquals(200, home.status());
        String categoryUrl = home.document().select("a.category-link").stream()
                .filter(a -> a.text().equals("Hot Sauces")).findFirst().orElseThrow().attr("href");

        Shopper.Page category = shopper.get(categoryUrl);
        String productUrl = category.document().select("a.product-link").stream()
                .filter(a -> a.text().contains("Habanero Hellfire")).findFirst().orElseThrow().attr("href");

        Shopper.Page sauce = shopper.get(productUrl);
        assertEquals("Habanero Hellfire Sauce", sauce.text("#product-name"));
        String sauceId = sauce.document().selectFirst("#add-to-cart-form input[name=productId]").val();
        assertRedirectsTo("/cart", shopper.post("/cart/add", "productId", sauceId, "quantity", "1"));

        Shopper.Page tee = shopper.get("/merchandise/heat-clinic-tee");
        String teeId = tee.document().selectFirst("#add-to-cart-form input[name=productId]").val();
        assertRedirectsTo("/cart", shopper.post("/cart/add", "productId", teeId, "quantity", "1", "itemAttributes[SIZE]", "M"));

        Shopper.Page cart = shopper.get("/cart");
        Element sauceLine = cart.document().selectFirst("tr.cart-line[data-product-id=" + sauceId + "]");
        assertRedirectsTo("/cart", shopper.post("/cart/updateQuantity",
                "orderItemId", sauceLine.attr("data-order-item-id"), "productId", sauceId, "quantity", "2"));
        assertEquals("$39.98", shopper.get("/cart").text("#cart-subtotal"));

        shopper.get("/checkout");
        assertRedirectsTo("/checkout", shopper.post("/checkout/savedetails", "emailAddress", "walker@example.com"));
        assertRedirectsTo("/checkout", shopper.post("/checkout/singleship",
                "address.firstName", "Wally", "address.lastName", "Walker", "address.addressLine1", "1 Main St",
                "address.city", "Austin", "address.state", "TX", "address.postalCode", "78701",
                "address.country", "US", "fulfillmentOptionId", "1"));
        assertEquals("$44.98", shopper.get("/checkout").text("#summary-total"));

        HttpResponse<String> placed = shopper.post("/checkout/test-payment/complete");
        assertTrue(Shopper.isRedirect(placed.statusCode()), "placing the order redirects");
        String confirmationPath = Shopper.location(placed);
        assertTrue(confirmationPath.contains("/confirmation/"), confirmationPath);

        Shopper.Page confirmation = shopper.get(confirmationPath);
        String orderNumber = confirmation.text("#order-number");
        assertEquals("SUBMITTED", confirmation.text("#order-status"));
        assertEquals("$44.98", confirmation.text("#order-total"));

        try (Connection db = RunningStore.database();
             PreparedStatement query = db.prepareStatement("SELECT ORDER_STATUS, EMAIL_ADDRESS, ORDER_SUBTOTAL, "
                     + "TOTAL_SHIPPING, TOTAL_TAX, ORDER_TOTAL FROM BLC_ORDER WHERE ORDER_NUMBER = ?")) {
            query.setString(1, orderNumber);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "order " + orderNumber + " is in the database");
                assertEquals("SUBMITTED", row.getString("ORDER_STATUS"));
                assertEquals("walker@example.com", row.getString("EMAIL_ADDRESS"));
                assertMoney("39.98", row.getBigDecimal("ORDER_SUBTOTAL"));
                assertMoney("5.00", row.getBigDecimal("TOTAL_SHIPPING"));
                assertMoney("0.00", row.getBigDecimal("TOTAL_TAX"));
                assertMoney("44.98", row.getBigDecimal("ORDER_TOTAL"));
            }
        }
    }

    private static void assertRedirectsTo(String path, HttpResponse<String> response) {
        assertTrue(Shopper.isRedirect(response.statusCode()),
                "expected a redirect to " + path + " but got " + response.statusCode() + ":\n" + response.body());
        assertTrue(Shopper.location(response).endsWith(path), Shopper.location(response));
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
