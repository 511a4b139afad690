package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;

import java.util.Map;

/**
 * The tracking settings of a browser test, given as {@code rejoiner.*} system properties for its
 * duration, with the Rejoiner library pointed at a URL the browser blocks, so that
 * {@code window._rejoiner} keeps exactly what the page and the module pushed.
 */
final class BrowserTrackingSettings {

    private final Map<String, String> settings;
    private RejoinerSettingsService service;

    BrowserTrackingSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    /** Skips the test without Chromium, applies the settings and answers the blocked library URL. */
    String apply(SampleStore store) {
        HeadlessChromium.requireChromium();
        settings.forEach(System::setProperty);
        String libraryUrl = "http://localhost:" + store.port() + "/blocked-rejoiner-library.js";
        System.setProperty("rejoiner.jsUrl", libraryUrl);
        service = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        service.invalidate();
        return libraryUrl;
    }

    void restore() {
        settings.keySet().forEach(System::clearProperty);
        System.clearProperty("rejoiner.jsUrl");
        if (service != null) { // null when the test was skipped before applying (no Chromium)
            service.invalidate();
        }
    }
}
