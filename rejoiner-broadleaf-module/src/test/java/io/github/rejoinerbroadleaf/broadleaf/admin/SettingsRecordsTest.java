package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsRecordsTest {

    @Test
    void theFormNeverCarriesTheStoredSecret() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setApiSecret("stored-secret");
        SettingsForm form = SettingsRecords.toForm(r);
        assertTrue(form.isApiSecretSet());
        assertNull(form.getNewApiSecret());
        assertFalse(form.toString().contains("stored-secret"));
        assertFalse(r.toString().contains("stored-secret"));
    }

    @Test
    void theFormNeverCarriesTheStoredKeyOnlyItsLastFour() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setApiKey("rj2-live-key-0123456789WXYZ");
        SettingsForm form = SettingsRecords.toForm(r);
        assertEquals(List.of(true, "WXYZ"), List.of(form.isApiKeySet(), form.getApiKeyLastFour()));
        assertNull(form.getNewApiKey());
        assertFalse(form.toString().contains("0123456789"));
        assertFalse(r.toString().contains("0123456789"));
    }

    @Test
    void aShortKeyShowsNoCharactersAtAll() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setApiKey("short-key");
        SettingsForm form = SettingsRecords.toForm(r);
        assertEquals(List.of(true), List.of(form.isApiKeySet()));
        assertNull(form.getApiKeyLastFour());
    }

    @Test
    void aBlankKeyKeepsTheStoredOneANewOneReplacesItAndClearRemovesIt() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setApiKey("stored-key-0001");
        SettingsForm form = SettingsRecords.toForm(r);
        form.setNewApiKey(" ");
        SettingsRecords.apply(form, r);
        assertEquals("stored-key-0001", r.getApiKey());

        form.setNewApiKey(" new-key-0002 ");
        SettingsRecords.apply(form, r);
        assertEquals("new-key-0002", r.getApiKey());

        form.setNewApiKey(null);
        form.setClearApiKey(true);
        SettingsRecords.apply(form, r);
        assertNull(r.getApiKey());
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndClearRemovesIt() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setApiSecret("stored-secret");
        SettingsForm form = SettingsRecords.toForm(r);
        form.setNewApiSecret("  ");
        SettingsRecords.apply(form, r);
        assertEquals("stored-secret", r.getApiSecret());

        form.setNewApiSecret(" new-secret ");
        SettingsRecords.apply(form, r);
        assertEquals("new-secret", r.getApiSecret());

        form.setNewApiSecret(null);
        form.setClearApiSecret(true);
        SettingsRecords.apply(form, r);
        assertNull(r.getApiSecret());
    }

    @Test
    void valuesMapOneToOneOnSettingKeys() {
        SettingsForm f = new SettingsForm();
        f.setApiGeneration("REJOINER_2");
        f.setSiteId(" s1 ");
        f.setDomain("");
        f.setNewApiKey("k");
        f.setNewApiSecret("x");
        f.setTrackingEnabled(false);
        f.setCampaignIds("a, b,,c");
        f.setUntrackedPagePatterns("/a/**, /b/**");
        f.setRestoreLinkDays("7");
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        SettingsRecords.apply(f, r);
        Map<SettingKey, String> v = SettingsRecords.values(r);
        assertEquals("REJOINER_2", v.get(SettingKey.API_GENERATION));
        assertEquals("s1", v.get(SettingKey.SITE_ID));
        assertFalse(v.containsKey(SettingKey.DOMAIN));
        assertEquals("x", v.get(SettingKey.API_SECRET));
        assertEquals("false", v.get(SettingKey.TRACKING_ENABLED));
        assertEquals("true", v.get(SettingKey.CONVERSIONS_ENABLED));
        assertEquals("a,b,c", v.get(SettingKey.CAMPAIGN_IDS));
        assertEquals("/a/**\n/b/**", v.get(SettingKey.UNTRACKED_PAGE_PATTERNS));
        assertEquals("7", v.get(SettingKey.RESTORE_LINK_DAYS));
        assertTrue(SettingsRecords.values(null).isEmpty());
    }
}
