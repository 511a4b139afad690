package io.github.rejoinerbroadleaf.settings;

/**
 * Every setting of the integration, with its JVM system property and environment variable.
 * Keys are stable: they name admin fields, properties and variables alike.
 */
public enum SettingKey {
    API_GENERATION("apiGeneration"),
    SITE_ID("siteId", "REJOINER_SITE_ID"),
    DOMAIN("domain", "REJOINER_DOMAIN"),
    API_KEY("apiKey", "REJOINER_API_KEY"),
    API_SECRET("apiSecret", "REJOINER_API_SECRET"),
    API_URL("apiUrl", "REJOINER_API_URL"),
    JS_URL("jsUrl", "REJOINER_JS_URL"),
    TRACKING_ENABLED("trackingEnabled"),
    AUTOMATIC_PLACEMENT("automaticPlacement"),
    CONVERSIONS_ENABLED("conversionsEnabled"),
    CAMPAIGN_TYPE("campaignType"),
    CAMPAIGN_IDS("campaignIds"),
    UNTRACKED_PAGE_PATTERNS("untrackedPagePatterns"),
    CONSENT_COOKIE("consentCookie"),
    RESTORE_LINK_DAYS("restoreLinkDays"),
    RESTORE_LINK_KEY("restoreLinkKey"),
    RESTORE_LINK_PREVIOUS_KEY("restoreLinkPreviousKey"),
    STORE_BASE_URL("storeBaseUrl"),
    ITEM_IDENTITY("itemIdentity");

    private final String propertySuffix;
    private final String environmentVariable;

    SettingKey(String propertySuffix) {
        this(propertySuffix, null);
    }

    SettingKey(String propertySuffix, String environmentVariable) {
        this.propertySuffix = propertySuffix;
        this.environmentVariable = environmentVariable != null ? environmentVariable
                : "REJOINER_" + name();
    }

    /** The JVM system property, e.g. {@code rejoiner.siteId}. */
    public String systemProperty() {
        return "rejoiner." + propertySuffix;
    }

    /** The environment variable, e.g. {@code REJOINER_SITE_ID}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The camel-case name used in admin fields and property files, e.g. {@code siteId}. */
    public String camelName() {
        return propertySuffix;
    }

    public boolean isSecret() {
        // The API key too: for Rejoiner 2 it alone authenticates.
        return this == API_KEY || this == API_SECRET || this == RESTORE_LINK_KEY || this == RESTORE_LINK_PREVIOUS_KEY;
    }
}
