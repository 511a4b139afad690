package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nonsense sent to the cart gets a 400 and a message on the cart page, and the store keeps working. */
@ExtendWith(RunningStore.class)
class CartBadInputTest {

    private Shopper shopper;

    @BeforeEach
    void openTheShop(SampleStore store) throws Exception {
        shopper = new Shopper(store);
        shopper.get("/hot-sauces/habanero-hellfire");
    }

    @ParameterizedTest(name = "productId={0} quantity={1}")
    @CsvSource({
            "999999, 1, That product is not available.",
            "abc, 1, Please enter a valid product and quantity.",
            "1, 0, Quantity must be between 1 and 99.",
            "1, -1, Quantity must be between 1 and 99.",
            "1, 100, Quantity must be between 1 and 99.",
            "1, 99999999999, Please enter a valid product and quantity.",
            "7, 1, That product could not be added. Please choose its options and try again.",
    })
    void addToCartRefusesWithAMessage(String productId, String quantity, String message) throws Exception {
        HttpResponse<String> response = shopper.post("/cart/add", "productId", productId, "quantity", quantity);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains(message), response.body());
        assertFalse(response.body().contains("Exception"), "no stack trace on the page");
    }

    @Test
    void changingALineOfAnotherCartIsRefused() throws Exception {
        HttpResponse<String> response = shopper.post("/cart/updateQuantity",
                "orderItemId", "123456", "productId", "1", "quantity", "2");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("That cart line does not exist."), response.body());
    }

    @Test
    void theStoreStillSellsAfterBadInput() throws Exception {
        shopper.post("/cart/add", "productId", "999999", "quantity", "1");
        shopper.post("/cart/add", "productId", "7", "quantity", "1");

        HttpResponse<String> added = shopper.post("/cart/add", "productId", "1", "quantity", "3");

        assertEquals(302, added.statusCode());
        assertEquals("3", shopper.get("/cart").text("#cart-count"));
    }

    @Test
    void anUnknownOrderNumberIsNotFound() throws Exception {
        assertEquals(404, shopper.get("/confirmation/NO-SUCH-ORDER").status());
    }
}
