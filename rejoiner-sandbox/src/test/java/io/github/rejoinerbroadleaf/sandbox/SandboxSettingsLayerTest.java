package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;

/** Sandbox mode: demo settings while no real keys are set above it, nothing otherwise. */
class SandboxSettingsLayerTest {

    private final Map<SettingKey, String> admin = new EnumMap<>(SettingKey.class);
    private final Map<String, String> environment = new java.util.HashMap<>();
    private final AtomicReference<String> baseUrl = new AtomicReference<>("http://localhost:8123");
    private boolean adminReadable = true;

    private RejoinerSettings resolve() {
        SettingsLayer adminLayer = new SettingsLayer() {
            @Override
            public String get(SettingKey key) {
                return admin.get(key);
            }

            @Override
            public String name() {
                return "admin";
            }

            @Override
            public boolean available() {
                return adminReadable;
            }
        };
        List<SettingsLayer> above = List.of(adminLayer, StandardLayers.environment(environment));
        SandboxSettingsLayer sandbox = new SandboxSettingsLayer(above, baseUrl::get, RejoinerSandbox.DEMO_SITE_ID,
                RejoinerSandbox.DEMO_API_KEY, RejoinerSandbox.DEMO_API_SECRET, "/rejoiner-sandbox");
        return new SettingsResolver(adminLayer, StandardLayers.environment(environment), sandbox).resolve();
    }

    @Test
    void withoutKeysItSuppliesTheSandbox() {
        RejoinerSettings s = resolve();

        assertEquals("sandbox-site sandbox-key true http://localhost:8123/rejoiner-sandbox "
                        + "http://localhost:8123/rejoiner-sandbox/js/v4/rejoiner.lib.js localhost http://localhost:8123 true",
                s.siteId() + " " + s.apiKey() + " " + RejoinerSandbox.DEMO_API_SECRET.equals(s.apiSecret()) + " " + s.apiUrl()
                        + " " + s.jsUrl() + " " + s.domain() + " " + s.storeBaseUrl() + " " + s.isConversionsActive());
    }

    @Test
    void whenTheAdminSettingsCannotBeReadItNeverFallsBackToTheSandbox() {
        adminReadable = false;

        RejoinerSettings s = resolve();

        assertEquals(List.of("null", "null", "false"),
                List.of(String.valueOf(s.siteId()), String.valueOf(s.apiKey()), String.valueOf(s.isConversionsActive())));
    }

    @Test
    void rejoinerTwoGetsTheRj2Library() {
        environment.put("REJOINER_API_GENERATION", "REJOINER_2");

        assertEquals("http://localhost:8123/rejoiner-sandbox/js/v4/rj2.lib.js", resolve().jsUrl());
    }

    @Test
    void aRealSiteIdFromTheEnvironmentSwitchesItOff() {
        environment.put("REJOINER_SITE_ID", "real-site");

        RejoinerSettings s = resolve();
        assertEquals("real-site null https://app.rejoiner.com", s.siteId() + " " + s.apiKey() + " " + s.apiUrl());
    }

    @Test
    void aSiteIdSavedInTheAdminSwitchesItOff() {
        admin.put(SettingKey.SITE_ID, "real-site");

        assertEquals("https://cdn.rejoiner.com/js/v4/rejoiner.lib.js", resolve().jsUrl());
    }

    @Test
    void aRealApiKeyAloneAlsoSwitchesItOff() {
        environment.put("REJOINER_API_KEY", "real-key");

        assertNull(resolve().siteId());
    }

    @Test
    void whileTheBaseUrlIsUnknownItSuppliesNothing() {
        baseUrl.set(null);

        assertNull(resolve().siteId());
    }

    @Test
    void theSystemPropertyConstructorReadsTheBaseUrlWhenAsked() {
        String property = "sandbox.layer.test.base.url";
        SandboxSettingsLayer layer = new SandboxSettingsLayer(List.of(), property);
        String before = layer.get(SettingKey.API_URL);
        System.setProperty(property, "http://localhost:9999/");
        try {
            assertEquals("null http://localhost:9999/rejoiner-sandbox", before + " " + layer.get(SettingKey.API_URL));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void itSuppliesOnlyItsOwnKeys() {
        SandboxSettingsLayer layer = new SandboxSettingsLayer(List.of(), baseUrl::get, "s", "k", "secret", "/sbx");

        assertNull(layer.get(SettingKey.CAMPAIGN_TYPE));
    }
}
