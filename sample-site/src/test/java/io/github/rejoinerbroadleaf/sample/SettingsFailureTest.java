package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.admin.AdminSettingsLayer;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The settings read fails (its table is gone) while shoppers browse: every storefront page still
 * answers 200 with the store's content. Before the fix the failing read ran in a transaction on
 * Broadleaf's transaction manager whose rollback cleared the request's open-session-in-view
 * EntityManager, and the page died with a LazyInitializationException.
 */
@ExtendWith(RunningStore.class)
class SettingsFailureTest {

    private SampleStore store;

    @BeforeEach
    void dropTheSettingsTable(SampleStore store) throws Exception {
        this.store = store;
        try (Connection c = RunningStore.database(); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE RJ_ADMIN_SETTINGS RENAME TO RJ_ADMIN_SETTINGS_AWAY");
        }
        forceSettingsRead();
    }

    @AfterEach
    void restoreTheSettingsTable() throws Exception {
        try (Connection c = RunningStore.database(); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE RJ_ADMIN_SETTINGS_AWAY RENAME TO RJ_ADMIN_SETTINGS");
        }
        forceSettingsRead();
    }

    /** The next request reads the settings again instead of using the cached ones. */
    private void forceSettingsRead() {
        SettingsLayer layer = store.bean("blRejoinerAdminSettingsLayer", SettingsLayer.class);
        if (layer instanceof AdminSettingsLayer admin) {
            admin.invalidate();
        }
        store.bean("blRejoinerSettingsService", RejoinerSettingsService.class).invalidate();
    }

    @Test
    void everyStorefrontPageAnswersWithItsContentWhileTheSettingsCannotBeRead() throws Exception {
        Shopper shopper = new Shopper(store);
        String email = "failure-" + System.nanoTime() + "@example.com";
        Map<String, String> pages = new LinkedHashMap<>(); // path -> an element only that page's content has
        pages.put("/", ".page.home .product-tile");
        pages.put("/hot-sauces", ".page.category .product-tile");
        pages.put("/hot-sauces/green-ghost", "#product-name");
        pages.put("/search?q=sauce", ".page.search .product-tile");
        pages.put("/login", "#login-form");
        pages.put("/register", "#register-form");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            assertPage(shopper, page.getKey(), page.getValue());
        }

        shopper.post("/register", "customer.emailAddress", email, "customer.firstName", "Fay",
                "customer.lastName", "Failure", "password", "Secret123", "passwordConfirm", "Secret123");
        shopper.get("/hot-sauces/green-ghost");
        forceSettingsRead();
        shopper.post("/cart/add", "productId", "2", "quantity", "1");
        assertPage(shopper, "/cart", "tr.cart-line");
        assertPage(shopper, "/checkout", "#email-form");
        assertPage(shopper, "/account/orders", ".page.order-history");
    }

    private void assertPage(Shopper shopper, String path, String contentSelector) throws Exception {
        forceSettingsRead();
        Shopper.Page page = shopper.get(path);
        assertEquals(200, page.status(), path + "\n" + page.body());
        assertNotNull(page.document().selectFirst(contentSelector), path + " shows its content:\n" + page.body());
    }
}
