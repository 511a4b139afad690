package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample store's own cart script ({@code js/cart.js}) in headless Chromium: "Add to cart", a
 * quantity change, an offer code and a removal all happen by XHR, without leaving the page (the
 * header element found before each step is still attached afterwards), as on Broadleaf's demo store.
 */
@ExtendWith(RunningStore.class)
class SampleCartScriptBrowserTest {

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.requireChromium();
    }

    @Test
    void cartChangesHappenByXhrWithoutLeavingThePage(SampleStore store) throws Exception {
        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of("*/rejoiner-sandbox/js/*"))) {
            browser.go("/hot-sauces/green-ghost");
            WebElement header = browser.find("header.site-header");
            browser.find("#add-to-cart").click();
            await(() -> browser.find("#cart-count").getText(), "1");
            assertTrue(browser.find("#add-to-cart-message").getText().contains("is in your cart"),
                    browser.find("#add-to-cart-message").getText());
            assertTrue(header.isDisplayed(), "still the product page");
            assertEquals("/hot-sauces/green-ghost", browser.currentPath());

            browser.go("/cart");
            header = browser.find("header.site-header");
            WebElement quantity = browser.find("tr.cart-line .line-quantity");
            quantity.clear();
            quantity.sendKeys("3");
            browser.find("tr.cart-line .update-quantity").click();
            await(() -> browser.find("#cart-count").getText(), "3");
            assertEquals("3", browser.find("tr.cart-line .line-quantity").getAttribute("value"));

            browser.type("#promo-code", "HOT10");
            browser.find("#apply-promo").click();
            await(() -> browser.findAll(".applied-code").isEmpty() ? "" : browser.find(".applied-code").getText(), "HOT10");

            browser.find("tr.cart-line .remove-line").click();
            await(() -> browser.findAll("#cart-empty").isEmpty() ? "lines" : "empty", "empty");
            assertEquals("0", browser.find("#cart-count").getText());
            assertTrue(header.isDisplayed(), "the cart page was never left");
            assertEquals("/cart", browser.currentPath());
        }
    }

    /** Polls until the value is as expected (an XHR answers asynchronously), for at most 10 s. */
    private static void await(Supplier<String> value, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals(expected, last, "not reached within 10 s");
    }
}
