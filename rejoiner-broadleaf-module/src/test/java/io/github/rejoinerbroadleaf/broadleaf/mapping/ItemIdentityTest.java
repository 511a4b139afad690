package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsServiceImpl;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.category;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.withOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The itemIdentity setting: one Rejoiner item per product (default) or per SKU, the same everywhere. */
class ItemIdentityTest {

    private final UrlResolver urls = StoreUrls.urls("https://shop.example");
    private final Category merch = category("Merchandise");

    private static OrderMapper mapper(String identity) {
        List<SettingsLayer> layers = List.of(StandardLayers.fixed("test",
                identity == null ? Map.of() : Map.of(SettingKey.ITEM_IDENTITY, identity)));
        OrderMapper mapper = new OrderMapper(new DefaultReturnUrls());
        mapper.setSettingsService(new RejoinerSettingsServiceImpl(layers, 0));
        return mapper;
    }

    private static DiscreteOrderItem withSku(DiscreteOrderItem line, long skuId) {
        Sku sku = mock(Sku.class);
        when(sku.getId()).thenReturn(skuId);
        when(line.getSku()).thenReturn(sku);
        return line;
    }

    /** T-shirt M x2 (SKU 72) and L x1 (SKU 73). */
    private Order teeInTwoSizes(Product tee) {
        return order(100, "54.00", "0",
                withSku(line(1, tee, 2, "18.00", "SIZE", "M"), 72),
                withSku(line(2, tee, 1, "18.00", "SIZE", "L"), 73));
    }

    private Product tee() {
        Product tee = withOptions(product(7, "Tee", "18.00", "/tee", null, merch), "SIZE");
        Sku defaultSku = tee.getDefaultSku();
        when(defaultSku.getId()).thenReturn(70L);
        return tee;
    }

    private static List<String> describe(List<CartItem> items) {
        return items.stream().map(i -> i.productId() + " x" + i.quantity() + " " + i.customFields())
                .collect(Collectors.toList());
    }

    @Test
    void byDefaultLinesOfOneProductAreOneItem() {
        Product tee = tee();
        OrderMapper mapper = mapper(null);

        assertEquals(List.of(ItemIdentity.PRODUCT, List.of("7 x3 {SIZE=M, L}"), Map.of("7", 3), "7"),
                List.of(mapper.itemIdentity(), describe(mapper.cartItems(teeInTwoSizes(tee), urls)),
                        mapper.itemQuantities(teeInTwoSizes(tee)), mapper.productView(tee, urls).productId()));
    }

    @Test
    void withSkuIdentityEachSkuIsItsOwnItemWithItsSkuId() {
        Product tee = tee();
        OrderMapper mapper = mapper("SKU");

        assertEquals(List.of("72 x2 {SIZE=M}", "73 x1 {SIZE=L}"), describe(mapper.cartItems(teeInTwoSizes(tee), urls)));
    }

    @Test
    void withSkuIdentityRemovalsAndProductViewsUseSkuIdsToo() {
        Product tee = tee();
        OrderMapper mapper = mapper("sku");

        assertEquals(List.of(Map.of("72", 2, "73", 1), "70"),
                List.of(mapper.itemQuantities(teeInTwoSizes(tee)), mapper.productView(tee, urls).productId()));
    }

    @Test
    void anUnknownIdentityFallsBackToProductWithAWarning() {
        OrderMapper mapper = mapper("VARIANT");

        assertEquals(ItemIdentity.PRODUCT, mapper.itemIdentity());
    }
}
