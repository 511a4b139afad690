package io.github.rejoinerbroadleaf.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The layers every store has: system properties, environment variables and fixed defaults. */
public final class StandardLayers {

    private StandardLayers() {
    }

    public static SettingsLayer systemProperties() {
        return new SettingsLayer() {
            @Override
            public String get(SettingKey key) {
                return System.getProperty(key.systemProperty());
            }

            @Override
            public String name() {
                return "system property";
            }
        };
    }

    public static SettingsLayer environment() {
        return environment(System.getenv());
    }

    /** The environment layer over a given map, so tests need not change the real environment. */
    public static SettingsLayer environment(final Map<String, String> variables) {
        return new SettingsLayer() {
            @Override
            public String get(SettingKey key) {
                return variables.get(key.environmentVariable());
            }

            @Override
            public String name() {
                return "environment";
            }
        };
    }

    /** Fixed values, e.g. the sample store's sandbox keys or a store's own defaults from Spring. */
    public static SettingsLayer fixed(final String name, Map<SettingKey, String> values) {
        final Map<SettingKey, String> copy = Collections.unmodifiableMap(
                values.isEmpty() ? new EnumMap<SettingKey, String>(SettingKey.class) : new EnumMap<SettingKey, String>(values));
        return new SettingsLayer() {
            @Override
            public String get(SettingKey key) {
                return copy.get(key);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
