package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The renderer ({@link TrackingScript}) for the settings in force and the AJAX endpoint, built once
 * and reused while the site id, domain, library URL and endpoint stay the same.
 */
final class RendererCache {

    private final AtomicReference<ScriptHolder> script = new AtomicReference<ScriptHolder>();

    /**
     * The renderer for the current settings and AJAX endpoint (null: no bootstrap), or null when
     * tracking is off or the settings cannot make one.
     */
    TrackingScript renderer(RejoinerSettings settings, String ajaxEndpoint) {
        if (!settings.isTrackingActive()) {
            return null;
        }
        ScriptHolder holder = script.get();
        if (holder != null && holder.settings == settings && Objects.equals(holder.ajaxEndpoint, ajaxEndpoint)) {
            return holder.script; // the same settings snapshot: nothing to compare
        }
        String key = settings.siteId() + '\n' + settings.domain() + '\n' + settings.jsUrl() + '\n' + ajaxEndpoint;
        if (holder != null && holder.key.equals(key)) {
            script.set(new ScriptHolder(settings, ajaxEndpoint, key, holder.script));
            return holder.script;
        }
        TrackingScript built;
        try {
            built = TrackingScript.builder().siteId(settings.siteId()).domain(settings.domain())
                    .apiGeneration(settings.apiGeneration()).libraryUrl(settings.jsUrl()).ajaxEndpoint(ajaxEndpoint).build();
        } catch (IllegalArgumentException e) {
            TrackingFailures.report("tracking settings", e);
            built = null;
        }
        script.set(new ScriptHolder(settings, ajaxEndpoint, key, built));
        return built;
    }

    private static final class ScriptHolder {
        final RejoinerSettings settings;
        final String ajaxEndpoint;
        final String key;
        final TrackingScript script;

        ScriptHolder(RejoinerSettings settings, String ajaxEndpoint, String key, TrackingScript script) {
            this.settings = settings;
            this.ajaxEndpoint = ajaxEndpoint;
            this.key = key;
            this.script = script;
        }
    }
}
