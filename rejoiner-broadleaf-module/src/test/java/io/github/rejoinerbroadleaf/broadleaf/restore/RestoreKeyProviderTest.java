package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.restore.RestoreKeys;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RestoreKeyProviderTest {

    private final GeneratedRestoreKeyStore generated = mock(GeneratedRestoreKeyStore.class);
    private final RestoreKeyProvider provider = new RestoreKeyProvider(generated);

    private static RejoinerSettings settings(String key, String previousKey) {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        if (key != null) {
            values.put(SettingKey.RESTORE_LINK_KEY, key);
        }
        if (previousKey != null) {
            values.put(SettingKey.RESTORE_LINK_PREVIOUS_KEY, previousKey);
        }
        return new SettingsResolver(StandardLayers.fixed("test", values)).resolve();
    }

    @Test
    void theSameConfiguredKeysAreDerivedOnce() {
        RestoreKeys first = provider.keys(settings("key-one", null));
        assertSame(first, provider.keys(settings("key-one", null)));
    }

    @Test
    void aRotatedKeyIsDerivedAnew() {
        RestoreKeys first = provider.keys(settings("key-one", null));
        RestoreKeys rotated = provider.keys(settings("key-two", "key-one"));
        assertNotSame(first, rotated);
        assertEquals(2, rotated.size());
    }

    @Test
    void generatedKeysAreDerivedOnceWhileTheStoreListsTheSame() {
        when(generated.keys()).thenReturn(List.of("generated-1"));
        RestoreKeys first = provider.keys(settings(null, null));
        assertSame(first, provider.keys(settings(null, null)));

        when(generated.keys()).thenReturn(List.of("generated-1", "generated-2"));
        assertEquals(2, provider.keys(settings(null, null)).size());
    }
}
