package io.github.rejoinerbroadleaf.settings;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.CampaignType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The integration's settings as resolved at one moment: an immutable snapshot, cheap to pass
 * around and safe to log ({@link #toString()} names secrets only as set or unset).
 */
public final class RejoinerSettings {

    /** Restore links last this long unless configured otherwise. */
    public static final int DEFAULT_RESTORE_LINK_DAYS = 30;

    private final ApiGeneration apiGeneration;
    private final String siteId;
    private final String domain;
    private final String apiKey;
    private final String apiSecret;
    private final String apiUrl;
    private final String jsUrl;
    private final boolean trackingEnabled;
    private final boolean automaticPlacement;
    private final boolean conversionsEnabled;
    private final List<CampaignType> campaignTypes;
    private final List<String> campaignIds;
    private final List<String> untrackedPagePatterns;
    private final String consentCookie;
    private final int restoreLinkDays;
    private final String restoreLinkKey;
    private final String restoreLinkPreviousKey;
    private final String storeBaseUrl;
    private final ItemIdentity itemIdentity;
    private final List<String> warnings;

    RejoinerSettings(ApiGeneration apiGeneration, String siteId, String domain, String apiKey, String apiSecret,
                     String apiUrl, String jsUrl, boolean trackingEnabled, boolean automaticPlacement, boolean conversionsEnabled,
                     List<CampaignType> campaignTypes, List<String> campaignIds, List<String> untrackedPagePatterns,
                     String consentCookie, int restoreLinkDays, String restoreLinkKey, String restoreLinkPreviousKey,
                     String storeBaseUrl, ItemIdentity itemIdentity, List<String> warnings) {
        this.apiGeneration = apiGeneration;
        this.siteId = siteId;
        this.domain = domain;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.apiUrl = apiUrl;
        this.jsUrl = jsUrl;
        this.trackingEnabled = trackingEnabled;
        this.automaticPlacement = automaticPlacement;
        this.conversionsEnabled = conversionsEnabled;
        this.campaignTypes = unmodifiable(campaignTypes);
        this.campaignIds = unmodifiable(campaignIds);
        this.untrackedPagePatterns = unmodifiable(untrackedPagePatterns);
        this.consentCookie = consentCookie;
        this.restoreLinkDays = restoreLinkDays;
        this.restoreLinkKey = restoreLinkKey;
        this.restoreLinkPreviousKey = restoreLinkPreviousKey;
        this.storeBaseUrl = storeBaseUrl;
        this.itemIdentity = itemIdentity == null ? ItemIdentity.PRODUCT : itemIdentity;
        this.warnings = unmodifiable(warnings);
    }

    private static <T> List<T> unmodifiable(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<T>(list));
    }

    public ApiGeneration apiGeneration() {
        return apiGeneration;
    }

    /** Rejoiner site id, or null when none is configured (then nothing is tracked or sent). */
    public String siteId() {
        return siteId;
    }

    public String domain() {
        return domain;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The REST secret. Never put it into logs, HTML or exceptions. */
    public String apiSecret() {
        return apiSecret;
    }

    public boolean hasApiSecret() {
        return apiSecret != null;
    }

    /** REST base URL: the configured one or the generation's default. */
    public String apiUrl() {
        return apiUrl != null ? apiUrl : apiGeneration.defaultApiBaseUrl();
    }

    /** JavaScript library URL: the configured one or the generation's default. */
    public String jsUrl() {
        return jsUrl != null ? jsUrl : apiGeneration.libraryUrl();
    }

    /** Tracking is on and there is a site id to track for. */
    public boolean isTrackingActive() {
        return trackingEnabled && siteId != null;
    }

    public boolean trackingEnabled() {
        return trackingEnabled;
    }

    /**
     * Whether the module puts the tracking script at the end of every full storefront page's
     * {@code <body>} by itself (default); off: only the template hook places it.
     */
    public boolean automaticPlacement() {
        return automaticPlacement;
    }

    /** REST conversions are on and the credentials they need are there. */
    public boolean isConversionsActive() {
        return conversionsEnabled && siteId != null && apiKey != null
                && (apiGeneration == ApiGeneration.REJOINER_2 || apiSecret != null);
    }

    public boolean conversionsEnabled() {
        return conversionsEnabled;
    }

    public List<CampaignType> campaignTypes() {
        return campaignTypes;
    }

    public List<String> campaignIds() {
        return campaignIds;
    }

    /** Ant-style path patterns of pages that send {@code trackPageView false}. */
    public List<String> untrackedPagePatterns() {
        return untrackedPagePatterns;
    }

    /** Cookie that must be present before anything of Rejoiner renders, or null for no consent gate. */
    public String consentCookie() {
        return consentCookie;
    }

    public int restoreLinkDays() {
        return restoreLinkDays;
    }

    /** Server-side key that signs cart restore links, or null to derive one (see the restore-link docs). */
    public String restoreLinkKey() {
        return restoreLinkKey;
    }

    /** The key before the last rotation, still accepted for restore links during their lifetime. */
    public String restoreLinkPreviousKey() {
        return restoreLinkPreviousKey;
    }

    /** Absolute base URL of the storefront (scheme, host, port, context path), or null to use the request's. */
    public String storeBaseUrl() {
        return storeBaseUrl;
    }

    /** What a Rejoiner item stands for: a product (default) or a SKU. */
    public ItemIdentity itemIdentity() {
        return itemIdentity;
    }

    /** Problems found while resolving (an unknown generation, a bad number, ...): each was replaced by its default. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "RejoinerSettings{generation=" + apiGeneration + ", siteId=" + siteId + ", domain=" + domain
                + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", apiSecret=" + (apiSecret == null ? "unset" : "set")
                + ", apiUrl=" + apiUrl() + ", jsUrl=" + jsUrl() + ", tracking=" + trackingEnabled + ", automaticPlacement=" + automaticPlacement
                + ", conversions=" + conversionsEnabled + ", campaignTypes=" + campaignTypes
                + ", campaignIds=" + campaignIds + ", untrackedPagePatterns=" + untrackedPagePatterns
                + ", consentCookie=" + consentCookie + ", restoreLinkDays=" + restoreLinkDays + ", itemIdentity=" + itemIdentity + "}";
    }
}
