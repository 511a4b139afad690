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
        r.setValue(SettingKey.API_SECRET, "stored-secret");
        SettingsForm form = SettingsRecords.toForm(r);
        assertTrue(form.isStored(SettingKey.API_SECRET));
        assertNull(form.typed(SettingKey.API_SECRET));
        assertFalse(form.toString().contains("stored-secret"));
        assertFalse(r.toString().contains("stored-secret"));
    }

    @Test
    void theFormNeverCarriesTheStoredKeyOnlyItsLastFour() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_KEY, "rj2-live-key-0123456789WXYZ");
        SettingsForm form = SettingsRecords.toForm(r);
        assertEquals(List.of(true, "WXYZ"), List.of(form.isStored(SettingKey.API_KEY), form.lastFour(SettingKey.API_KEY)));
        assertNull(form.typed(SettingKey.API_KEY));
        assertFalse(form.toString().contains("0123456789"));
        assertFalse(r.toString().contains("0123456789"));
    }

    @Test
    void aShortKeyShowsNoCharactersAtAll() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_KEY, "short-key");
        SettingsForm form = SettingsRecords.toForm(r);
        assertEquals(List.of(true), List.of(form.isStored(SettingKey.API_KEY)));
        assertNull(form.lastFour(SettingKey.API_KEY));
    }

    @Test
    void aBlankKeyKeepsTheStoredOneANewOneReplacesItAndClearRemovesIt() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_KEY, "stored-key-0001");
        SettingsForm form = SettingsRecords.toForm(r);
        form.setTyped(SettingKey.API_KEY, " ");
        SettingsRecords.apply(form, r);
        assertEquals("stored-key-0001", r.value(SettingKey.API_KEY));

        form.setTyped(SettingKey.API_KEY, " new-key-0002 ");
        SettingsRecords.apply(form, r);
        assertEquals("new-key-0002", r.value(SettingKey.API_KEY));

        form.setTyped(SettingKey.API_KEY, null);
        form.setCleared(SettingKey.API_KEY, true);
        SettingsRecords.apply(form, r);
        assertNull(r.value(SettingKey.API_KEY));
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndClearRemovesIt() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_SECRET, "stored-secret");
        SettingsForm form = SettingsRecords.toForm(r);
        form.setTyped(SettingKey.API_SECRET, "  ");
        SettingsRecords.apply(form, r);
        assertEquals("stored-secret", r.value(SettingKey.API_SECRET));

        form.setTyped(SettingKey.API_SECRET, " new-secret ");
        SettingsRecords.apply(form, r);
        assertEquals("new-secret", r.value(SettingKey.API_SECRET));

        form.setTyped(SettingKey.API_SECRET, null);
        form.setCleared(SettingKey.API_SECRET, true);
        SettingsRecords.apply(form, r);
        assertNull(r.value(SettingKey.API_SECRET));
    }

    @Test
    void valuesMapOneToOneOnSettingKeys() {
        SettingsForm f = new SettingsForm();
        f.set(SettingKey.API_GENERATION, "REJOINER_2");
        f.set(SettingKey.SITE_ID, " s1 ");
        f.set(SettingKey.DOMAIN, "");
        f.setTyped(SettingKey.API_KEY, "k");
        f.setTyped(SettingKey.API_SECRET, "x");
        f.set(SettingKey.TRACKING_ENABLED, false);
        f.set(SettingKey.CAMPAIGN_IDS, "a, b,,c");
        f.set(SettingKey.UNTRACKED_PAGE_PATTERNS, "/a/**, /b/**");
        f.set(SettingKey.RESTORE_LINK_DAYS, "7");
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
