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

    public RestoreKeyProvider(GeneratedRestoreKeyStore generated) {
        this.generated = generated;
    }

    public RestoreKeys keys(RejoinerSettings settings) {
        String current = settings.restoreLinkKey();
        String previous = settings.restoreLinkPreviousKey();
        if (current != null && !current.trim().isEmpty()) {
            return RestoreKeys.of(current, previous);
        }
        // the oldest generated key signs; any other generated row (several nodes starting for the
        // very first time at once) and a configured previous key stay accepted
        List<String> keys = new ArrayList<String>(generated.keys());
        keys.add(previous);
        return RestoreKeys.of(keys);
    }
}
