package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restore link opened in a real, fresh headless Chromium (no cookies): the cart is there. */
@ExtendWith(RunningStore.class)
class CartRestoreBrowserTest {

    @Test
    void aFreshBrowserOpensTheLinkAndSeesTheCart(SampleStore store) throws Exception {
        Map<String, String> size = new TreeMap<>();
        size.put("SIZE", "S");
        String url = store.bean("blRejoinerCartRestoreService", CartRestoreService.class).restoreUrl(List.of(
                RestoreLine.of(7L, 71L, 2, size), RestoreLine.of(8L, 8L, 1), RestoreLine.of(999999L, null, 1)),
                "http://localhost:" + store.port());

        try (StorefrontBrowser browser = StorefrontBrowser.open(store, List.of("*rejoiner.com*"))) {
            browser.go(url + "&utm_source=rejoiner&utm_medium=email&promo=NOPE");

            assertEquals("/cart?utm_medium=email&utm_source=rejoiner", browser.currentPath());
            Map<String, String> lines = new TreeMap<>();
            for (WebElement row : browser.findAll("tr.cart-line")) {
                lines.put(row.getAttribute("data-product-id") + " " + row.findElement(
                                org.openqa.selenium.By.cssSelector(".line-name")).getText(),
                        row.findElement(org.openqa.selenium.By.cssSelector("input.line-quantity")).getAttribute("value"));
            }
            assertEquals(Map.of("7 Heat Clinic T-Shirt", "2", "8 Pepper Print Apron", "1"), lines);
            String messages = browser.find(".rejoiner-restore-messages").getText();
            assertTrue(messages.contains("An item from your saved cart is no longer available."), messages);
            assertTrue(messages.contains("The promo code NOPE is not valid."), messages);
            assertEquals("3", browser.find("#cart-count").getText());

            browser.reload(); // the messages were for one page view only
            assertTrue(browser.findAll(".rejoiner-restore-message").isEmpty());
        }
    }
}
