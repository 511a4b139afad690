package io.github.rejoinerbroadleaf.broadleaf.admin;

/**
 * What the settings screen shows and posts back. It never carries the stored API secret or API key
 * (for Rejoiner 2 the key alone authenticates): the page only learns whether one is set
 * ({@link #isApiSecretSet()}, {@link #isApiKeySet()}) and the key's last four characters;
 * {@link #getNewApiSecret()} and {@link #getNewApiKey()} hold replacements typed by the
 * administrator and are blanked before the form is rendered again.
 */
public class SettingsForm {

    private String apiGeneration = "REJOINER_1";
    private String siteId;
    private String domain;
    private String newApiKey;
    private boolean clearApiKey;
    private boolean apiKeySet;
    private String apiKeyLastFour;
    private String newApiSecret;
    private boolean clearApiSecret;
    private boolean apiSecretSet;
    private String apiUrl;
    private String jsUrl;
    private boolean trackingEnabled = true;
    private boolean automaticPlacement = true;
    private boolean conversionsEnabled = true;
    private String campaignType;
    private String campaignIds;
    private String untrackedPagePatterns;
    private String consentCookie;
    private String restoreLinkDays;
    private String itemIdentity = "PRODUCT";

    public String getApiGeneration() {
        return apiGeneration;
    }

    public void setApiGeneration(String apiGeneration) {
        this.apiGeneration = apiGeneration;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    /** A new API key typed into the write-only field; blank keeps the stored one. */
    public String getNewApiKey() {
        return newApiKey;
    }

    public void setNewApiKey(String newApiKey) {
        this.newApiKey = newApiKey;
    }

    public boolean isClearApiKey() {
        return clearApiKey;
    }

    public void setClearApiKey(boolean clearApiKey) {
        this.clearApiKey = clearApiKey;
    }

    /** Whether a key is stored; filled in by the server, never bound from the request. */
    public boolean isApiKeySet() {
        return apiKeySet;
    }

    /** The stored key's last four characters (null when none is stored or it is too short to hint at). */
    public String getApiKeyLastFour() {
        return apiKeyLastFour;
    }

    /** Records what the page may know about the stored key: that it exists and, if long enough, its last four characters. */
    void markApiKey(String storedKey) {
        this.apiKeySet = storedKey != null && !storedKey.isEmpty();
        this.apiKeyLastFour = lastFour(storedKey);
    }

    /** Copies what the page may know about the stored credentials from a freshly loaded form. */
    void markStoredCredentials(SettingsForm loaded) {
        this.apiSecretSet = loaded.apiSecretSet;
        this.apiKeySet = loaded.apiKeySet;
        this.apiKeyLastFour = loaded.apiKeyLastFour;
    }

    /** Keys shorter than {@link #MIN_KEY_FOR_HINT} show no characters at all: four would be most of them. */
    static final int MIN_KEY_FOR_HINT = 12;

    static String lastFour(String key) {
        return key == null || key.length() < MIN_KEY_FOR_HINT ? null : key.substring(key.length() - 4);
    }

    /** A new secret typed into the write-only field; blank keeps the stored one. */
    public String getNewApiSecret() {
        return newApiSecret;
    }

    public void setNewApiSecret(String newApiSecret) {
        this.newApiSecret = newApiSecret;
    }

    public boolean isClearApiSecret() {
        return clearApiSecret;
    }

    public void setClearApiSecret(boolean clearApiSecret) {
        this.clearApiSecret = clearApiSecret;
    }

    /** Whether a secret is stored; filled in by the server, never bound from the request. */
    public boolean isApiSecretSet() {
        return apiSecretSet;
    }

    void markApiSecretSet(boolean set) {
        this.apiSecretSet = set;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getJsUrl() {
        return jsUrl;
    }

    public void setJsUrl(String jsUrl) {
        this.jsUrl = jsUrl;
    }

    public boolean isTrackingEnabled() {
        return trackingEnabled;
    }

    public void setTrackingEnabled(boolean trackingEnabled) {
        this.trackingEnabled = trackingEnabled;
    }

    public boolean isAutomaticPlacement() {
        return automaticPlacement;
    }

    public void setAutomaticPlacement(boolean automaticPlacement) {
        this.automaticPlacement = automaticPlacement;
    }

    public boolean isConversionsEnabled() {
        return conversionsEnabled;
    }

    public void setConversionsEnabled(boolean conversionsEnabled) {
        this.conversionsEnabled = conversionsEnabled;
    }

    /** {@code abandonment}, {@code conversion}, both comma-separated, or blank. */
    public String getCampaignType() {
        return campaignType;
    }

    public void setCampaignType(String campaignType) {
        this.campaignType = campaignType;
    }

    public String getCampaignIds() {
        return campaignIds;
    }

    public void setCampaignIds(String campaignIds) {
        this.campaignIds = campaignIds;
    }

    public String getUntrackedPagePatterns() {
        return untrackedPagePatterns;
    }

    public void setUntrackedPagePatterns(String untrackedPagePatterns) {
        this.untrackedPagePatterns = untrackedPagePatterns;
    }

    public String getConsentCookie() {
        return consentCookie;
    }

    public void setConsentCookie(String consentCookie) {
        this.consentCookie = consentCookie;
    }

    public String getRestoreLinkDays() {
        return restoreLinkDays;
    }

    public void setRestoreLinkDays(String restoreLinkDays) {
        this.restoreLinkDays = restoreLinkDays;
    }

    /** {@code PRODUCT} (default) or {@code SKU}: what one Rejoiner item stands for. */
    public String getItemIdentity() {
        return itemIdentity;
    }

    public void setItemIdentity(String itemIdentity) {
        this.itemIdentity = itemIdentity;
    }

    /** Drops anything secret before the form goes back to a page. */
    public void forgetTypedSecret() {
        this.newApiSecret = null;
        this.newApiKey = null;
    }

    @Override
    public String toString() {
        return "SettingsForm{generation=" + apiGeneration + ", siteId=" + siteId + ", newApiSecret="
                + (newApiSecret == null || newApiSecret.isEmpty() ? "(none)" : "(hidden)") + ", newApiKey="
                + (newApiKey == null || newApiKey.isEmpty() ? "(none)" : "(hidden)") + "}";
    }
}
