package io.github.rejoinerbroadleaf.broadleaf.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.PayloadUnavailableException;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The worker builds a conversion's body from the stored order and what checkout recorded; an
 * order that can never be converted is a clear "unavailable", not an error to retry.
 */
class OrderConversionPayloadsTest {

    private static final String BASE = "https://shop.example/store";

    private final OrderService orders = mock(OrderService.class);
    private final OrderConversionPayloads payloads = new OrderConversionPayloads(orders,
            new OrderMapper(new DefaultReturnUrls()), mock(PlatformTransactionManager.class));

    private static RejoinerSettings settings(String campaignType, String campaignIds) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        values.put(SettingKey.SITE_ID, "site");
        values.put(SettingKey.CAMPAIGN_TYPE, campaignType);
        values.put(SettingKey.CAMPAIGN_IDS, campaignIds);
        return new SettingsResolver(StandardLayers.fixed("test", values)).resolve();
    }

    private Order storedOrder(String email) {
        Order order = order(42, "27.00", "0", line(1, product(4, "Hot Sauce", "13.50", "/hot-sauces/x", null, null), 2, "13.50"));
        when(order.getOrderNumber()).thenReturn("ORD-42");
        when(order.getEmailAddress()).thenReturn(email);
        when(orders.findOrderById(42L)).thenReturn(order);
        return order;
    }

    private String build(String reference) throws PayloadUnavailableException {
        return payloads.build("default", LeadOperation.CONVERT, "ORD-42", reference);
    }

    @Test
    void theBodyComesFromTheStoredOrderWithTheSettingsOfQueueTime() throws Exception {
        Order order = storedOrder("buyer@example.com");
        String reference = OrderConversionPayloads.reference(order, settings("conversion", "cmp-7,cmp 8&"), BASE, "", false);

        JsonNode json = new ObjectMapper().readTree(build(reference));

        assertEquals(List.of("buyer@example.com", "ORD-42", 2700, "conversion", "[\"cmp-7\",\"cmp 8&\"]",
                        BASE + "/hot-sauces/x"),
                List.of(json.path("email").asText(), json.path("cart_data").path("customer_order_number").asText(),
                        json.path("cart_data").path("cart_value").asInt(), json.path("campaign_type").asText(),
                        json.path("campaign_id").toString(), json.path("cart_items").get(0).path("product_url").asText()));
    }

    @Test
    void anOrderThatIsGoneCanNeverBeSent() {
        String reference = OrderConversionPayloads.reference(storedOrder("buyer@example.com"), settings("", ""), BASE,
                "", false);
        when(orders.findOrderById(42L)).thenReturn(null);

        PayloadUnavailableException e = assertThrows(PayloadUnavailableException.class, () -> build(reference));
        assertEquals("order ORD-42 (id 42) no longer exists", e.getMessage());
    }

    @Test
    void anOrderWithoutAUsableEmailAddressCanNeverBeSent() {
        String reference = OrderConversionPayloads.reference(storedOrder("not an address"), settings("", ""), BASE,
                "", false);

        PayloadUnavailableException e = assertThrows(PayloadUnavailableException.class, () -> build(reference));
        assertEquals("order ORD-42 has no usable e-mail address", e.getMessage());
    }

    @Test
    void anUnreadableReferenceCanNeverBeSent() {
        PayloadUnavailableException e = assertThrows(PayloadUnavailableException.class, () -> build("garbage"));
        assertEquals("the queued reference is unreadable", e.getMessage());
    }
}
