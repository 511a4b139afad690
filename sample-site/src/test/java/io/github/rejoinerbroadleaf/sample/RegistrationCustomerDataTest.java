package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration form's optional age and gender become the customer attributes {@code age} and
 * {@code gender}, which the module sends with {@code setCustomerData} (issue 14, item 3).
 */
@ExtendWith(RunningStore.class)
class RegistrationCustomerDataTest {

    private RejoinerSettingsService settings;

    @BeforeEach
    void configureTracking(SampleStore store) {
        System.setProperty("rejoiner.siteId", "customer-site");
        settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        settings.invalidate();
    }

    @AfterEach
    void restore() {
        System.clearProperty("rejoiner.siteId");
        settings.invalidate();
    }

    @Test
    void ageAndGenderEnteredAtRegistrationAreSentWithTheCustomerData(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        assertTrue(Shopper.isRedirect(register(shopper, "41", "female").statusCode()));

        JsonNode data = customerData(shopper.get("/"));

        assertEquals(41, data.get("age").asInt(), data.toString());
        assertEquals("female", data.get("gender").asText(), data.toString());
        assertEquals("Ada", data.get("name").asText());
    }

    @Test
    void withoutAgeAndGenderNeitherIsSent(SampleStore store) throws Exception {
        Shopper shopper = new Shopper(store);
        assertTrue(Shopper.isRedirect(register(shopper, "", "").statusCode()));

        JsonNode data = customerData(shopper.get("/"));

        assertFalse(data.has("age"), data.toString());
        assertFalse(data.has("gender"), data.toString());
    }

    @Test
    void anAgeThatIsNotANumberIsRefusedWithAMessage(SampleStore store) throws Exception {
        HttpResponse<String> refused = register(new Shopper(store), "forty", "");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Please enter your age as a number"), refused.body());
    }

    private static HttpResponse<String> register(Shopper shopper, String age, String gender) throws Exception {
        shopper.get("/register");
        return shopper.post("/register", "customer.emailAddress", "reg-" + System.nanoTime() + "@example.com",
                "customer.firstName", "Ada", "customer.lastName", "Tracker", "age", age, "gender", gender,
                "password", "Secret123", "passwordConfirm", "Secret123");
    }

    private static JsonNode customerData(Shopper.Page page) throws Exception {
        List<JsonNode> calls = AjaxCartPushTest.pageCalls(page);
        return calls.stream().filter(c -> c.get(0).asText().equals("setCustomerData")).map(c -> c.get(1))
                .findFirst().orElseThrow(() -> new AssertionError("no setCustomerData in " + calls));
    }
}
