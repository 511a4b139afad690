package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CartDataTest {

    private static CartItem item(String id, Integer qty) {
        CartItem.Builder b = CartItem.builder().productId(id);
        if (qty != null) {
            b.quantity(qty);
        }
        return b.build();
    }

    @Test
    void itemCountIsTotalQuantityNotLines() {
        assertEquals(4, CartData.totalQuantity(List.of(item("a", 3), item("b", 1))));
    }

    @Test
    void itemWithoutQuantityCountsAsOne() {
        assertEquals(3, CartData.totalQuantity(List.of(item("a", 2), item("b", null))));
    }

    @Test
    void itemWithoutProductIdIsNotCounted() {
        assertEquals(2, CartData.totalQuantity(Arrays.asList(item("a", 2), item(" ", 5), null)));
    }

    @Test
    void builderTakesCountFromItems() {
        CartData data = CartData.builder().cartItemCountFrom(List.of(item("a", 3), item("b", 1))).build();
        assertEquals(4, data.cartItemCount());
    }

    @Test
    void rendersGuideKeys() {
        CartData data = CartData.builder(UrlResolver.forBase("https://shop.example.com"))
                .cartValue(new BigDecimal("799.96")).cartItemCount(2).customerOrderNumber("ACID/12113/07/16")
                .promo("SUMMERSALE16").returnUrl("/cart").build();
        assertEquals(Json.parse("""
                {'cart_value':79996,'cart_item_count':2,'customer_order_number':'ACID/12113/07/16',
                 'promo':'SUMMERSALE16','return_url':'https://shop.example.com/cart'}"""), Json.normal(data.toJson()));
    }

    @Test
    void negativeCartValueIsDropped() {
        assertNull(CartData.builder().cartValue(new BigDecimal("-5")).build().cartValueCents());
    }

    @Test
    void negativeItemCountIsDropped() {
        assertNull(CartData.builder().cartItemCount(-1).build().cartItemCount());
    }
}
