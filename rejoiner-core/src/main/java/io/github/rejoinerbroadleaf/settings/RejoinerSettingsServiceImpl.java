package io.github.rejoinerbroadleaf.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves settings from its layers and keeps the result for a short time, so the storefront's
 * hot path does not read the database on every request. The admin invalidates on save; other
 * cluster nodes see the change within {@code cacheMillis}.
 */
public class RejoinerSettingsServiceImpl implements RejoinerSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerSettingsServiceImpl.class);

    private final SettingsResolver resolver;
    private final long cacheMillis;
    private volatile Cached cached;

    public RejoinerSettingsServiceImpl(List<SettingsLayer> layers, long cacheMillis) {
        this.resolver = new SettingsResolver(new ArrayList<SettingsLayer>(layers));
        this.cacheMillis = cacheMillis;
    }

    @Override
    public RejoinerSettings current() {
        Cached snapshot = cached;
        long now = System.nanoTime();
        if (snapshot != null && now - snapshot.resolvedAtNanos < cacheMillis * 1_000_000L) {
            return snapshot.settings;
        }
        RejoinerSettings settings = resolver.resolve();
        if (snapshot == null || !settings.warnings().equals(snapshot.settings.warnings())) {
            for (String warning : settings.warnings()) {
                LOG.warn("Rejoiner setting ignored: {}", warning);
            }
        }
        cached = new Cached(settings, now);
        return settings;
    }

    @Override
    public SettingsResolver resolver() {
        return resolver;
    }

    @Override
    public void invalidate() {
        cached = null;
    }

    private static final class Cached {
        final RejoinerSettings settings;
        final long resolvedAtNanos;

        Cached(RejoinerSettings settings, long resolvedAtNanos) {
            this.settings = settings;
            this.resolvedAtNanos = resolvedAtNanos;
        }
    }
}
