package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.restore.RestoreKeys;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the keys restore links are signed and checked with: the configured
 * {@code restoreLinkKey} (plus {@code restoreLinkPreviousKey} during a rotation), or, when no key is
 * configured, the key generated once and kept in the store's database.
 */
public class RestoreKeyProvider {

    private final GeneratedRestoreKeyStore generated;
    /** The keys last derived and what they were derived from (deriving is an HMAC per key, on every link). */
    private volatile Derived last;

    public RestoreKeyProvider(GeneratedRestoreKeyStore generated) {
        this.generated = generated;
    }

    public RestoreKeys keys(RejoinerSettings settings) {
        String current = settings.restoreLinkKey();
        String previous = settings.restoreLinkPreviousKey();
        boolean configured = current != null && !current.trim().isEmpty();
        List<String> sources = new ArrayList<String>(3);
        if (configured) {
            sources.add(current);
        } else {
            // the oldest generated key signs; any other generated row (several nodes starting for the
            // very first time at once) and a configured previous key stay accepted
            sources.addAll(generated.keys());
        }
        sources.add(previous);
        Derived d = last;
        if (d != null && d.configured == configured && d.sources.equals(sources)) {
            return d.keys;
        }
        RestoreKeys keys = configured ? RestoreKeys.of(current, previous) : RestoreKeys.of(sources);
        last = new Derived(configured, sources, keys);
        return keys;
    }

    private static final class Derived {
        final boolean configured;
        final List<String> sources;
        final RestoreKeys keys;

        Derived(boolean configured, List<String> sources, RestoreKeys keys) {
            this.configured = configured;
            this.sources = sources;
            this.keys = keys;
        }
    }
}
