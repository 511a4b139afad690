package io.github.rejoinerbroadleaf.broadleaf.admin;

/** Reads and writes the admin's settings row. Callers provide the transaction. */
public interface RejoinerSettingsDao {

    /** The row for a site key, or null when nothing was saved yet. */
    RejoinerSettingsRecord read(String siteKey);

    /** Inserts or updates the row and returns the managed instance. */
    RejoinerSettingsRecord save(RejoinerSettingsRecord record);
}
