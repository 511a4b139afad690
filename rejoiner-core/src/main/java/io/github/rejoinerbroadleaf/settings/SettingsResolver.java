package io.github.rejoinerbroadleaf.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@link RejoinerSettings} from layers in priority order (first non-blank value wins)
 * and parses each value as its {@link SettingKey} declaration says. A value that cannot be parsed falls back to its default and is reported
 * in {@link RejoinerSettings#warnings()}, so a typo never stops the store.
 */
public final class SettingsResolver {

    /** Default for {@link SettingKey#UNTRACKED_PAGE_PATTERNS}: account pages. */
    public static final String DEFAULT_UNTRACKED_PAGES = SettingKey.UNTRACKED_PAGE_PATTERNS.declaration().defaultValue();

    private final List<SettingsLayer> layers;

    public SettingsResolver(List<SettingsLayer> layers) {
        this.layers = Collections.unmodifiableList(new ArrayList<SettingsLayer>(layers));
    }

    public SettingsResolver(SettingsLayer... layers) {
        this(Arrays.asList(layers));
    }

    /** The first non-blank raw value for the key, trimmed, or null. */
    public String raw(SettingKey key) {
        for (SettingsLayer layer : layers) {
            String value = layer.get(key);
            if (value != null && !value.trim().isEmpty()) {
                return value.trim();
            }
        }
        return null;
    }

    /** The layer that supplies the key, for the admin's "where does this come from" hint. */
    public String sourceOf(SettingKey key) {
        for (SettingsLayer layer : layers) {
            String value = layer.get(key);
            if (value != null && !value.trim().isEmpty()) {
                return layer.name();
            }
        }
        return "default";
    }

    public RejoinerSettings resolve() {
        List<String> warnings = new ArrayList<String>();
        Map<SettingKey, Object> values = new EnumMap<SettingKey, Object>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            Object value = parse(key.declaration(), raw(key), warnings);
            if (value != null) {
                values.put(key, value);
            }
        }
        return new RejoinerSettings(values, warnings);
    }

    /** A raw value (null: unset) as its declared kind, or the parsed default with a warning when it is not one. */
    private static Object parse(Setting s, String raw, List<String> warnings) {
        if (raw == null) {
            return s.defaultValue() == null ? null : parse(s, s.defaultValue(), warnings);
        }
        switch (s.kind()) {
            case FLAG:
                if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("yes") || raw.equals("1") || raw.equalsIgnoreCase("on")) {
                    return Boolean.TRUE;
                }
                if (raw.equalsIgnoreCase("false") || raw.equalsIgnoreCase("no") || raw.equals("0") || raw.equalsIgnoreCase("off")) {
                    return Boolean.FALSE;
                }
                return fallback(s, raw, "is not true or false", warnings);
            case NUMBER:
                Long number = s.number(raw);
                return number != null ? number : fallback(s, raw, "is not a whole number from " + s.min() + " to " + s.max(), warnings);
            case CHOICE:
                String choice = s.choiceOf(raw);
                return choice != null ? choice : fallback(s, raw, "is none of " + s.choices(), warnings);
            case CHOICES:
                List<String> chosen = new ArrayList<String>();
                for (String item : list(raw)) {
                    String match = s.choiceOf(item);
                    if (match == null) {
                        warnings.add(s.name() + " '" + item + "' is none of " + s.choices() + "; ignored");
                    } else if (!chosen.contains(match)) {
                        chosen.add(match);
                    }
                }
                return Collections.unmodifiableList(chosen);
            case LIST:
                return Collections.unmodifiableList(list(raw));
            default:
                return s.dropsTrailingSlash() ? withoutTrailingSlash(raw) : raw;
        }
    }

    private static Object fallback(Setting s, String raw, String problem, List<String> warnings) {
        warnings.add(s.name() + " '" + raw + "' " + problem + "; using " + s.defaultValue());
        return s.defaultValue() == null ? null : parse(s, s.defaultValue(), warnings);
    }

    /** Comma- or newline-separated values, trimmed, blanks dropped. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<String>();
        if (value == null) {
            return items;
        }
        for (String item : value.split("[,\\n\\r]")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static String withoutTrailingSlash(String url) {
        if (url == null) {
            return null;
        }
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
