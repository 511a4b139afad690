package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeadConversionTest {

    private static final CartItem ITM1 = CartItem.builder().productId("ITM1").name("Item Name")
            .categories(List.of("televisions", "smart_tv")).unitPriceCents(19999).quantity(2)
            .productUrl("https://shop.example.com/itm1").imageUrl("https://shop.example.com/itm1.png").build();

    @Test
    void guideExtendedExample() {
        LeadConversion c = LeadConversion.builder().email("foo@bar.com").campaignId("1")
                .campaignType(CampaignType.ABANDONMENT)
                .cartData(CartData.builder().cartValueCents(79996).cartItemCount(2).build())
                .item(ITM1).build();
        assertEquals(Json.parse("""
                {'email':'foo@bar.com','campaign_id':'1','campaign_type':'abandonment',
                 'cart_data':{'cart_value':79996,'cart_item_count':2},
                 'cart_items':[{'product_id':'ITM1','name':'Item Name','category':['televisions','smart_tv'],
                   'price':19999,'item_qty':2,'qty_price':39998,'product_url':'https://shop.example.com/itm1',
                   'image_url':'https://shop.example.com/itm1.png'}]}"""),
                Json.parse(LeadPayloads.conversion(c)));
    }

    @Test
    void severalCampaignIdsAreAnArray() {
        LeadConversion c = LeadConversion.builder().email("a@b.co").campaignId("1").campaignId("2").build();
        assertEquals(Json.parse("{'email':'a@b.co','campaign_id':['1','2']}"), Json.parse(LeadPayloads.conversion(c)));
    }

    @Test
    void emailOnlyBody() {
        assertEquals("{\"email\":\"a@b.co\"}", LeadPayloads.email(" a@b.co "));
    }

    @Test
    void missingEmailIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LeadConversion.builder().build());
    }

    @Test
    void refusalDoesNotRepeatTheAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeadConversion.builder().email("private.person@nowhere").build());
        assertFalse(e.getMessage().contains("private.person"));
    }

    @Test
    void toStringHasNoAddress() {
        assertFalse(LeadConversion.builder().email("private.person@example.com").build().toString().contains("private"));
    }
}
