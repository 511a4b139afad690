package io.github.rejoinerbroadleaf.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What follows from the declarations keeps the names stores already use. */
class SettingDeclarationsTest {

    @Test
    void propertiesAndVariablesKeepTheirNames() {
        List<String> names = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            names.add(key.systemProperty() + " " + key.environmentVariable());
        }
        assertEquals(List.of("rejoiner.apiGeneration REJOINER_API_GENERATION", "rejoiner.siteId REJOINER_SITE_ID",
                "rejoiner.domain REJOINER_DOMAIN", "rejoiner.apiKey REJOINER_API_KEY",
                "rejoiner.apiSecret REJOINER_API_SECRET", "rejoiner.jsUrl REJOINER_JS_URL",
                "rejoiner.apiUrl REJOINER_API_URL", "rejoiner.trackingEnabled REJOINER_TRACKING_ENABLED",
                "rejoiner.automaticPlacement REJOINER_AUTOMATIC_PLACEMENT",
                "rejoiner.conversionsEnabled REJOINER_CONVERSIONS_ENABLED", "rejoiner.campaignType REJOINER_CAMPAIGN_TYPE",
                "rejoiner.campaignIds REJOINER_CAMPAIGN_IDS",
                "rejoiner.untrackedPagePatterns REJOINER_UNTRACKED_PAGE_PATTERNS",
                "rejoiner.consentCookie REJOINER_CONSENT_COOKIE", "rejoiner.restoreLinkDays REJOINER_RESTORE_LINK_DAYS",
                "rejoiner.restoreLinkKey REJOINER_RESTORE_LINK_KEY",
                "rejoiner.restoreLinkPreviousKey REJOINER_RESTORE_LINK_PREVIOUS_KEY",
                "rejoiner.storeBaseUrl REJOINER_STORE_BASE_URL", "rejoiner.itemIdentity REJOINER_ITEM_IDENTITY"), names);
        assertEquals("REJOINER_DELIVERY_POLL_INTERVAL_MILLIS",
                StartupSetting.DELIVERY_POLL_INTERVAL_MILLIS.declaration().environmentVariable());
    }

    @Test
    void theCredentialsAndLinkKeysAreTheSecrets() {
        Set<SettingKey> secrets = EnumSet.noneOf(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            if (key.isSecret()) {
                secrets.add(key);
            }
        }
        assertEquals(EnumSet.of(SettingKey.API_KEY, SettingKey.API_SECRET, SettingKey.RESTORE_LINK_KEY,
                SettingKey.RESTORE_LINK_PREVIOUS_KEY), secrets);
    }

    @Test
    void everySettingHasALabelAndHelp() {
        List<String> undocumented = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            if (key.declaration().label() == null || key.declaration().help() == null) {
                undocumented.add(key.camelName());
            }
        }
        for (StartupSetting key : StartupSetting.values()) {
            if (key.declaration().help() == null) {
                undocumented.add(key.declaration().name());
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void theAdminsCheckFollowsTheDeclaration() {
        Setting days = SettingKey.RESTORE_LINK_DAYS.declaration();
        assertNull(days.problemWith("365"));
        assertEquals("The restore-link lifetime must be a whole number of days from 1 to 365.", days.problemWith("366"));
        assertNull(SettingKey.ITEM_IDENTITY.declaration().problemWith("sku"));
        assertEquals("Choose Rejoiner 1 (signed requests) or Rejoiner 2 (token).",
                SettingKey.API_GENERATION.declaration().problemWith(" "));
        assertNull(SettingKey.DOMAIN.declaration().problemWith(" "), "blank is unset, not wrong");
    }
}
