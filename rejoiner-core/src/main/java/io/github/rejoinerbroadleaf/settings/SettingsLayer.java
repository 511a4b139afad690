package io.github.rejoinerbroadleaf.settings;

/**
 * One place settings can come from (the admin's database row, JVM system properties, the
 * environment, defaults). Layers are asked in order; the first non-blank value wins.
 */
public interface SettingsLayer {

    /** The raw value for a key, or null when this layer does not set it. */
    String get(SettingKey key);

    /** A short name for messages ("admin", "system property", ...). */
    String name();

    /**
     * False while this layer cannot read its source (e.g. the admin's table is unreachable), so
     * that fallbacks which must only apply to a store with <em>no</em> settings (the sandbox) stay off.
     */
    default boolean available() {
        return true;
    }
}
