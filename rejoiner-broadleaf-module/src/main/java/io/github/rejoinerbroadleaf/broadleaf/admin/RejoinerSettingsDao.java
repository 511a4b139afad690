package io.github.rejoinerbroadleaf.broadleaf.admin;

/** Reads and writes the admin's settings row. */
public interface RejoinerSettingsDao {

    /** The row for a site key, or null when nothing was saved yet. */
    RejoinerSettingsRecord read(String siteKey);

    /** Updates the record's row, or inserts it when there is none; an unset value clears its column. */
    void save(RejoinerSettingsRecord record);
}
