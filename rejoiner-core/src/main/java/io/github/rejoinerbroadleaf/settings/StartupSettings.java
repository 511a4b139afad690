package io.github.rejoinerbroadleaf.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link StartupSetting} values of this start: each from the property {@code rejoiner.<name>}
 * (as the store's property source answers it), else the variable {@code REJOINER_<NAME>}, else its
 * default. A number that is not one, or is out of bounds, is replaced (default, or the nearest bound)
 * and logged at WARN by property name, so a typo never stops the store.
 */
public final class StartupSettings {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSettings.class);

    /** Where raw values come from: a property (by full name) or a variable (by name); null when unset. */
    public interface Source {
        String get(String name);
    }

    private final Map<StartupSetting, String> values = new EnumMap<StartupSetting, String>(StartupSetting.class);

    public StartupSettings(Source properties, Source environment) {
        for (StartupSetting key : StartupSetting.values()) {
            Setting s = key.declaration();
            String raw = firstSet(properties.get(s.systemProperty()), environment.get(s.environmentVariable()));
            values.put(key, s.kind() == Setting.Kind.NUMBER ? Long.toString(number(s, raw)) : raw);
        }
    }

    /** System properties and the process environment (for stores that wire without placeholders). */
    public static StartupSettings fromSystem() {
        return new StartupSettings(new Source() {
            @Override
            public String get(String name) {
                return System.getProperty(name);
            }
        }, new Source() {
            @Override
            public String get(String name) {
                return System.getenv(name);
            }
        });
    }

    public long number(StartupSetting key) {
        return Long.parseLong(values.get(key));
    }

    /** {@link #number(StartupSetting)} by name ({@code delivery.threads}), for Spring XML expressions. */
    public long number(String name) {
        return number(StartupSetting.named(name));
    }

    /** {@link #number(StartupSetting)} as an int (the declared bounds of int settings fit). */
    public int intNumber(StartupSetting key) {
        return (int) Math.min(Integer.MAX_VALUE, number(key));
    }

    public int intNumber(String name) {
        return intNumber(StartupSetting.named(name));
    }

    /** A text setting's value, or null when unset. */
    public String text(StartupSetting key) {
        return values.get(key);
    }

    private static String firstSet(String a, String b) {
        if (a != null && !a.trim().isEmpty()) {
            return a.trim();
        }
        return b == null || b.trim().isEmpty() ? null : b.trim();
    }

    private static long number(Setting s, String raw) {
        long fallback = Long.parseLong(s.defaultValue());
        if (raw == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            LOG.warn("{}={} is not a whole number; using {}", s.systemProperty(), raw, fallback);
            return fallback;
        }
        if (parsed < s.min() || parsed > s.max()) {
            long used = parsed < s.min() ? s.min() : s.max();
            LOG.warn("{}={} is outside {}..{}; using {}", s.systemProperty(), parsed, s.min(), s.max(), used);
            return used;
        }
        return parsed;
    }
}
