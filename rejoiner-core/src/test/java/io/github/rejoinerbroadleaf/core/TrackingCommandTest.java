package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class TrackingCommandTest {

    private static final CartItem TV = CartItem.builder().productId("SKU-1002").name("TV")
            .unitPrice(new BigDecimal("299.99")).quantity(3).build();

    /** The command as the JSON array the page pushes. */
    private static String pushed(TrackingCommand c) {
        return TrackingScript.commandsJson(List.of(c));
    }

    @Test
    void setAccount() {
        assertEquals("[[\"setAccount\",\"53b53e65\"]]", pushed(TrackingCommand.setAccount("53b53e65")));
    }

    @Test
    void setDomain() {
        assertEquals("[[\"setDomain\",\".example.com\"]]", pushed(TrackingCommand.setDomain(".example.com")));
    }

    @Test
    void setCartData() {
        TrackingCommand c = TrackingCommand.setCartData(CartData.builder().cartValueCents(79996).cartItemCount(4).build());
        assertEquals(Json.parse("[['setCartData',{'cart_value':79996,'cart_item_count':4}]]"), Json.parse(pushed(c)));
    }

    @Test
    void setCartItem() {
        assertEquals(Json.parse("""
                [['setCartItem',{'product_id':'SKU-1002','name':'TV','category':[],'price':29999,'item_qty':3,
                  'qty_price':89997}]]"""), Json.parse(pushed(TrackingCommand.setCartItem(TV))));
    }

    @Test
    void setCartItemWithoutProductIdIsSkipped() {
        try (LogCapture log = LogCapture.start()) {
            assertTrue(TrackingCommand.setCartItem(CartItem.builder().name("x").build()).isSkipped());
        }
    }

    @Test
    void removeCartItem() {
        assertEquals("[[\"removeCartItem\",{\"product_id\":\"SKU-1002\"}]]",
                pushed(TrackingCommand.removeCartItem("SKU-1002")));
    }

    @Test
    void sendConversionWithoutArgument() {
        assertEquals("[[\"sendConversion\"]]", pushed(TrackingCommand.sendConversion()));
    }

    @Test
    void sendConversionWithEverything() {
        Conversion conversion = Conversion.builder()
                .campaignType(CampaignType.ABANDONMENT).campaignType(CampaignType.CONVERSION)
                .campaignId("517e97c518484d2b1a000000")
                .cartData(CartData.builder().cartValueCents(89997).cartItemCountFrom(List.of(TV))
                        .customerOrderNumber("ACID/12113/07/16").promo("SUMMERSALE16").build())
                .item(TV).build();
        assertEquals(Json.parse("""
                [['sendConversion',{'campaign_type':['abandonment','conversion'],
                  'campaign_ids':['517e97c518484d2b1a000000'],
                  'cart_data':{'cart_value':89997,'cart_item_count':3,'customer_order_number':'ACID/12113/07/16',
                               'promo':'SUMMERSALE16'},
                  'cart_items':[{'product_id':'SKU-1002','name':'TV','category':[],'price':29999,'item_qty':3,
                                 'qty_price':89997}]}]]"""),
                Json.parse(pushed(TrackingCommand.sendConversion(conversion))));
    }

    @Test
    void startNewOrder() {
        assertEquals("[[\"startNewOrder\"]]", pushed(TrackingCommand.startNewOrder()));
    }

    @Test
    void clearCartData() {
        assertEquals("[[\"clearCartData\"]]", pushed(TrackingCommand.clearCartData()));
    }

    @Test
    void trackPageViewFalse() {
        assertEquals("[[\"trackPageView\",false]]", pushed(TrackingCommand.disablePageViewTracking()));
    }

    @Test
    void addPageView() {
        assertEquals("[[\"addPageView\",{\"url\":\"https://shop.example.com/spa/page\"}]]",
                pushed(TrackingCommand.addPageView("spa/page", UrlResolver.forBase("https://shop.example.com"))));
    }

    @Test
    void addPageViewRelativeWithoutBaseIsSkipped() {
        try (LogCapture log = LogCapture.start()) {
            assertTrue(TrackingCommand.addPageView("/spa/page").isSkipped());
        }
    }

    @Test
    void trackProductView() {
        ProductView view = ProductView.builder().productId("SKU-1223").name("Standard TV 1223")
                .category("inexpensive").category("tv").price(new BigDecimal("199.99"))
                .productUrl("https://shop.example.com/tv").imageUrl("https://shop.example.com/tv.png").build();
        assertEquals(Json.parse("""
                [['trackProductView',{'product_id':'SKU-1223','name':'Standard TV 1223','category':['inexpensive','tv'],
                  'price':19999,'product_url':'https://shop.example.com/tv','image_url':'https://shop.example.com/tv.png'}]]"""),
                Json.parse(pushed(TrackingCommand.trackProductView(view))));
    }

    @Test
    void setCustomerData() {
        CustomerData data = CustomerData.builder().age(23).gender("m").language("en").name("John").build();
        assertEquals(Json.parse("[['setCustomerData',{'age':23,'gender':'m','language':'en','name':'John'}]]"),
                Json.parse(pushed(TrackingCommand.setCustomerData(data))));
    }

    @Test
    void setCustomerEmail() {
        assertEquals("[[\"setCustomerEmail\",{\"email\":\"john@example.com\"}]]",
                pushed(TrackingCommand.setCustomerEmail(" john@example.com ")));
    }

    @Test
    void malformedEmailIsSkipped() {
        try (LogCapture log = LogCapture.start()) {
            assertTrue(TrackingCommand.setCustomerEmail("john@@example").isSkipped());
        }
    }

    @Test
    void malformedEmailIsNotLogged() {
        try (LogCapture log = LogCapture.start()) {
            TrackingCommand.setCustomerEmail("john.secret@example");
            assertFalse(log.text().contains("john.secret"));
        }
    }

    @Test
    void cartSkipsItemsWithoutProductId() {
        try (LogCapture log = LogCapture.start()) {
            List<TrackingCommand> commands = TrackingCommand.cart(CartData.builder().cartItemCount(3).build(),
                    List.of(TV, CartItem.builder().build()));
            assertEquals(2, commands.size());
        }
    }

    @Test
    void argumentIsACopy() {
        TrackingCommand c = TrackingCommand.removeCartItem("a");
        ((ObjectNode) c.argument()).put("product_id", "changed");
        assertEquals("a", c.argument().get("product_id").textValue());
    }

    @Test
    void noArgumentIsNull() {
        assertNull(TrackingCommand.startNewOrder().argument());
    }

    @Test
    void aPrerenderedCommandKeepsItsNameAndArgument() {
        TrackingCommand c = TrackingCommand.removeCartItem("a").prerendered();
        assertEquals("removeCartItem", c.name());
        assertEquals("a", c.argument().get("product_id").textValue());
    }

    @Test
    void aPrerenderedCommandGivesBackTheSameValuesEvenWhenEscaped() {
        CartItem hostile = CartItem.builder().productId("</script>").name("a\u2028b & <c>").unitPriceCents(1099)
                .quantity(2).customField("SIZE", "M").build();
        TrackingCommand c = TrackingCommand.setCartItem(hostile);
        assertEquals(c.argument().toString(), c.prerendered().argument().toString());
    }

    @Test
    void aSkippedCommandStaysSkippedWhenPrerendered() {
        try (LogCapture log = LogCapture.start()) {
            assertTrue(TrackingCommand.removeCartItem(" ").prerendered().isSkipped());
        }
    }
}
