package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Copies between the stored row, the screen's form and the settings layer's key/value view. */
final class SettingsRecords {

    private SettingsRecords() {
    }

    /** The stored values by key (blank and unset values are left out). */
    static Map<SettingKey, String> values(RejoinerSettingsRecord r) {
        Map<SettingKey, String> v = new EnumMap<SettingKey, String>(SettingKey.class);
        if (r == null) {
            return Collections.unmodifiableMap(v);
        }
        put(v, SettingKey.API_GENERATION, r.getApiGeneration());
        put(v, SettingKey.SITE_ID, r.getSiteId());
        put(v, SettingKey.DOMAIN, r.getDomain());
        put(v, SettingKey.API_KEY, r.getApiKey());
        put(v, SettingKey.API_SECRET, r.getApiSecret());
        put(v, SettingKey.API_URL, r.getApiUrl());
        put(v, SettingKey.JS_URL, r.getJsUrl());
        put(v, SettingKey.TRACKING_ENABLED, r.getTrackingEnabled() == null ? null : r.getTrackingEnabled().toString());
        put(v, SettingKey.AUTOMATIC_PLACEMENT, r.getAutomaticPlacement() == null ? null : r.getAutomaticPlacement().toString());
        put(v, SettingKey.CONVERSIONS_ENABLED, r.getConversionsEnabled() == null ? null : r.getConversionsEnabled().toString());
        put(v, SettingKey.CAMPAIGN_TYPE, r.getCampaignType());
        put(v, SettingKey.CAMPAIGN_IDS, r.getCampaignIds());
        put(v, SettingKey.UNTRACKED_PAGE_PATTERNS, r.getUntrackedPagePatterns());
        put(v, SettingKey.CONSENT_COOKIE, r.getConsentCookie());
        put(v, SettingKey.RESTORE_LINK_DAYS, r.getRestoreLinkDays() == null ? null : r.getRestoreLinkDays().toString());
        put(v, SettingKey.ITEM_IDENTITY, r.getItemIdentity());
        return Collections.unmodifiableMap(v);
    }

    private static void put(Map<SettingKey, String> v, SettingKey key, String value) {
        String t = SettingsValidator.trim(value);
        if (t != null) {
            v.put(key, t);
        }
    }

    /** The form for a stored row; the secret and key are not copied, only whether they are set (and the key's last four). */
    static SettingsForm toForm(RejoinerSettingsRecord r) {
        SettingsForm f = new SettingsForm();
        if (r == null) {
            return f;
        }
        if (r.getApiGeneration() != null) {
            f.setApiGeneration(r.getApiGeneration());
        }
        f.setSiteId(r.getSiteId());
        f.setDomain(r.getDomain());
        f.markApiKey(r.getApiKey());
        f.markApiSecretSet(r.hasApiSecret());
        f.setApiUrl(r.getApiUrl());
        f.setJsUrl(r.getJsUrl());
        f.setTrackingEnabled(r.getTrackingEnabled() == null || r.getTrackingEnabled());
        f.setAutomaticPlacement(r.getAutomaticPlacement() == null || r.getAutomaticPlacement());
        f.setConversionsEnabled(r.getConversionsEnabled() == null || r.getConversionsEnabled());
        f.setCampaignType(r.getCampaignType());
        f.setCampaignIds(r.getCampaignIds());
        f.setUntrackedPagePatterns(r.getUntrackedPagePatterns());
        f.setConsentCookie(r.getConsentCookie());
        f.setRestoreLinkDays(r.getRestoreLinkDays() == null ? null : r.getRestoreLinkDays().toString());
        if (r.getItemIdentity() != null) {
            f.setItemIdentity(r.getItemIdentity());
        }
        return f;
    }

    /** Copies a validated form onto the row; the secret and the key change only when replaced or cleared. */
    static void apply(SettingsForm f, RejoinerSettingsRecord r) {
        r.setApiGeneration(SettingsValidator.trim(f.getApiGeneration()));
        r.setSiteId(SettingsValidator.trim(f.getSiteId()));
        r.setDomain(SettingsValidator.trim(f.getDomain()));
        String newKey = SettingsValidator.trim(f.getNewApiKey());
        if (newKey != null) {
            r.setApiKey(newKey);
        } else if (f.isClearApiKey()) {
            r.setApiKey(null);
        }
        String newSecret = SettingsValidator.trim(f.getNewApiSecret());
        if (newSecret != null) {
            r.setApiSecret(newSecret);
        } else if (f.isClearApiSecret()) {
            r.setApiSecret(null);
        }
        r.setApiUrl(SettingsValidator.trim(f.getApiUrl()));
        r.setJsUrl(SettingsValidator.trim(f.getJsUrl()));
        r.setTrackingEnabled(f.isTrackingEnabled());
        r.setAutomaticPlacement(f.isAutomaticPlacement());
        r.setConversionsEnabled(f.isConversionsEnabled());
        r.setCampaignType(joined(SettingsValidator.items(f.getCampaignType()), ","));
        r.setCampaignIds(joined(SettingsValidator.items(f.getCampaignIds()), ","));
        r.setUntrackedPagePatterns(joined(SettingsValidator.items(f.getUntrackedPagePatterns()), "\n"));
        r.setConsentCookie(SettingsValidator.trim(f.getConsentCookie()));
        String days = SettingsValidator.trim(f.getRestoreLinkDays());
        r.setRestoreLinkDays(days == null ? null : Integer.valueOf(days));
        String identity = SettingsValidator.trim(f.getItemIdentity());
        r.setItemIdentity(identity == null ? null : identity.toUpperCase(java.util.Locale.ROOT));
    }

    private static String joined(List<String> items, String separator) {
        if (items.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String item : new ArrayList<String>(items)) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(item);
        }
        return sb.toString();
    }
}
