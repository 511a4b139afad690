package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import java.lang.reflect.Field;
import java.util.Date;

/**
 * The Rejoiner settings saved in the Broadleaf admin: one row per Broadleaf site ({@link #DEFAULT_SITE}
 * in a single-site store). Values are kept as the administrator typed them (trimmed, blank = unset)
 * and parsed by {@code SettingsResolver} like every other layer. One field per {@link SettingKey}
 * whose declaration names a column: the field has the setting's name and is read and written through
 * {@link #value} and {@link #setValue}, so only the column mapping lives here.
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

    /**
     * The stored value of a setting the admin keeps (as text; null when unset). The entity's field
     * has the setting's name and its declared column ({@code EntityColumnsTest} holds them together).
     */
    public String value(SettingKey key) {
        try {
            Object value = field(key).get(this);
            return value == null ? null : value.toString();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a setting's value (trimmed text; blank = unset), converted to its column's type. */
    public void setValue(SettingKey key, String value) {
        String v = value == null || value.trim().isEmpty() ? null : value.trim();
        Field field = field(key);
        try {
            if (field.getType() == Boolean.class) {
                field.set(this, v == null ? null : Boolean.valueOf(v));
            } else if (field.getType() == Integer.class) {
                field.set(this, v == null ? null : Integer.valueOf(v));
            } else {
                field.set(this, v);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Field field(SettingKey key) {
        if (!key.declaration().storedInAdmin()) {
            throw new IllegalArgumentException(key.camelName() + " is not stored in the admin");
        }
        try {
            Field field = RejoinerSettingsRecord.class.getDeclaredField(key.camelName());
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("RejoinerSettingsRecord lacks the field of " + key.camelName(), e);
        }
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    public boolean hasApiSecret() {
        return apiSecret != null && !apiSecret.isEmpty();
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
