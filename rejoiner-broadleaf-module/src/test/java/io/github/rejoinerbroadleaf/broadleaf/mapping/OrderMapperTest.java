package io.github.rejoinerbroadleaf.broadleaf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.CustomerData;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.domain.CustomerAttribute;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.category;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.offerCode;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.withOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OrderMapperTest {

    private static final String BASE = "https://shop.example/store";
    private final OrderMapper mapper = new OrderMapper(new DefaultReturnUrls());
    private final UrlResolver urls = StoreUrls.urls(BASE);
    private final Category sauces = category("Hot Sauces");
    private final Category gifts = category("Gift Sets");
    private final Category merch = category("Merchandise");

    @Test
    void aProductViewHasIdNameCategoriesSalePriceAndAbsoluteUrlsUnderTheContextPath() {
        // Sku.getPrice() is the sale price while a sale is active.
        Product reaper = product(3, "Carolina Reaper Reserve", "14.99", "/hot-sauces/carolina-reaper-reserve",
                "/img/products/reaper.svg", gifts, sauces, gifts);

        ProductView view = mapper.productView(reaper, urls);

        assertEquals("3", view.productId());
        assertEquals("Carolina Reaper Reserve", view.name());
        assertEquals(List.of("Gift Sets", "Hot Sauces"), view.categories(), "default first, no duplicates");
        assertEquals(1499L, view.priceCents());
        assertEquals(BASE + "/hot-sauces/carolina-reaper-reserve", view.productUrl());
        assertEquals(BASE + "/img/products/reaper.svg", view.imageUrl());
    }

    @Test
    void aProductWithoutPriceMediaOrCategoriesIsStillAView() {
        Product bare = product(9, "Bare", null, null, null, null);

        ProductView view = mapper.productView(bare, urls);

        assertEquals("9", view.productId());
        assertNull(view.priceCents());
        assertNull(view.productUrl());
        assertNull(view.imageUrl());
        assertTrue(view.categories().isEmpty());
    }

    @Test
    void absoluteAndCdnImageUrlsAreKeptAndUnsafeOnesDropped() {
        assertEquals("https://cdn.example/x.png", mapper.productView(
                product(1, "A", "1", "/a", "https://cdn.example/x.png", null), urls).imageUrl());
        assertEquals("https://cdn.example/y.png", mapper.productView(
                product(1, "A", "1", "/a", "//cdn.example/y.png", null), urls).imageUrl());
        assertNull(mapper.productView(product(1, "A", "1", "javascript:alert(1)", null, null), urls).productUrl());
    }

    @Test
    void linesOfOneProductBecomeOneItemWithSummedQuantityAndOptionsAsCustomFields() {
        Product tee = withOptions(product(7, "Heat Clinic T-Shirt", "18.00", "/merchandise/heat-clinic-tee",
                "/img/tee.svg", merch), "SIZE", "COLOR");
        Product sauce = product(6, "Sauce", "12.34", "/hot-sauces/sauce", null, sauces);
        Order cart = order(100, "72.34", "0",
                line(1, tee, 1, "18.00", "SIZE", "M"),
                line(2, sauce, 2, "12.34"),
                line(3, tee, 1, "18.00", "SIZE", "L", "COLOR", "Red"));

        List<CartItem> items = mapper.cartItems(cart, urls);

        assertEquals(2, items.size());
        CartItem shirt = items.get(0);
        assertEquals("7", shirt.productId());
        assertEquals(2, shirt.quantity());
        assertEquals(1800L, shirt.priceCents());
        assertEquals(3600L, shirt.qtyPriceCents());
        assertEquals("M, L", shirt.customFields().get("SIZE"));
        assertEquals("Red", shirt.customFields().get("COLOR"));
        assertEquals(List.of("Merchandise"), shirt.categories());
        assertEquals(BASE + "/merchandise/heat-clinic-tee", shirt.productUrl());
        assertEquals("Heat Clinic T-Shirt description", shirt.description());
        assertEquals("6", items.get(1).productId());
        assertEquals(2468L, items.get(1).qtyPriceCents(), "12.34 x 2");
        assertEquals(Map.of("7", 2, "6", 2), OrderLines.quantities(cart, ItemIdentity.PRODUCT));
    }

    @Test
    void lineAttributesThatAreNoProductOptionAreNotSent() {
        Product tee = withOptions(product(7, "Tee", "18.00", "/tee", null, merch), "SIZE");
        Order cart = order(100, "18.00", "0", line(1, tee, 1, "18.00", "SIZE", "M", "GIFT_NOTE", "Happy birthday, Ann"));

        CartItem item = mapper.cartItems(cart, urls).get(0);

        assertEquals(Map.of("SIZE", "M"), item.customFields());
    }

    @Test
    void linesWithDifferentUnitPricesSendTheWeightedAverage() {
        Product tee = product(7, "Tee", "10.00", "/tee", null, merch);
        Order cart = order(1, "32.00", "0", line(1, tee, 1, "10.00"), line(2, tee, 2, "11.01"));

        CartItem item = mapper.cartItems(cart, urls).get(0);

        assertEquals(3, item.quantity());
        assertEquals(1067L, item.priceCents(), "(1000 + 2 x 1101) / 3 = 1067.33");
    }

    @Test
    void linesWithoutProductOrQuantityAreLeftOut() {
        DiscreteOrderItem orphan = line(1, null, 1, "5.00");
        DiscreteOrderItem zero = line(2, product(2, "Z", "1", "/z", null, null), 0, "1.00");
        Order cart = order(1, "5.00", "0", orphan, zero);

        assertTrue(mapper.cartItems(cart, urls).isEmpty());
        assertEquals(1, OrderLines.totalQuantity(cart), "the orphan still counts as a unit in the cart");
    }

    @Test
    void cartValueIsTheSubTotalAfterOrderDiscountsBeforeShippingAndTax() {
        Order cart = order(5, "50.00", "7.51", line(1, product(1, "A", "25", "/a", null, null), 2, "25.00"));
        when(cart.getEmailAddress()).thenReturn("a@example.com");

        CartData data = mapper.cartData(cart, BASE);

        assertEquals(4249L, data.cartValueCents());
        assertEquals(2, data.cartItemCount());
        assertEquals(BASE + "/cart", data.returnUrl());
        assertEquals(new BigDecimal("0"), OrderLines.cartValue(order(6, "5.00", "9.00")), "never negative");
    }

    @Test
    void theConversionCarriesOrderNumberPromoCodesOrderLinkAndCampaignTargets() {
        Order order = order(8, "30.00", "3.00", line(1, product(4, "Chipotle", "15", "/c", null, sauces), 2, "15.00"));
        when(order.getOrderNumber()).thenReturn("ORD-42");
        List<OfferCode> codes = List.of(offerCode("SUMMER"), offerCode("VIP"), offerCode("SUMMER"));
        when(order.getAddedOfferCodes()).thenReturn(codes);
        when(order.getEmailAddress()).thenReturn("buyer@example.com");
        RejoinerSettings settings = settings(Map.of(SettingKey.CAMPAIGN_TYPE, "abandonment,conversion",
                SettingKey.CAMPAIGN_IDS, "c1, c2"));

        JsonNode json = json(TrackingCommand.sendConversion(mapper.conversion(order, settings, BASE)));

        JsonNode data = json.get(1).get("cart_data");
        assertEquals(2700, data.get("cart_value").asLong());
        assertEquals(2, data.get("cart_item_count").asInt());
        assertEquals("ORD-42", data.get("customer_order_number").asText());
        assertEquals("SUMMER, VIP", data.get("promo").asText());
        assertEquals(BASE + "/account/orders", data.get("return_url").asText());
        assertEquals("[\"abandonment\",\"conversion\"]", json.get(1).get("campaign_type").toString());
        assertEquals("[\"c1\",\"c2\"]", json.get(1).get("campaign_ids").toString());
        assertEquals("4", json.get(1).get("cart_items").get(0).get("product_id").asText());

        LeadConversion lead = mapper.leadConversion(order, settings, BASE);
        assertEquals("buyer@example.com", lead.email());
        assertNull(lead.campaignType(), "REST takes one type; two are configured");
        assertEquals(2700L, lead.cartData().cartValueCents());
        assertEquals(1, lead.items().size());
    }

    @Test
    void anOrderWithoutEmailHasNoLeadConversion() {
        Order order = order(8, "30.00", "0");
        assertNull(mapper.leadConversion(order, settings(Map.of()), BASE));
        when(order.getEmailAddress()).thenReturn("not an address");
        assertNull(mapper.leadConversion(order, settings(Map.of()), BASE));
    }

    @Test
    void hostileNamesStayDataInTheRenderedScript() {
        String hostile = "Grandma's \"Extra\" </script><script>alert(1)</script><!-- \u2028 & \uD83C\uDF36";
        Product p = product(6, hostile, "12.34", "/hot-sauces/g", "/img/g.svg", category("</script>"));
        Order cart = order(1, "12.34", "0", line(1, p, 1, "12.34", "NOTE", "</script>"));
        String script = TrackingScript.builder().siteId("s").build().render(List.of(
                TrackingCommand.trackProductView(mapper.productView(p, urls)),
                TrackingCommand.setCartItem(mapper.cartItems(cart, urls).get(0))));

        String body = script.substring("<script type=\"text/javascript\">".length(), script.length() - "</script>".length());
        assertFalse(body.contains("<"), body);
        assertFalse(body.contains("\u2028"), body);
        JsonNode view = json(TrackingCommand.trackProductView(mapper.productView(p, urls)));
        assertEquals(hostile, view.get(1).get("name").asText());
    }

    @Test
    void customerDataTakesFirstNameLanguageGenderAndAgeAttributes() {
        Customer customer = mock(Customer.class);
        when(customer.getFirstName()).thenReturn("Rita");
        Map<String, CustomerAttribute> attributes = new HashMap<>();
        attributes.put("gender", attribute("Female"));
        attributes.put("age", attribute(" 41 "));
        when(customer.getCustomerAttributes()).thenReturn(attributes);

        CustomerData data = mapper.customerData(customer, Locale.GERMANY);

        assertEquals("Rita", data.name());
        assertEquals("de", data.language());
        assertEquals("female", data.gender());
        assertEquals(41, data.age());

        attributes.put("age", attribute("forty"));
        attributes.put("gender", attribute("robot"));
        CustomerData odd = mapper.customerData(customer, Locale.ENGLISH);
        assertNull(odd.age());
        assertNull(odd.gender());
        assertEquals("en", mapper.customerData(null, Locale.US).language());
    }

    @Test
    void theEmailIsTheLoggedInCustomersElseTheOneEnteredAtCheckout() {
        Customer guest = mock(Customer.class);
        when(guest.isLoggedIn()).thenReturn(false);
        when(guest.getEmailAddress()).thenReturn("remembered@example.com");
        Order cart = order(1, "0", "0");
        assertNull(CustomerFacts.email(guest, cart));
        when(cart.getEmailAddress()).thenReturn(" typed@example.com ");
        assertEquals("typed@example.com", CustomerFacts.email(guest, cart));
        Customer member = mock(Customer.class);
        when(member.isLoggedIn()).thenReturn(true);
        when(member.getEmailAddress()).thenReturn("member@example.com");
        assertEquals("member@example.com", CustomerFacts.email(member, cart));
    }

    @Test
    void theReturnUrlSeamIsUsed() {
        ReturnUrls signed = new ReturnUrls() {
            @Override
            public String cartReturnUrl(Order cart, String storeBaseUrl) {
                return storeBaseUrl + "/restore?cart=" + cart.getId();
            }

            @Override
            public String orderReturnUrl(Order order, String storeBaseUrl) {
                return null;
            }
        };
        Order cart = order(77, "1.00", "0");
        assertEquals(BASE + "/restore?cart=77", new OrderMapper(signed).cartData(cart, BASE).returnUrl());
        assertNull(new OrderMapper(signed).orderData(cart, BASE).returnUrl());
    }

    private static CustomerAttribute attribute(String value) {
        CustomerAttribute a = mock(CustomerAttribute.class);
        when(a.getValue()).thenReturn(value);
        return a;
    }

    static RejoinerSettings settings(Map<SettingKey, String> values) {
        Map<SettingKey, String> all = new EnumMap<>(SettingKey.class);
        all.put(SettingKey.SITE_ID, "site");
        all.putAll(values);
        return new SettingsResolver(StandardLayers.fixed("test", all)).resolve();
    }

    private static JsonNode json(TrackingCommand command) {
        try {
            return new ObjectMapper().readTree(TrackingScript.commandsJson(List.of(command))).get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
