package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A converted order's return_url (in the REST lead/convert the worker builds and keeps in the queue row) links to the order: a guest's to
 * a signed, read-only summary that any browser can open and that shows only that order; a
 * registered customer's to their order-detail page. It never refills a cart.
 */
@ExtendWith(RunningStore.class)
class OrderReturnUrlLinkTest {

    /** The return_url of the order's lead/convert, as built by the delivery worker and kept in its row. */
    private static String queuedReturnUrl(String orderNumber) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String payload = queuedPayload(orderNumber);
            if (payload.startsWith("{")) {
                return new ObjectMapper().readTree(payload).path("cart_data").path("return_url").asText();
            }
            assertTrue(System.nanoTime() < deadline, "the conversion of order " + orderNumber + " was built: " + payload);
            Thread.sleep(50);
        }
    }

    private static String queuedPayload(String orderNumber) throws Exception {
        try (Connection c = RunningStore.database();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT PAYLOAD FROM RJ_CONVERSION_QUEUE WHERE ORDER_KEY = ? AND OPERATION = 'CONVERT'")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "order " + orderNumber + " was queued");
                return rs.getString(1);
            }
        }
    }

    @Test
    void aGuestsOrderLinksToAReadOnlySummaryOfThatOrder(SampleStore store) throws Exception {
        String orderNumber = new Shopper(store).placeOrder("guest-return@example.com", "/hot-sauces/green-ghost", "2", "1");
        String url = queuedReturnUrl(orderNumber);

        assertTrue(url.startsWith("http://localhost:" + store.port() + "/rejoiner/order?t="), url);
        assertFalse(url.contains("guest-return") || url.contains(orderNumber), url);

        Shopper.Page summary = new Shopper(store).get(url);
        assertEquals(List.of(200, orderNumber), List.of(summary.status(), summary.text("#order-number")));
        assertFalse(summary.body().contains("guest-return@example.com"), "the summary shows no e-mail");
        assertEquals("0", new Shopper(store).get(url).text("#cart-count"), "opening it puts nothing into a cart");
    }

    @Test
    void aTamperedSummaryLinkShowsNoOrder(SampleStore store) throws Exception {
        String orderNumber = new Shopper(store).placeOrder("guest-tamper@example.com", "/hot-sauces/green-ghost", "2", "1");
        String url = queuedReturnUrl(orderNumber);
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");

        Shopper.Page page = new Shopper(store).get(tampered);
        assertEquals(404, page.status());
        assertFalse(page.body().contains(orderNumber));
    }

    @Test
    void aRegisteredCustomersOrderLinksToTheirOrderDetailPage(SampleStore store) throws Exception {
        Shopper customer = new Shopper(store);
        customer.get("/register");
        customer.post("/register", "customer.emailAddress", "registered-return@example.com", "customer.firstName", "Rita",
                "customer.lastName", "Return", "password", "Secret123", "passwordConfirm", "Secret123");
        String orderNumber = customer.placeOrder("registered-return@example.com", "/hot-sauces/green-ghost", "2", "1");

        assertEquals("http://localhost:" + store.port() + "/account/orders/" + orderNumber, queuedReturnUrl(orderNumber));
    }
}
