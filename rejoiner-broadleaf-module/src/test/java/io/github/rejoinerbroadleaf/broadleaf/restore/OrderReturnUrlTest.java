package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.mapping.DefaultReturnUrls;
import io.github.rejoinerbroadleaf.restore.RestoreKeys;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsServiceImpl;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A converted order's return_url links to the order, never to a cart refill. */
class OrderReturnUrlTest {

    private static final String BASE = "https://shop.example.com";

    private final CartRestoreService restore = Mockito.mock(CartRestoreService.class);
    private final CartRestoreReturnUrls urls;
    private final OrderSummaryLinks links;

    OrderReturnUrlTest() {
        RestoreKeyProvider keys = Mockito.mock(RestoreKeyProvider.class);
        Mockito.when(keys.keys(Mockito.any())).thenReturn(RestoreKeys.of("test-key", null));
        List<SettingsLayer> layers = List.of(StandardLayers.fixed("test", Collections.emptyMap()));
        links = new OrderSummaryLinks(new RejoinerSettingsServiceImpl(layers, 0), keys);
        Mockito.when(restore.restoreUrl(Mockito.any(Order.class), Mockito.any())).thenReturn(BASE + "/rejoiner/cart/restore?t=x");
        urls = new CartRestoreReturnUrls(restore, new DefaultReturnUrls(), links);
    }

    private static Order order(long id, String number, boolean registered, String email) {
        Customer customer = Mockito.mock(Customer.class);
        Mockito.when(customer.isRegistered()).thenReturn(registered);
        Mockito.when(customer.getEmailAddress()).thenReturn(email);
        Order order = Mockito.mock(Order.class);
        Mockito.when(order.getId()).thenReturn(id);
        Mockito.when(order.getOrderNumber()).thenReturn(number);
        Mockito.when(order.getCustomer()).thenReturn(customer);
        Mockito.when(order.getEmailAddress()).thenReturn(email);
        return order;
    }

    @Test
    void aRegisteredCustomersOrderLinksToTheirOrderDetailPage() {
        assertEquals(BASE + "/account/orders/20240501-17",
                urls.orderReturnUrl(order(17L, "20240501-17", true, "reg@example.com"), BASE));
    }

    @Test
    void aGuestsOrderLinksToASignedSummaryOfThatOrderWithoutTheEmail() throws Exception {
        String url = urls.orderReturnUrl(order(18L, "20240501-18", false, "guest@example.com"), BASE);

        assertTrue(url.startsWith(BASE + "/rejoiner/order?t="), url);
        assertFalse(url.contains("guest") || url.contains("20240501-18"), url);
        assertEquals(18L, links.verify(url.substring(url.indexOf("t=") + 2)));
    }

    @Test
    void cartsKeepTheRestoreLink() {
        assertEquals(BASE + "/rejoiner/cart/restore?t=x", urls.cartReturnUrl(order(19L, null, false, null), BASE));
    }
}
