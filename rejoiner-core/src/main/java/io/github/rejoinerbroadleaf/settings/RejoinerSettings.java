package io.github.rejoinerbroadleaf.settings;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.CampaignType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The integration's settings as resolved at one moment: an immutable snapshot, cheap to pass
 * around and safe to log ({@link #toString()} names secrets only as set or unset). A typed view
 * over the values {@link SettingsResolver} parsed as each {@link SettingKey} declares.
 */
public final class RejoinerSettings {

    /** Restore links last this long unless configured otherwise. */
    public static final int DEFAULT_RESTORE_LINK_DAYS =
            Integer.parseInt(SettingKey.RESTORE_LINK_DAYS.declaration().defaultValue());

    private final Map<SettingKey, Object> values;
    private final ApiGeneration apiGeneration;
    private final List<CampaignType> campaignTypes;
    private final List<String> warnings;

    /** @param values each resolved value as its declaration's kind (String, Boolean, Long, List of String); absent = unset */
    RejoinerSettings(Map<SettingKey, Object> values, List<String> warnings) {
        this.values = Collections.unmodifiableMap(new EnumMap<SettingKey, Object>(values));
        this.apiGeneration = ApiGeneration.valueOf(text(SettingKey.API_GENERATION));
        List<CampaignType> types = new ArrayList<CampaignType>();
        for (String wireName : list(SettingKey.CAMPAIGN_TYPE)) {
            for (CampaignType type : CampaignType.values()) {
                if (type.wireName().equals(wireName)) {
                    types.add(type);
                }
            }
        }
        this.campaignTypes = Collections.unmodifiableList(types);
        this.warnings = Collections.unmodifiableList(new ArrayList<String>(warnings));
    }

    private String text(SettingKey key) {
        return (String) values.get(key);
    }

    private boolean flag(SettingKey key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    private int number(SettingKey key) {
        return ((Long) values.get(key)).intValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> list(SettingKey key) {
        List<String> list = (List<String>) values.get(key);
        return list == null ? Collections.<String>emptyList() : list; // the resolver's lists are unmodifiable
    }

    public ApiGeneration apiGeneration() {
        return apiGeneration;
    }

    /** Rejoiner site id, or null when none is configured (then nothing is tracked or sent). */
    public String siteId() {
        return text(SettingKey.SITE_ID);
    }

    public String domain() {
        return text(SettingKey.DOMAIN);
    }

    public String apiKey() {
        return text(SettingKey.API_KEY);
    }

    /** The REST secret. Never put it into logs, HTML or exceptions. */
    public String apiSecret() {
        return text(SettingKey.API_SECRET);
    }

    public boolean hasApiSecret() {
        return apiSecret() != null;
    }

    /** REST base URL: the configured one or the generation's default. */
    public String apiUrl() {
        String apiUrl = text(SettingKey.API_URL);
        return apiUrl != null ? apiUrl : apiGeneration.defaultApiBaseUrl();
    }

    /** JavaScript library URL: the configured one or the generation's default. */
    public String jsUrl() {
        String jsUrl = text(SettingKey.JS_URL);
        return jsUrl != null ? jsUrl : apiGeneration.libraryUrl();
    }

    /** Tracking is on and there is a site id to track for. */
    public boolean isTrackingActive() {
        return trackingEnabled() && siteId() != null;
    }

    public boolean trackingEnabled() {
        return flag(SettingKey.TRACKING_ENABLED);
    }

    /**
     * Whether the module puts the tracking script at the end of every full storefront page's
     * {@code <body>} by itself (default); off: only the template hook places it.
     */
    public boolean automaticPlacement() {
        return flag(SettingKey.AUTOMATIC_PLACEMENT);
    }

    /** REST conversions are on and the credentials they need are there. */
    public boolean isConversionsActive() {
        return conversionsEnabled() && siteId() != null && apiKey() != null
                && (apiGeneration == ApiGeneration.REJOINER_2 || apiSecret() != null);
    }

    public boolean conversionsEnabled() {
        return flag(SettingKey.CONVERSIONS_ENABLED);
    }

    public List<CampaignType> campaignTypes() {
        return campaignTypes;
    }

    public List<String> campaignIds() {
        return list(SettingKey.CAMPAIGN_IDS);
    }

    /** Ant-style path patterns of pages that send {@code trackPageView false}. */
    public List<String> untrackedPagePatterns() {
        return list(SettingKey.UNTRACKED_PAGE_PATTERNS);
    }

    /** Cookie that must be present before anything of Rejoiner renders, or null for no consent gate. */
    public String consentCookie() {
        return text(SettingKey.CONSENT_COOKIE);
    }

    public int restoreLinkDays() {
        return number(SettingKey.RESTORE_LINK_DAYS);
    }

    /** Server-side key that signs cart restore links, or null to derive one (see the restore-link docs). */
    public String restoreLinkKey() {
        return text(SettingKey.RESTORE_LINK_KEY);
    }

    /** The key before the last rotation, still accepted for restore links during their lifetime. */
    public String restoreLinkPreviousKey() {
        return text(SettingKey.RESTORE_LINK_PREVIOUS_KEY);
    }

    /** Absolute base URL of the storefront (scheme, host, port, context path), or null to use the request's. */
    public String storeBaseUrl() {
        return text(SettingKey.STORE_BASE_URL);
    }

    /** What a Rejoiner item stands for: a product (default) or a SKU. */
    public ItemIdentity itemIdentity() {
        return ItemIdentity.valueOf(text(SettingKey.ITEM_IDENTITY));
    }

    /** Problems found while resolving (an unknown generation, a bad number, ...): each was replaced by its default. */
    public List<String> warnings() {
        return warnings;
    }

    /** Every setting by name; secrets only as set or unset. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RejoinerSettings{");
        for (SettingKey key : SettingKey.values()) {
            Object value = values.get(key);
            sb.append(key.ordinal() == 0 ? "" : ", ").append(key.camelName()).append('=')
                    .append(key.isSecret() ? (value == null ? "unset" : "set") : value);
        }
        return sb.append('}').toString();
    }
}
