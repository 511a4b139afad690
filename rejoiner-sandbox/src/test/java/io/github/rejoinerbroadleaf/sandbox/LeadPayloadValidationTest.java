package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.rejoinerbroadleaf.core.RequestSigner;

/**
 * Each class of payload mistake of the integration guide, sent correctly signed straight to
 * {@link RejoinerSandbox#rest}: the answer (status and first reason) and nothing else.
 */
class LeadPayloadValidationTest {

    private final RejoinerSandbox sandbox = new RejoinerSandbox();
    private final RequestSigner signer = new RequestSigner(RejoinerSandbox.DEMO_API_KEY, RejoinerSandbox.DEMO_API_SECRET);

    private RejoinerSandbox.Answer post(String operation, String json) {
        String path = "/api/1.0/site/sandbox-site/lead/" + operation;
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return sandbox.rest("POST", path, path, signer.authorization("POST", path, body), "application/json", body);
    }

    /** "status first-error" of a convert with {@code json}. */
    private String convert(String json) {
        RejoinerSandbox.Answer answer = post("convert", json);
        JsonNode errors = answer.body == null ? null : answer.body.get("errors");
        return answer.status + (errors == null || errors.size() == 0 ? "" : " " + errors.get(0).asText());
    }

    private static String item(String fields) {
        return "{\"email\":\"a@example.com\",\"cart_items\":[{" + fields + "}]}";
    }

    private static final String GOOD_ITEM = "\"product_id\":\"SKU-1\",\"category\":[\"tv\"]";

    @Test
    void aCompleteConversionIsAccepted() {
        assertEquals("200", convert("{\"email\":\"a@example.com\",\"campaign_id\":[\"517e97c5\"],\"campaign_type\":\"conversion\","
                + "\"cart_data\":{\"cart_value\":79996,\"cart_item_count\":2,\"customer_order_number\":\"ACID/12113\","
                + "\"promo\":\"SUMMER\",\"return_url\":\"https://shop.example.com/o/1\"},"
                + "\"cart_items\":[{" + GOOD_ITEM + ",\"name\":\"TV\",\"price\":39998,\"item_qty\":2,\"qty_price\":79996,"
                + "\"product_url\":\"https://shop.example.com/p\",\"image_url\":\"https://shop.example.com/i.png\","
                + "\"description\":\"Best\"}]}"));
    }

    @Test
    void malformedJsonIsRejected() {
        assertEquals("400 malformed JSON", convert("{\"email\":\"a@example.com\",}").substring(0, 18));
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertEquals("400 malformed JSON", convert("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}").substring(0, 18));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertEquals("400 the body must be a JSON object, got an array", convert("[{\"email\":\"a@example.com\"}]"));
    }

    @Test
    void aMissingEmailIsRejected() {
        assertEquals("400 email: is required", convert("{\"cart_data\":{\"cart_value\":100}}"));
    }

    @Test
    void aMalformedEmailIsRejected() {
        assertEquals("400 email: is not an e-mail address", convert("{\"email\":\"not-an-address\"}"));
    }

    @Test
    void aCartItemWithoutProductIdIsRejected() {
        assertEquals("400 cart_items[0].product_id: is required", convert(item("\"category\":[\"tv\"]")));
    }

    @Test
    void aCartItemWithoutCategoryIsRejected() {
        assertEquals("400 cart_items[0].category: is required (an array of category strings)",
                convert(item("\"product_id\":\"SKU-1\"")));
    }

    @Test
    void aCategoryThatIsAStringIsRejected() {
        assertEquals("400 cart_items[0].category: must be an array of strings, got a string",
                convert(item("\"product_id\":\"SKU-1\",\"category\":\"tv\"")));
    }

    @Test
    void aCategoryWithANonStringIsRejected() {
        assertEquals("400 cart_items[0].category[1]: must be a string, got an integer",
                convert(item("\"product_id\":\"SKU-1\",\"category\":[\"tv\",7]")));
    }

    @Test
    void aPriceInDollarsIsRejected() {
        assertEquals("400 cart_items[0].price: must be an integer number of cents (e.g. 4599 for $45.99), got 45.99",
                convert(item(GOOD_ITEM + ",\"price\":45.99")));
    }

    @Test
    void aCartValueAsAStringIsRejected() {
        assertEquals("400 cart_data.cart_value: must be an integer number of cents, not a string ('4599')",
                convert("{\"email\":\"a@example.com\",\"cart_data\":{\"cart_value\":\"4599\"}}"));
    }

    @Test
    void aNegativeQtyPriceIsRejected() {
        assertEquals("400 cart_items[0].qty_price: is negative", convert(item(GOOD_ITEM + ",\"qty_price\":-1")));
    }

    @Test
    void aFractionalCartItemCountIsRejected() {
        assertEquals("400 cart_data.cart_item_count: must be an integer, got 1.5",
                convert("{\"email\":\"a@example.com\",\"cart_data\":{\"cart_item_count\":1.5}}"));
    }

    @Test
    void aFractionalItemQtyIsRejected() {
        assertEquals("400 cart_items[0].item_qty: must be an integer, got 2.5", convert(item(GOOD_ITEM + ",\"item_qty\":2.5")));
    }

    @Test
    void anUnknownCampaignTypeIsRejected() {
        assertEquals("400 campaign_type: must be \"abandonment\" or \"conversion\", got 'upsell'",
                convert("{\"email\":\"a@example.com\",\"campaign_type\":\"upsell\"}"));
    }

    @Test
    void anUnknownKeyOutsideCartItemsIsRejected() {
        assertEquals("400 cart_data.cart_vaule: unknown key: not a cart_data parameter (custom fields are for cart items)",
                convert("{\"email\":\"a@example.com\",\"cart_data\":{\"cart_vaule\":100}}"));
    }

    @Test
    void theJavaScriptSpellingCampaignIdsIsRejectedInRest() {
        assertEquals("400 campaign_ids: unknown key: not a lead/convert parameter",
                convert("{\"email\":\"a@example.com\",\"campaign_ids\":[\"1\"]}"));
    }

    @Test
    void cancelTakesOnlyTheEmail() {
        RejoinerSandbox.Answer answer = post("cancel", "{\"email\":\"a@example.com\",\"cart_data\":{}}");

        assertEquals("400 cart_data: unknown key: lead/cancel takes only email",
                answer.status + " " + answer.body.get("errors").get(0).asText());
    }

    @Test
    void aWrongQtyPriceIsAcceptedWithAWarning() {
        RejoinerSandbox.Answer answer = post("convert", item(GOOD_ITEM + ",\"price\":100,\"item_qty\":3,\"qty_price\":200"));

        assertEquals("200 warning cart_items[0].qty_price: is 200 but price x item_qty = 100 x 3 = 300",
                answer.status + " " + answer.event.findings.all().get(0).level + " " + answer.event.findings.all().get(0).text());
    }

    @Test
    void aCustomFieldInACartItemIsAcceptedAsInfo() {
        RejoinerSandbox.Answer answer = post("convert", item(GOOD_ITEM + ",\"my_custom_param_2\":101010101"));

        assertEquals("200 info cart_items[0].my_custom_param_2: custom field (an integer; Rejoiner stores it as a string)",
                answer.status + " " + answer.event.findings.all().get(0).level + " " + answer.event.findings.all().get(0).text());
    }
}
