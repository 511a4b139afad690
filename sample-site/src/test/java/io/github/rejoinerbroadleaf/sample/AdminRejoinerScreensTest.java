package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.SiteDeliveryState;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rejoiner screens of the Broadleaf admin in a real (headless) browser: settings with a
 * write-only secret, validation, "Test connection" against a local fake Rejoiner, and the delivery
 * log with a storefront checkout, a failed delivery that is retried, and the paused banner.
 */
@ExtendWith(RunningStore.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminRejoinerScreensTest {

    private static final String SECRET = "Sup3r-Secret-4dm1n-Value";
    private static final String SITE_ID = "admin-e2e";
    /** The Rejoiner 2 credential: write-only like the secret, only its last four characters ever shown. */
    private static final String API_KEY = "Adm1n-Api-Key-Value-Q7R8";

    private final MockWebServer rejoiner = new MockWebServer();
    /** What the fake Rejoiner answers to the Rejoiner 1 connection test ({@code GET /api/1.0/site/{id}/}). */
    private final AtomicInteger pingStatus = new AtomicInteger(200);
    /** What it answers to lead calls (the queued conversions). */
    private final AtomicInteger leadStatus = new AtomicInteger(200);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private SampleStore store;
    private AdminBrowser browser;

    @BeforeAll
    void start(SampleStore store) throws Exception {
        HeadlessChromium.requireChromium();
        this.store = store;
        rejoiner.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                boolean ping = request.getPath().equals("/api/1.0/site/" + SITE_ID + "/");
                return new MockResponse().setResponseCode(ping ? pingStatus.get() : leadStatus.get()).setBody("{}");
            }
        });
        rejoiner.start();
        browser = AdminBrowser.open(store);
        browser.logIn("admin", "admin");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            // Leave the store as other tests expect it: no admin row, no paused site.
            try (Connection c = RunningStore.database(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM RJ_ADMIN_SETTINGS");
            }
            invalidateSettings();
            ConversionQueue queue = store.bean("blRejoinerConversionQueue", ConversionQueue.class);
            for (SiteDeliveryState s : queue.siteStates()) {
                if (s.paused()) {
                    queue.resumeSite(s.site());
                }
            }
            rejoiner.shutdown();
        }
    }

    private void invalidateSettings() {
        SettingsLayer layer = store.bean("blRejoinerAdminSettingsLayer", SettingsLayer.class);
        if (layer instanceof io.github.rejoinerbroadleaf.broadleaf.admin.AdminSettingsLayer admin) {
            admin.invalidate();
        }
        store.bean("blRejoinerSettingsService", RejoinerSettingsService.class).invalidate();
    }

    private RejoinerSettings current() {
        return store.bean("blRejoinerSettingsService", RejoinerSettingsService.class).current();
    }

    @Test
    @Order(1)
    void savedSettingsTakeEffectAndTheSecretIsNeverShownAgain() throws Exception {
        browser.go("/rejoiner-settings");
        assertTrue(browser.exists("#rejoiner-settings-form"), browser.source());
        assertTrue(browser.find("#sideMenu").getText().contains("Rejoiner Settings"), "menu entry");

        new org.openqa.selenium.support.ui.Select(browser.find("#apiGeneration")).selectByValue("REJOINER_1");
        browser.type("siteId", SITE_ID);
        browser.type("domain", ".example.com");
        browser.type("newApiKey", API_KEY);
        browser.type("newApiSecret", SECRET);
        browser.type("apiUrl", rejoiner.url("/").toString());
        browser.type("campaignIds", "camp-1, camp-2");
        browser.type("untrackedPagePatterns", "/account/**\n/checkout/**");
        browser.type("restoreLinkDays", "14");
        browser.check("trackingEnabled", true);
        browser.check("conversionsEnabled", true);
        browser.submit("#rejoiner-save");

        assertTrue(browser.exists("#rejoiner-saved"), browser.source());
        assertFalse(browser.source().contains(SECRET), "the secret is not in the page");
        assertFalse(browser.source().contains(API_KEY.substring(0, API_KEY.length() - 4)), "the key is not in the page");
        assertEquals("", browser.find("#newApiSecret").getDomProperty("value"));
        assertEquals("", browser.find("#newApiKey").getDomProperty("value"));
        assertTrue(browser.find("#apiKey-state").getText().startsWith("A key ending in Q7R8 is set"),
                browser.find("#apiKey-state").getText());
        assertTrue(browser.find("#apiSecret-state").getText().startsWith("A secret is set"));
        assertEquals(SITE_ID, browser.find("#siteId").getDomProperty("value"));
        assertEquals("active", browser.find("#rejoiner-conversions-state").getText());

        // Saved in the store's database and in force at once, without a restart.
        try (Connection c = RunningStore.database();
             PreparedStatement ps = c.prepareStatement("SELECT SITE_ID, API_SECRET FROM RJ_ADMIN_SETTINGS WHERE SITE_KEY = 'default'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(SITE_ID, rs.getString(1));
            assertEquals(SECRET, rs.getString(2));
        }
        RejoinerSettings settings = current();
        assertEquals(SITE_ID, settings.siteId());
        assertEquals(API_KEY, settings.apiKey());
        assertTrue(settings.hasApiSecret());
        assertEquals(List.of("camp-1", "camp-2"), settings.campaignIds());
        assertEquals(14, settings.restoreLinkDays());
        assertTrue(settings.isConversionsActive());

        // Broadleaf's generic entity screens cannot reach the row either.
        for (String probe : List.of("/rejoiner-settings/default", "/rejoiner-settings/default/apiSecret",
                "/rejoiner-deliveries/default", "/rejoiner-settings/add",
                "/io.github.rejoinerbroadleaf.broadleaf.admin.RejoinerSettingsRecord/apiSecret/select")) {
            browser.go(probe);
            assertFalse(browser.source().contains(SECRET), probe + " shows the secret");
            assertFalse(browser.source().contains(API_KEY), probe + " shows the key");
        }

        // A reload shows only that a secret is set; saving with the field blank keeps it.
        browser.go("/rejoiner-settings");
        assertFalse(browser.source().contains(SECRET));
        browser.type("domain", "shop.example.com");
        browser.submit("#rejoiner-save");
        assertTrue(browser.exists("#rejoiner-saved"), browser.source());
        assertEquals("shop.example.com", current().domain());
        assertTrue(current().hasApiSecret(), "a blank secret field keeps the saved secret");
        assertEquals(API_KEY, current().apiKey(), "a blank key field keeps the saved key");
        assertFalse(browser.source().contains(API_KEY.substring(0, API_KEY.length() - 4)));
    }

    @Test
    @Order(2)
    void invalidValuesAreNotSavedAndGetFieldMessages() {
        browser.go("/rejoiner-settings");
        browser.type("siteId", "");
        browser.type("domain", "not a host");
        browser.type("apiUrl", "ftp://example.com");
        browser.type("untrackedPagePatterns", "account/**");
        browser.type("newApiSecret", "typed-but-rejected-secret");
        browser.submit("#rejoiner-save");

        assertTrue(browser.exists("#rejoiner-error-summary"), browser.source());
        assertEquals("A site id is required while JavaScript tracking or REST conversions are on.",
                browser.find("#siteId-error").getText());
        assertTrue(browser.find("#domain-error").getText().contains("host name"));
        assertTrue(browser.find("#apiUrl-error").getText().contains("absolute http"));
        assertTrue(browser.find("#untrackedPagePatterns-error").getText().contains("starting with '/'"));
        assertFalse(browser.source().contains("typed-but-rejected-secret"), "a rejected secret is not echoed");
        assertFalse(browser.source().contains(SECRET));
        assertEquals(SITE_ID, current().siteId(), "nothing was saved");
    }

    @Test
    @Order(3)
    void testConnectionSaysOkOrBadCredentials() throws Exception {
        pingStatus.set(200);
        browser.go("/rejoiner-settings");
        browser.submit("#rejoiner-test");
        WebElement result = browser.find("#rejoiner-test-result");
        assertEquals("OK", result.getDomAttribute("data-verdict"), browser.source());
        assertTrue(result.getText().startsWith("Connection OK"), result.getText());
        RecordedRequest ping = lastRequestTo("/api/1.0/site/" + SITE_ID + "/");
        assertNotNull(ping.getHeader("Authorization"), "the test call is signed with the saved secret");
        assertFalse(ping.getHeader("Authorization").contains(SECRET));

        pingStatus.set(403);
        browser.submit("#rejoiner-test");
        result = browser.find("#rejoiner-test-result");
        assertEquals("BAD_CREDENTIALS", result.getDomAttribute("data-verdict"), browser.source());
        assertTrue(result.getText().startsWith("Bad credentials"), result.getText());
        assertFalse(browser.source().contains(SECRET));
        pingStatus.set(200);
    }

    @Test
    @Order(4)
    void aNewApiUrlIsWarnedAboutAndNeverGetsTheSavedCredentials() {
        int before = requests.size();
        browser.go("/rejoiner-settings");
        assertTrue(browser.exists("#apiUrl-warning"), "the fake Rejoiner on 127.0.0.1 is not rejoiner.com");
        browser.type("apiUrl", rejoiner.url("/elsewhere/").toString());
        browser.submit("#rejoiner-test");
        assertEquals("INCOMPLETE", browser.find("#rejoiner-test-result").getDomAttribute("data-verdict"), browser.source());
        assertEquals(before, requests.size(), "nothing was sent to the new URL");

        browser.type("apiUrl", rejoiner.url("/elsewhere/").toString());
        browser.submit("#rejoiner-save");
        assertTrue(browser.find("#newApiSecret-error").getText().contains("type the API secret again"), browser.source());
        assertTrue(browser.find("#newApiKey-error").getText().contains("type the API key again"), browser.source());
        assertEquals(rejoiner.url("/").toString().replaceAll("/$", ""), current().apiUrl(), "nothing was saved");
    }

    @Test
    @Order(5)
    void aCheckoutShowsInTheLogAndAFailedDeliveryCanBeRetried() throws Exception {
        leadStatus.set(400);
        String orderNumber = new Shopper(store).placeOrder("admin-log@example.com", "/hot-sauces/habanero-hellfire", "1", "1");

        WebElement row = awaitRow("FAILED", orderNumber);
        assertEquals("1", row.findElement(By.cssSelector(".attempts")).getText());
        assertEquals("400", row.findElement(By.cssSelector(".http-status")).getText());

        leadStatus.set(200);
        browser.submit(row.findElement(By.cssSelector("button.retry")));
        assertTrue(browser.find("#rejoiner-action-message").getText().contains("queued again"), browser.source());
        WebElement sent = awaitRow(null, orderNumber, "SENT");
        assertEquals("SENT", sent.getDomAttribute("data-status"));
    }

    @Test
    @Order(6)
    void refusedCredentialsPauseDeliveriesWithABanner() throws Exception {
        leadStatus.set(401);
        String orderNumber = new Shopper(store).placeOrder("admin-paused@example.com", "/hot-sauces/habanero-hellfire", "1", "1");
        awaitPage("/rejoiner-deliveries?status=PAUSED", () -> browser.exists(".rejoiner-paused-banner")
                && browser.exists("tr.rejoiner-delivery[data-order='" + orderNumber + "']"));
        String banner = browser.find(".rejoiner-paused-banner").getText();
        assertTrue(banner.contains("rejects the credentials"), banner);
        assertEquals("PAUSED", browser.find("tr.rejoiner-delivery[data-order='" + orderNumber + "']").getDomAttribute("data-status"));

        // Discard it, so nothing of this test is sent later.
        browser.submit("tr.rejoiner-delivery[data-order='" + orderNumber + "'] button.discard");
        assertTrue(browser.find("#rejoiner-action-message").getText().contains("discarded"), browser.source());
        leadStatus.set(200);
    }

    @Test
    @Order(7)
    void conversionsWithoutCredentialsShowABannerOnBothScreensAndQueueNothing() throws Exception {
        try (Connection c = RunningStore.database(); Statement st = c.createStatement()) {
            // A site id without a key: real (non-sandbox) settings that cannot send anything.
            st.executeUpdate("UPDATE RJ_ADMIN_SETTINGS SET API_KEY = NULL, API_SECRET = NULL");
        }
        invalidateSettings();
        try {
            for (String screen : List.of("/rejoiner-settings", "/rejoiner-deliveries")) {
                browser.go(screen);
                assertTrue(browser.exists(".rejoiner-credentials-banner"), screen + ":\n" + browser.source());
                assertTrue(browser.find(".rejoiner-credentials-banner").getText()
                        .startsWith("Conversions are on but no credentials are set"));
            }
            String orderNumber = new Shopper(store).placeOrder("admin-nokeys@example.com", "/hot-sauces/habanero-hellfire", "1", "1");
            try (Connection c = RunningStore.database();
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM RJ_CONVERSION_QUEUE WHERE ORDER_KEY = ?")) {
                ps.setString(1, orderNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1), "an order without credentials is not queued");
                }
            }
        } finally {
            try (Connection c = RunningStore.database(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM RJ_ADMIN_SETTINGS");
            }
            invalidateSettings();
        }
    }

    private RecordedRequest lastRequestTo(String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).getPath().equals(path)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no request to " + path + " in " + requests);
    }

    private WebElement awaitRow(String filter, String orderNumber) throws InterruptedException {
        return awaitRow(filter, orderNumber, filter);
    }

    /** Reloads the log (filtered by status, or all) until the order's row shows the wanted status. */
    private WebElement awaitRow(String filter, String orderNumber, String status) throws InterruptedException {
        String css = "tr.rejoiner-delivery[data-order='" + orderNumber + "'][data-status='" + status + "']";
        awaitPage("/rejoiner-deliveries" + (filter == null ? "" : "?status=" + filter), () -> browser.exists(css));
        return browser.find(css);
    }

    private void awaitPage(String adminPath, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            browser.go(adminPath);
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out on " + adminPath + "; fake Rejoiner saw " + requests + ":\n"
                        + browser.source());
            }
            Thread.sleep(500);
        }
    }
}
