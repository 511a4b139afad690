package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsValidatorTest {

    private final SettingsValidator validator = new SettingsValidator();

    private static SettingsForm complete() {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.API_GENERATION, "REJOINER_1");
        f.set(SettingKey.SITE_ID, "site_1-A");
        f.set(SettingKey.DOMAIN, ".example.com");
        f.setTyped(SettingKey.API_KEY, "key123");
        f.setTyped(SettingKey.API_SECRET, "secret-value");
        f.set(SettingKey.API_URL, "https://app.rejoiner.com");
        f.set(SettingKey.JS_URL, "https://cdn.rejoiner.com/js/v4/rejoiner.lib.js?v=2");
        f.set(SettingKey.CAMPAIGN_TYPE, "abandonment, conversion");
        f.set(SettingKey.CAMPAIGN_IDS, "abc,def-1, g_2");
        f.set(SettingKey.UNTRACKED_PAGE_PATTERNS, "/account/**\n/checkout/*.htm");
        f.set(SettingKey.CONSENT_COOKIE, "cookie_consent");
        f.set(SettingKey.RESTORE_LINK_DAYS, "30");
        return f;
    }

    @Test
    void aCompleteFormIsValid() {
        assertEquals(Map.of(), validator.validate(complete(), false));
    }

    @Test
    void everythingOffNeedsNothing() {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.TRACKING_ENABLED, false);
        f.set(SettingKey.CONVERSIONS_ENABLED, false);
        assertEquals(Map.of(), validator.validate(f, false));
    }

    @Test
    void trackingNeedsASiteId() {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.CONVERSIONS_ENABLED, false);
        Map<String, String> errors = validator.validate(f, false);
        assertEquals(Map.of("siteId", "A site id is required while JavaScript tracking or REST conversions are on."), errors);
    }

    @Test
    void conversionsNeedSiteIdKeyAndForRejoiner1ASecret() {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.TRACKING_ENABLED, false);
        Map<String, String> errors = validator.validate(f, false);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.containsKey("siteId"));
        assertTrue(errors.containsKey("newApiKey"));
        assertTrue(errors.get("newApiSecret").contains("required for Rejoiner 1"));
    }

    private static RejoinerSettingsRecord stored(String apiUrl) {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_KEY, "stored-key-0001");
        r.setValue(SettingKey.API_SECRET, "stored-secret");
        r.setValue(SettingKey.API_URL, apiUrl);
        return r;
    }

    @Test
    void aStoredKeyCountsWhenTheFieldIsLeftBlank() {
        SettingsForm f = complete();
        f.setTyped(SettingKey.API_KEY, "");
        f.setTyped(SettingKey.API_SECRET, "");
        assertEquals(Map.of(), validator.validate(f, stored("https://app.rejoiner.com")));
    }

    @Test
    void aClearedKeyIsRequiredAgainWhileConversionsAreOn() {
        SettingsForm f = complete();
        f.setTyped(SettingKey.API_KEY, "");
        f.setCleared(SettingKey.API_KEY, true);
        assertEquals(Map.of("newApiKey", "An API key is required while REST conversions are on."),
                validator.validate(f, stored("https://app.rejoiner.com")));
    }

    @Test
    void aNewApiUrlNeedsTheStoredKeyAndSecretTypedAgain() {
        SettingsForm f = complete();
        f.set(SettingKey.API_URL, "https://rejoiner.attacker.example");
        f.setTyped(SettingKey.API_KEY, "");
        f.setTyped(SettingKey.API_SECRET, "");
        assertEquals(Map.of("newApiKey", SettingsValidator.RETYPE_KEY, "newApiSecret", SettingsValidator.RETYPE_SECRET),
                validator.validate(f, stored("https://app.rejoiner.com")));
    }

    @Test
    void aNewApiUrlWithRetypedCredentialsIsValid() {
        SettingsForm f = complete();
        f.set(SettingKey.API_URL, "https://rj2.rejoiner.com");
        assertEquals(Map.of(), validator.validate(f, stored(null)));
    }

    @Test
    void onlyRejoinerComAndItsSubdomainsAreRejoinerHosts() {
        assertEquals(List.of(true, true, true, false, false, false), List.of(
                SettingsValidator.isRejoinerHost("https://app.rejoiner.com"),
                SettingsValidator.isRejoinerHost("https://REJOINER.com/x"),
                SettingsValidator.isRejoinerHost(null),
                SettingsValidator.isRejoinerHost("https://rejoiner.com.evil.example"),
                SettingsValidator.isRejoinerHost("https://notrejoiner.com"),
                SettingsValidator.isRejoinerHost("http://127.0.0.1:8080")));
    }

    @Test
    void itemIdentityIsProductOrSku() {
        SettingsForm f = complete();
        f.set(SettingKey.ITEM_IDENTITY, "sku");
        Map<String, String> sku = validator.validate(f, false);
        f.set(SettingKey.ITEM_IDENTITY, "VARIANT");
        assertEquals(List.of(Map.of(), Map.of("itemIdentity", "Choose one item per product or one item per SKU.")),
                List.of(sku, validator.validate(f, false)));
    }

    @Test
    void rejoiner2NeedsNoSecret() {
        SettingsForm f = complete();
        f.set(SettingKey.API_GENERATION, "REJOINER_2");
        f.setTyped(SettingKey.API_SECRET, "");
        assertEquals(Map.of(), validator.validate(f, false));
    }

    @Test
    void aStoredSecretCountsUnlessCleared() {
        SettingsForm f = complete();
        f.setTyped(SettingKey.API_SECRET, "  ");
        assertEquals(Map.of(), validator.validate(f, true));
        f.setCleared(SettingKey.API_SECRET, true);
        assertTrue(validator.validate(f, true).containsKey("newApiSecret"));
        f.set(SettingKey.CONVERSIONS_ENABLED, false);
        assertFalse(validator.validate(f, true).containsKey("newApiSecret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"site id", "site/1", "sïte", "a:b"})
    void siteIdsAreLettersDigitsDashUnderscore(String siteId) {
        SettingsForm f = complete();
        f.set(SettingKey.SITE_ID, siteId);
        assertTrue(validator.validate(f, false).get("siteId").contains("letters, digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", ".example.com", "shop.example.co.uk", "localhost", "a-b.example"})
    void hostNamesAreAccepted(String domain) {
        SettingsForm f = complete();
        f.set(SettingKey.DOMAIN, domain);
        assertFalse(validator.validate(f, false).containsKey("domain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "example.com/", "..example.com", "-a.com", "exa mple.com", "example.com.", "a_b.com"})
    void nonHostNamesAreRejected(String domain) {
        SettingsForm f = complete();
        f.set(SettingKey.DOMAIN, domain);
        assertTrue(validator.validate(f, false).get("domain").contains("host name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://app.rejoiner.com", "app.rejoiner.com", "/api", "https://", "https://app.rejoiner.com/?x=1",
            "javascript:alert(1)", "https://user:pw@app.rejoiner.com"})
    void apiUrlsMustBeAbsoluteHttp(String url) {
        SettingsForm f = complete();
        f.set(SettingKey.API_URL, url);
        assertTrue(validator.validate(f, false).get("apiUrl").contains("absolute http"));
    }

    @Test
    void theJsUrlMayCarryAQuery() {
        SettingsForm f = complete();
        f.set(SettingKey.JS_URL, "http://127.0.0.1:8080/rejoiner.js?v=1");
        assertFalse(validator.validate(f, false).containsKey("jsUrl"));
        f.set(SettingKey.JS_URL, "//cdn.example.com/x.js");
        assertTrue(validator.validate(f, false).containsKey("jsUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,,b", "a b", "a;b", ",", "ok,<script>"})
    void campaignIdsAreCommaSeparatedTokens(String ids) {
        SettingsForm f = complete();
        f.set(SettingKey.CAMPAIGN_IDS, ids);
        assertTrue(validator.validate(f, false).get("campaignIds").contains("comma-separated"));
    }

    @Test
    void campaignTypeIsAbandonmentOrConversion() {
        SettingsForm f = complete();
        f.set(SettingKey.CAMPAIGN_TYPE, "abandonment,purchase");
        assertTrue(validator.validate(f, false).containsKey("campaignType"));
        f.set(SettingKey.CAMPAIGN_TYPE, "CONVERSION");
        assertFalse(validator.validate(f, false).containsKey("campaignType"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"account/**", "/account /x", "/a\"b", "*.html", "/a<b"})
    void patternsAreAntPathsStartingWithSlash(String patterns) {
        SettingsForm f = complete();
        f.set(SettingKey.UNTRACKED_PAGE_PATTERNS, patterns);
        assertTrue(validator.validate(f, false).get("untrackedPagePatterns").contains("starting with '/'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "366", "thirty", "1.5"})
    void restoreLinkDaysAreOneToAYear(String days) {
        SettingsForm f = complete();
        f.set(SettingKey.RESTORE_LINK_DAYS, days);
        assertTrue(validator.validate(f, false).get("restoreLinkDays").contains("1 to 365"));
    }

    @Test
    void consentCookieMustBeACookieName() {
        SettingsForm f = complete();
        f.set(SettingKey.CONSENT_COOKIE, "my cookie");
        assertTrue(validator.validate(f, false).containsKey("consentCookie"));
    }

    @Test
    void anUnknownGenerationIsAnError() {
        SettingsForm f = complete();
        f.set(SettingKey.API_GENERATION, "REJOINER_3");
        assertTrue(validator.validate(f, false).containsKey("apiGeneration"));
    }

    @Test
    void noMessageRepeatsTheSecret() {
        SettingsForm f = complete();
        f.setTyped(SettingKey.API_SECRET, "bad\u0001secret-XYZ");
        f.set(SettingKey.API_URL, "https://bad\u0001secret-XYZ");
        for (String message : validator.validate(f, false).values()) {
            assertFalse(message.contains("secret-XYZ"), message);
        }
    }
}
