package io.github.rejoinerbroadleaf.broadleaf.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.Test;

/** The screen's fields and what a post may set, both from the declarations. */
class SettingsFormTest {

    @Test
    void theScreenBindsTheDeclaredFieldsOnly() {
        assertEquals(List.of("apiGeneration", "siteId", "domain", "newApiKey", "clearApiKey", "newApiSecret",
                "clearApiSecret", "jsUrl", "apiUrl", "trackingEnabled", "automaticPlacement", "conversionsEnabled",
                "campaignType", "campaignIds", "untrackedPagePatterns", "consentCookie", "restoreLinkDays", "itemIdentity"),
                SettingsForm.allowedFields());
    }

    @Test
    void aPostCannotSayThatASecretIsStoredOrSetItsLastFour() {
        SettingsForm form = SettingsForm.bind(Map.of("apiSecretSet", new String[] {"true"},
                "apiKeySet", new String[] {"true"}, "apiKeyLastFour", new String[] {"WXYZ"}, "apiSecret", new String[] {"s"},
                "siteId", new String[] {"site-1"}));
        assertFalse(form.isStored(SettingKey.API_SECRET));
        assertFalse(form.isStored(SettingKey.API_KEY));
        assertNull(form.lastFour(SettingKey.API_KEY));
        assertNull(form.typed(SettingKey.API_SECRET));
        assertEquals("site-1", form.get(SettingKey.SITE_ID));
    }

    @Test
    void anUntickedCheckboxIsOffOnlyWhenItsMarkerWasPosted() {
        SettingsForm unticked = SettingsForm.bind(Map.of("_trackingEnabled", new String[] {"on"}));
        SettingsForm absent = SettingsForm.bind(Map.of());
        SettingsForm ticked = SettingsForm.bind(Map.of("trackingEnabled", new String[] {"true"},
                "clearApiKey", new String[] {"true"}, "newApiKey", new String[] {"k-1"}));
        assertEquals(List.of(false, true, true),
                List.of(unticked.isOn(SettingKey.TRACKING_ENABLED), absent.isOn(SettingKey.TRACKING_ENABLED),
                        ticked.isOn(SettingKey.TRACKING_ENABLED)));
        assertEquals(List.of(true, "k-1"), List.of(ticked.isCleared(SettingKey.API_KEY), ticked.typed(SettingKey.API_KEY)));
    }

    @Test
    void aSecretsRowNeverCarriesItsValue() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.API_KEY, "rj2-live-key-0123456789WXYZ");
        r.setValue(SettingKey.API_SECRET, "stored-secret");
        SettingsForm form = SettingsRecords.toForm(r);
        form.setTyped(SettingKey.API_SECRET, "typed-secret");
        List<String> states = new ArrayList<>();
        for (SettingsField f : SettingsField.of(form, Map.of(), Map.of())) {
            if (f.getWidget().equals("password")) {
                assertNull(f.getValue());
                states.add(f.getName() + ": " + f.getState());
            }
        }
        assertEquals(List.of(
                "newApiKey: A key ending in WXYZ is set (the rest is not shown). Type a new one to replace it; leave blank to keep it.",
                "newApiSecret: A secret is set (not shown). Type a new one to replace it; leave blank to keep it."), states);
    }

    @Test
    void aStoredChoiceIsSelectedWhateverItsCase() {
        SettingsForm form = new SettingsForm();
        form.set(SettingKey.ITEM_IDENTITY, "sku");
        List<String> selected = new ArrayList<>();
        for (SettingsField f : SettingsField.of(form, Map.of(), Map.of())) {
            for (SettingsField.Option o : f.getOptions()) {
                if (o.isSelected()) {
                    selected.add(f.getName() + "=" + o.getValue());
                }
            }
        }
        assertEquals(List.of("apiGeneration=REJOINER_1", "itemIdentity=SKU"), selected);
        assertTrue(form.toString().contains("siteId=null"));
    }
}
