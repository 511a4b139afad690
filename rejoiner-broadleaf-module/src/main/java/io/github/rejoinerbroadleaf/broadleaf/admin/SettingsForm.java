package io.github.rejoinerbroadleaf.broadleaf.admin;

/**
 * What the settings screen shows and posts back. It never carries the stored API secret: the page
 * only learns whether one is set ({@link #isApiSecretSet()}); {@link #getNewApiSecret()} holds a
 * replacement typed by the administrator and is blanked before the form is rendered again.
 */
public class SettingsForm {

    private String apiGeneration = "REJOINER_1";
    private String siteId;
    private String domain;
    private String apiKey;
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

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
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

    /** Drops anything secret before the form goes back to a page. */
    public void forgetTypedSecret() {
        this.newApiSecret = null;
    }

    @Override
    public String toString() {
        return "SettingsForm{generation=" + apiGeneration + ", siteId=" + siteId + ", newApiSecret="
                + (newApiSecret == null || newApiSecret.isEmpty() ? "(none)" : "(hidden)") + "}";
    }
}
