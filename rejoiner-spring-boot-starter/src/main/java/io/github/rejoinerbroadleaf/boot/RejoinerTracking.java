package io.github.rejoinerbroadleaf.boot;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;

/**
 * Renders a page's Rejoiner script: the base snippet of {@code rejoiner.site-id} /
 * {@code rejoiner.domain} followed by the page's calls, as one inline {@code <script>} element to
 * put at the end of {@code <body>}. Renders "" when {@code rejoiner.tracking-enabled} is false, and
 * never throws: a page is never broken by tracking.
 *
 * <pre>{@code
 * String html = rejoinerTracking.render(Arrays.asList(
 *         TrackingCommand.trackProductView(view),
 *         TrackingCommand.setCartData(cart)), cspNonce);
 * }</pre>
 */
public class RejoinerTracking {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerTracking.class);

    private final TrackingScript script;
    private final boolean enabled;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    public RejoinerTracking(TrackingScript script, boolean enabled) {
        if (script == null) {
            throw new IllegalArgumentException("script is required");
        }
        this.script = script;
        this.enabled = enabled;
    }

    /** Whether scripts are rendered at all ({@code rejoiner.tracking-enabled}). */
    public boolean isEnabled() {
        return enabled;
    }

    /** The configured base snippet (site id, domain, library URL). */
    public TrackingScript trackingScript() {
        return script;
    }

    /** The script element without CSP nonce; "" when tracking is off or rendering failed. */
    public String render(Iterable<TrackingCommand> commands) {
        return render(commands, null);
    }

    /**
     * The script element; {@code cspNonce} (base64, may be null) becomes its nonce attribute. ""
     * when tracking is off or rendering failed (logged once at WARN, then at DEBUG).
     */
    public String render(Iterable<TrackingCommand> commands, String cspNonce) {
        if (!enabled) {
            return "";
        }
        try {
            return script.render(commands == null ? Collections.<TrackingCommand>emptyList() : commands, cspNonce);
        } catch (RuntimeException | LinkageError e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warn("Rejoiner tracking script not rendered (the page is served without it): {}", e.toString(), e);
            } else {
                LOG.debug("Rejoiner tracking script not rendered: {}", e.toString());
            }
            return "";
        }
    }

    @Override
    public String toString() {
        return "RejoinerTracking{" + (enabled ? "enabled" : "disabled") + ", " + script + "}";
    }
}
