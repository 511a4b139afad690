package io.github.rejoinerbroadleaf.broadleaf.admin;

import java.util.Map;

/** What the settings screen needs: load, validate and save, test the connection. */
public interface RejoinerAdminSettingsService {

    /** The saved values as a form (without the secret; only whether one is set). */
    SettingsForm load();

    /**
     * Validates and saves; on success the new values take effect at once on this node.
     *
     * @param user the admin user's login, recorded with the row
     * @return field-level errors; empty when saved
     */
    Map<String, String> save(SettingsForm form, String user);

    /** Calls Rejoiner with the form's values (and the stored secret unless a new one is typed). */
    ConnectionTestResult testConnection(SettingsForm form);
}
