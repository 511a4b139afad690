package io.github.rejoinerbroadleaf.settings;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.CampaignType;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsResolverTest {

    private static SettingsLayer layer(String name, Object... keyValues) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((SettingKey) keyValues[i], (String) keyValues[i + 1]);
        }
        return StandardLayers.fixed(name, values);
    }

    @Test
    void theFirstLayerWithAValueWins() {
        SettingsResolver resolver = new SettingsResolver(
                layer("admin", SettingKey.SITE_ID, "from-admin"),
                layer("env", SettingKey.SITE_ID, "from-env", SettingKey.DOMAIN, "shop.example.com"));

        RejoinerSettings settings = resolver.resolve();

        assertEquals("from-admin", settings.siteId());
        assertEquals("shop.example.com", settings.domain());
        assertEquals("admin", resolver.sourceOf(SettingKey.SITE_ID));
        assertEquals("env", resolver.sourceOf(SettingKey.DOMAIN));
    }

    @Test
    void aBlankValueDoesNotHideTheNextLayer() {
        RejoinerSettings settings = new SettingsResolver(
                layer("admin", SettingKey.SITE_ID, "  "),
                layer("env", SettingKey.SITE_ID, "env-site")).resolve();

        assertEquals("env-site", settings.siteId());
    }

    @Test
    void environmentVariablesUseTheDocumentedNames() {
        SettingsLayer env = StandardLayers.environment(Map.of(
                "REJOINER_SITE_ID", "s1", "REJOINER_DOMAIN", "d", "REJOINER_API_KEY", "k",
                "REJOINER_API_SECRET", "secret", "REJOINER_API_URL", "http://api.local/", "REJOINER_JS_URL", "http://js.local/x.js"));

        RejoinerSettings settings = new SettingsResolver(env).resolve();

        assertEquals("s1", settings.siteId());
        assertEquals("d", settings.domain());
        assertEquals("k", settings.apiKey());
        assertEquals("secret", settings.apiSecret());
        assertEquals("http://api.local", settings.apiUrl());
        assertEquals("http://js.local/x.js", settings.jsUrl());
    }

    @Test
    void systemPropertiesArePrefixedWithRejoiner() {
        assertEquals("rejoiner.siteId", SettingKey.SITE_ID.systemProperty());
        assertEquals("rejoiner.apiSecret", SettingKey.API_SECRET.systemProperty());
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        RejoinerSettings settings = new SettingsResolver().resolve();

        assertEquals(ApiGeneration.REJOINER_1, settings.apiGeneration());
        assertEquals(ApiGeneration.REJOINER_1.libraryUrl(), settings.jsUrl());
        assertEquals(ApiGeneration.REJOINER_1.defaultApiBaseUrl(), settings.apiUrl());
        assertEquals(List.of("/account/**"), settings.untrackedPagePatterns());
        assertEquals(30, settings.restoreLinkDays());
        assertNull(settings.consentCookie());
        assertFalse(settings.isTrackingActive(), "no site id, nothing to track");
        assertTrue(settings.warnings().isEmpty());
    }

    @Test
    void rejoiner2NeedsNoSecretForConversions() {
        RejoinerSettings settings = new SettingsResolver(layer("admin", SettingKey.API_GENERATION, "REJOINER_2",
                SettingKey.SITE_ID, "s", SettingKey.API_KEY, "k")).resolve();

        assertTrue(settings.isConversionsActive());
        assertEquals(ApiGeneration.REJOINER_2.libraryUrl(), settings.jsUrl());
    }

    @Test
    void rejoiner1NeedsTheSecretForConversions() {
        RejoinerSettings settings = new SettingsResolver(layer("admin",
                SettingKey.SITE_ID, "s", SettingKey.API_KEY, "k")).resolve();

        assertFalse(settings.isConversionsActive());
    }

    @Test
    void listsAndCampaignTypesAreParsed() {
        RejoinerSettings settings = new SettingsResolver(layer("admin",
                SettingKey.CAMPAIGN_TYPE, "abandonment, CONVERSION",
                SettingKey.CAMPAIGN_IDS, "a1,\n b2 ,,",
                SettingKey.UNTRACKED_PAGE_PATTERNS, "/account/**\n/checkout/**")).resolve();

        assertEquals(List.of(CampaignType.ABANDONMENT, CampaignType.CONVERSION), settings.campaignTypes());
        assertEquals(List.of("a1", "b2"), settings.campaignIds());
        assertEquals(List.of("/account/**", "/checkout/**"), settings.untrackedPagePatterns());
    }

    @Test
    void unparsableValuesFallBackToTheirDefaultWithAWarning() {
        RejoinerSettings settings = new SettingsResolver(layer("admin",
                SettingKey.API_GENERATION, "3", SettingKey.TRACKING_ENABLED, "maybe",
                SettingKey.RESTORE_LINK_DAYS, "-2", SettingKey.CAMPAIGN_TYPE, "upsell")).resolve();

        assertEquals(ApiGeneration.REJOINER_1, settings.apiGeneration());
        assertTrue(settings.trackingEnabled());
        assertEquals(30, settings.restoreLinkDays());
        assertTrue(settings.campaignTypes().isEmpty());
        assertEquals(4, settings.warnings().size(), settings.warnings().toString());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        RejoinerSettings settings = new SettingsResolver(layer("admin",
                SettingKey.API_SECRET, "s3cr3t-value", SettingKey.RESTORE_LINK_KEY, "link-key-value")).resolve();

        assertFalse(settings.toString().contains("s3cr3t-value"));
        assertFalse(settings.toString().contains("link-key-value"));
        assertTrue(settings.toString().contains("apiSecret=set"));
    }
}
