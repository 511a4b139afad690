package io.github.rejoinerbroadleaf.settings;

/**
 * The integration's current settings. Every storefront request, the checkout activity and the
 * delivery worker ask here, so a change saved in the admin takes effect without a restart.
 */
public interface RejoinerSettingsService {

    /** The settings in force now (cached briefly; see the implementation). */
    RejoinerSettings current();

    /** The resolver behind {@link #current()}, e.g. to show where a value comes from. */
    SettingsResolver resolver();

    /** Drops the cached settings; the admin calls this after saving. */
    void invalidate();
}
