package io.github.rejoinerbroadleaf.broadleaf.restore;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import java.util.Date;

/**
 * A generated restore-link key in the module's own table {@code RJ_RESTORE_LINK_KEY}. Deliberately
 * not a Broadleaf System Property and not annotated for Broadleaf's admin screens: nobody reads or
 * edits it through the admin. {@link #toString()} hides the value.
 */
@Entity
@Table(name = "RJ_RESTORE_LINK_KEY")
public class RestoreLinkKeyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    @Column(name = "KEY_ID")
    private Long id;

    @Column(name = "KEY_VALUE", length = 100, nullable = false)
    private String value;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT")
    private Date createdAt;

    public Long getId() {
        return id;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Date getCreatedAt() {
        return createdAt == null ? null : new Date(createdAt.getTime());
    }

    public void setCreatedAt(Date createdAt) {
        this.createdAt = createdAt == null ? null : new Date(createdAt.getTime());
    }

    @Override
    public String toString() {
        return "RestoreLinkKeyRecord{id=" + id + ", value=(hidden)}";
    }
}
