package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Register, log out, log in again, and find the order in the order history. */
@ExtendWith(RunningStore.class)
class AccountWalkTest {

    @Test
    void aRegisteredCustomerSeesTheirOrderAfterLoggingInAgain(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/register");
        HttpResponse<String> registered = shopper.post("/register",
                "customer.emailAddress", "rita@example.com", "customer.firstName", "Rita",
                "customer.lastName", "Regular", "password", "Secret123", "passwordConfirm", "Secret123");
        assertTrue(Shopper.isRedirect(registered.statusCode()), registered.statusCode() + "\n" + registered.body());
        assertEquals("Rita", shopper.get("/").text("#customer-name"));

        shopper.get("/hot-sauces/green-ghost");
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        shopper.get("/checkout");
        shopper.post("/checkout/savedetails", "emailAddress", "rita@example.com");
        shopper.post("/checkout/singleship", "address.firstName", "Rita", "address.lastName", "Regular",
                "address.addressLine1", "2 Side St", "address.city", "Seattle", "address.state", "WA",
                "address.postalCode", "98101", "address.country", "US", "fulfillmentOptionId", "2");
        String orderNumber = shopper.get(Shopper.location(shopper.post("/checkout/test-payment/complete")))
                .text("#order-number");

        shopper.get("/logout");
        assertTrue(shopper.get("/account/orders").document().selectFirst("#login-form") != null,
                "after logging out, the order history asks to log in");
        shopper.get("/login");
        HttpResponse<String> loggedIn = shopper.post("/login_post.htm", "j_username", "rita@example.com", "j_password", "Secret123");
        assertTrue(Shopper.isRedirect(loggedIn.statusCode()));

        Shopper.Page history = shopper.get("/account/orders");
        assertTrue(history.document().select("tr.order-row a").eachText().contains(orderNumber), history.body());
    }

    @Test
    void aWrongPasswordShowsAMessage(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/login");
        HttpResponse<String> refused = shopper.post("/login_post.htm", "j_username", "nobody@example.com", "j_password", "nope");

        assertTrue(Shopper.location(refused).contains("/login?error=true"));
        assertTrue(shopper.get(Shopper.location(refused)).body().contains("The e-mail or password is not correct."));
    }

    @Test
    void aRegistrationWithAWeakPasswordIsRefusedWithAMessage(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        shopper.get("/register");
        HttpResponse<String> refused = shopper.post("/register",
                "customer.emailAddress", "weak@example.com", "customer.firstName", "Wendy",
                "customer.lastName", "Weak", "password", "a!", "passwordConfirm", "a!");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("The password must be 4 to 15 letters or digits."), refused.body());
    }
}
