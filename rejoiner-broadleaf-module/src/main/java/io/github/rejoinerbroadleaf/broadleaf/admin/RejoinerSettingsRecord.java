package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Transient;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Rejoiner settings saved in the Broadleaf admin: one row per Broadleaf site ({@link #DEFAULT_SITE}
 * in a single-site store). Values are kept as the administrator typed them (trimmed, blank = unset)
 * and parsed by {@code SettingsResolver} like every other layer. Read and written with plain JDBC by
 * {@link JdbcSettingsTable}, one column per {@link SettingKey} whose declaration names one, so a new
 * setting needs no field here.
 *
 * <p>Still a JPA entity mapping only the key and the audit columns, for stores whose persistence unit
 * lists {@code persistence-rejoiner.xml} or this class (earlier versions needed it): their unit keeps
 * starting and Hibernate's schema tools see a table they already know. Nothing reads it through JPA.
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

    /** The settings' values by key, trimmed text; read and written by {@link JdbcSettingsTable}, not by JPA. */
    @Transient
    private final Map<SettingKey, String> values = new EnumMap<SettingKey, String>(SettingKey.class);

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

    /** The stored value of a setting the admin keeps (as text; null when unset). */
    public String value(SettingKey key) {
        return values.get(stored(key));
    }

    /** Stores a setting's value (trimmed text; blank = unset); its column's type is applied when written. */
    public void setValue(SettingKey key, String value) {
        String v = value == null || value.trim().isEmpty() ? null : value.trim();
        if (v == null) {
            values.remove(stored(key));
        } else {
            values.put(stored(key), v);
        }
    }

    private static SettingKey stored(SettingKey key) {
        if (!key.declaration().storedInAdmin()) {
            throw new IllegalArgumentException(key.camelName() + " is not stored in the admin");
        }
        return key;
    }

    public boolean hasApiKey() {
        return values.containsKey(SettingKey.API_KEY);
    }

    public boolean hasApiSecret() {
        return values.containsKey(SettingKey.API_SECRET);
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
        return "RejoinerSettingsRecord{siteKey=" + siteKey + ", siteId=" + values.get(SettingKey.SITE_ID) + ", apiSecret="
                + (hasApiSecret() ? "(set)" : "(unset)") + ", apiKey=" + (hasApiKey() ? "(set)" : "(unset)") + ", updatedBy=" + updatedBy + "}";
    }
}
