package io.github.rejoinerbroadleaf.broadleaf.admin;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import java.util.Date;

/**
 * The Rejoiner settings saved in the Broadleaf admin: one row per Broadleaf site ({@link #DEFAULT_SITE}
 * in a single-site store). Values are kept as the administrator typed them (trimmed, blank = unset)
 * and parsed by {@code SettingsResolver} like every other layer.
 *
 * <p>Deliberately not annotated for Broadleaf's generic entity screens: the API secret must never be
 * copied into a form model, a list grid or an export. {@link #toString()} hides it.
 */
@Entity
@Table(name = "RJ_ADMIN_SETTINGS")
public class RejoinerSettingsRecord {

    /** Key of the row of a single-site store (Broadleaf 3.1 community edition). */
    public static final String DEFAULT_SITE = "default";

    @Id
    @Column(name = "SITE_KEY", length = 100, nullable = false)
    private String siteKey;

    @Column(name = "API_GENERATION", length = 20)
    private String apiGeneration;

    @Column(name = "SITE_ID", length = 100)
    private String siteId;

    @Column(name = "DOMAIN_NAME", length = 255)
    private String domain;

    @Column(name = "API_KEY", length = 255)
    private String apiKey;

    @Column(name = "API_SECRET", length = 255)
    private String apiSecret;

    @Column(name = "API_URL", length = 500)
    private String apiUrl;

    @Column(name = "JS_URL", length = 500)
    private String jsUrl;

    @Column(name = "TRACKING_ENABLED")
    private Boolean trackingEnabled;

    @Column(name = "AUTOMATIC_PLACEMENT")
    private Boolean automaticPlacement;

    @Column(name = "CONVERSIONS_ENABLED")
    private Boolean conversionsEnabled;

    @Column(name = "CAMPAIGN_TYPE", length = 100)
    private String campaignType;

    @Column(name = "CAMPAIGN_IDS", length = 1000)
    private String campaignIds;

    @Column(name = "UNTRACKED_PAGE_PATTERNS", length = 2000)
    private String untrackedPagePatterns;

    @Column(name = "CONSENT_COOKIE", length = 255)
    private String consentCookie;

    @Column(name = "RESTORE_LINK_DAYS")
    private Integer restoreLinkDays;

    @Column(name = "ITEM_IDENTITY", length = 20)
    private String itemIdentity;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "UPDATED_AT")
    private Date updatedAt;

    @Column(name = "UPDATED_BY", length = 255)
    private String updatedBy;

    public String getSiteKey() {
        return siteKey;
    }

    public void setSiteKey(String siteKey) {
        this.siteKey = siteKey;
    }

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

    /** The stored key; for Rejoiner 2 a credential like the secret, read only by the settings layer and the connection test. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The stored secret; only the settings layer and the connection test read it. */
    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    public boolean hasApiSecret() {
        return apiSecret != null && !apiSecret.isEmpty();
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

    public Boolean getAutomaticPlacement() {
        return automaticPlacement;
    }

    public void setAutomaticPlacement(Boolean automaticPlacement) {
        this.automaticPlacement = automaticPlacement;
    }

    public Boolean getTrackingEnabled() {
        return trackingEnabled;
    }

    public void setTrackingEnabled(Boolean trackingEnabled) {
        this.trackingEnabled = trackingEnabled;
    }

    public Boolean getConversionsEnabled() {
        return conversionsEnabled;
    }

    public void setConversionsEnabled(Boolean conversionsEnabled) {
        this.conversionsEnabled = conversionsEnabled;
    }

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

    public Integer getRestoreLinkDays() {
        return restoreLinkDays;
    }

    public void setRestoreLinkDays(Integer restoreLinkDays) {
        this.restoreLinkDays = restoreLinkDays;
    }

    public String getItemIdentity() {
        return itemIdentity;
    }

    public void setItemIdentity(String itemIdentity) {
        this.itemIdentity = itemIdentity;
    }

    public Date getUpdatedAt() {
        return updatedAt == null ? null : new Date(updatedAt.getTime());
    }

    public void setUpdatedAt(Date updatedAt) {
        this.updatedAt = updatedAt == null ? null : new Date(updatedAt.getTime());
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void setUpdatedBy(String updatedBy) {
        this.updatedBy = updatedBy;
    }

    @Override
    public String toString() {
        return "RejoinerSettingsRecord{siteKey=" + siteKey + ", siteId=" + siteId + ", apiSecret="
                + (hasApiSecret() ? "(set)" : "(unset)") + ", apiKey=" + (hasApiKey() ? "(set)" : "(unset)") + ", updatedBy=" + updatedBy + "}";
    }
}
