package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CartItemTest {

    /** Number.MAX_SAFE_INTEGER of JavaScript. */
    private static final long MAX_SAFE = 9007199254740991L;
    private static final UrlResolver SHOP = UrlResolver.forBase("https://shop.example.com/store");

    private static CartItem.Builder tv() {
        return CartItem.builder(SHOP).productId("SKU-1002").name("Exclusive TV 1002")
                .categories(List.of("exclusive-items", "tv", "bestsellers"))
                .unitPrice(new BigDecimal("299.99")).quantity(3);
    }

    @Test
    void rendersGuideKeysAndCents() {
        CartItem item = tv().productUrl("https://shop.example.com/tv").imageUrl("https://cdn.example.com/tv.png")
                .description("Best TV ever. And exclusive!").build();
        assertEquals(Json.parse("""
                {'product_id':'SKU-1002','name':'Exclusive TV 1002','category':['exclusive-items','tv','bestsellers'],
                 'price':29999,'item_qty':3,'qty_price':89997,'product_url':'https://shop.example.com/tv',
                 'image_url':'https://cdn.example.com/tv.png','description':'Best TV ever. And exclusive!'}"""),
                Json.normal(item.toJson()));
    }

    @Test
    void qtyPriceIsRoundedUnitPriceTimesQuantity() {
        CartItem item = CartItem.builder().productId("p").unitPrice(new BigDecimal("0.005")).quantity(3).build();
        assertEquals(3L, item.qtyPriceCents());
    }

    @Test
    void qtyPriceAbsentWithoutQuantity() {
        CartItem item = CartItem.builder().productId("p").unitPrice(BigDecimal.ONE).build();
        assertFalse(item.toJson().has("qty_price"));
    }

    @Test
    void blankProductIdMakesItemUnsendable() {
        try (LogCapture log = LogCapture.start()) {
            CartItem item = tv().productId("  ").build();
            assertFalse(item.hasProductId());
        }
    }

    @Test
    void blankProductIdLogsOneWarning() {
        try (LogCapture log = LogCapture.start()) {
            tv().productId(null).build();
            assertEquals(1, log.warnings());
        }
    }

    @Test
    void negativePriceIsDroppedWithOneWarning() {
        try (LogCapture log = LogCapture.start()) {
            CartItem item = tv().unitPrice(new BigDecimal("-1.00")).build();
            assertNull(item.priceCents());
            assertEquals(1, log.warnings());
        }
    }

    @Test
    void negativeQuantityIsDropped() {
        assertNull(tv().quantity(-2).build().quantity());
    }

    @Test
    void fractionalQuantityIsDropped() {
        assertNull(tv().quantity(new BigDecimal("1.5")).build().quantity());
    }

    @Test
    void wholeDecimalQuantityIsAccepted() {
        assertEquals(2, tv().quantity(new BigDecimal("2.00")).build().quantity());
    }

    @Test
    void priceBeyondJavaScriptPrecisionIsDropped() {
        assertNull(tv().unitPriceCents(MAX_SAFE + 1).build().priceCents());
    }

    @Test
    void overflowingQtyPriceIsDropped() {
        CartItem item = tv().unitPriceCents(MAX_SAFE).quantity(Integer.MAX_VALUE).build();
        assertNull(item.qtyPriceCents());
    }

    @Test
    void customFieldsAreExtraStringKeys() {
        CartItem item = tv().customField("my_custom_param_1", "my custom value 1")
                .customField("my_custom_param_2", 101010101).build();
        assertEquals("101010101", item.toJson().get("my_custom_param_2").textValue());
    }

    @Test
    void customDecimalIsPlainString() {
        CartItem item = tv().customField("weight", new BigDecimal("1E+3")).build();
        assertEquals("1000", item.customFields().get("weight"));
    }

    @Test
    void customFieldCannotOverrideStandardKey() {
        CartItem item = tv().customField("price", "0").build();
        assertEquals(29999, item.toJson().get("price").longValue());
    }

    @Test
    void nullCustomValueIsDropped() {
        assertTrue(tv().customField("x", (String) null).build().customFields().isEmpty());
    }

    @Test
    void relativeUrlResolvedAgainstStoreBase() {
        assertEquals("https://shop.example.com/store/tv/1002", tv().productUrl("tv/1002").build().productUrl());
    }

    @Test
    void relativeUrlWithoutBaseIsDropped() {
        assertNull(CartItem.builder().productId("p").imageUrl("/img/tv.png").build().imageUrl());
    }

    @Test
    void blankCategoriesAreIgnored() {
        assertEquals(List.of("tv"),
                CartItem.builder().productId("p").category(" ").category(null).category("tv").build().categories());
    }

    @Test
    void categoryArrayIsAlwaysPresent() {
        assertEquals(Json.parse("[]"), CartItem.builder().productId("p").build().toJson().get("category"));
    }

    @Test
    void loneSurrogateInNameIsReplaced() {
        assertEquals("a\uFFFDb", tv().name("a\uD800b").build().name());
    }

    @Test
    void surrogatePairInNameIsKept() {
        assertEquals("TV \uD83D\uDCFA", tv().name("TV \uD83D\uDCFA").build().name());
    }

    @Test
    void itemsAreImmutable() {
        CartItem item = tv().build();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> item.categories().add("x"));
    }
}
