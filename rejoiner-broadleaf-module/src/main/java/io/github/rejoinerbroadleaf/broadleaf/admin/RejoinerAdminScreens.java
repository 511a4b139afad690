package io.github.rejoinerbroadleaf.broadleaf.admin;

/**
 * Marker named as the "ceiling entity" of the Rejoiner admin permissions in
 * {@code load_rejoiner_admin_security.sql}. It is deliberately not the settings entity: no admin
 * role holds an entity permission on {@link RejoinerSettingsRecord}, so Broadleaf's generic entity
 * screens, list grids and exports can never read the row (and its API secret).
 */
public final class RejoinerAdminScreens {

    private RejoinerAdminScreens() {
    }
}
