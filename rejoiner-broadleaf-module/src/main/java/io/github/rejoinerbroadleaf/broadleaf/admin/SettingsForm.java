package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the settings screen shows and posts back: one value per {@link SettingKey} the admin stores
 * (its fields are the declarations', in their order). It never carries a stored secret (the API
 * secret, and the API key, which for Rejoiner 2 alone authenticates): the page only learns whether
 * one is set ({@link #isStored}) and, for the key, its last four characters; {@link #typed} holds a
 * replacement typed by the administrator, blanked before the form is rendered again.
 */
public class SettingsForm {

    private final Map<SettingKey, String> values = new EnumMap<SettingKey, String>(SettingKey.class);
    private final Map<SettingKey, String> typedSecrets = new EnumMap<SettingKey, String>(SettingKey.class);
    private final Set<SettingKey> cleared = EnumSet.noneOf(SettingKey.class);
    private final Set<SettingKey> stored = EnumSet.noneOf(SettingKey.class);
    private final Map<SettingKey, String> lastFour = new EnumMap<SettingKey, String>(SettingKey.class);

    /** A select or a checkbox has no "blank": they start at the declared default. */
    public SettingsForm() {
        for (SettingKey key : editable()) {
            Setting.Kind kind = key.declaration().kind();
            if (kind == Setting.Kind.FLAG || kind == Setting.Kind.CHOICE) {
                values.put(key, key.declaration().defaultValue());
            }
        }
    }

    /** The settings the admin stores and edits, in screen order. */
    public static List<SettingKey> editable() {
        List<SettingKey> keys = new ArrayList<SettingKey>();
        for (SettingKey key : SettingKey.values()) {
            if (key.declaration().storedInAdmin()) {
                keys.add(key);
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /** The request parameter a setting is posted as: its name, or {@code newApiKey} for a secret's replacement. */
    public static String inputName(SettingKey key) {
        return key.isSecret() ? "new" + capitalised(key.camelName()) : key.camelName();
    }

    /** The parameter of a secret's "remove the saved one" checkbox, e.g. {@code clearApiKey}. */
    public static String clearName(SettingKey key) {
        return "clear" + capitalised(key.camelName());
    }

    /** Every parameter the screen binds (anything else posted is ignored). */
    public static List<String> allowedFields() {
        List<String> names = new ArrayList<String>();
        for (SettingKey key : editable()) {
            names.add(inputName(key));
            if (key.isSecret()) {
                names.add(clearName(key));
            }
        }
        return names;
    }

    /**
     * The form as posted: only {@link #allowedFields()} are read. A checkbox that is absent but
     * whose {@code _name} marker is present was unticked (the convention of Spring's form binding).
     */
    public static SettingsForm bind(Map<String, String[]> parameters) {
        SettingsForm form = new SettingsForm();
        for (SettingKey key : editable()) {
            String value = first(parameters, inputName(key));
            if (key.isSecret()) {
                form.setTyped(key, value);
                form.setCleared(key, isTrue(first(parameters, clearName(key))));
            } else if (key.declaration().kind() == Setting.Kind.FLAG) {
                if (value != null) {
                    form.set(key, isTrue(value));
                } else if (parameters.containsKey("_" + inputName(key))) {
                    form.set(key, false);
                }
            } else if (value != null) {
                form.set(key, value);
            }
        }
        return form;
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("on") || v.equals("yes") || v.equals("1");
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The value as shown or posted (null: blank); never a secret's. */
    public String get(SettingKey key) {
        return values.get(key);
    }

    public void set(SettingKey key, String value) {
        if (key.isSecret()) {
            throw new IllegalArgumentException(key.camelName() + " is write-only: use setTyped");
        }
        values.put(key, value);
    }

    public void set(SettingKey key, boolean on) {
        set(key, Boolean.toString(on));
    }

    /** A checkbox's state. */
    public boolean isOn(SettingKey key) {
        return "true".equalsIgnoreCase(values.get(key));
    }

    /** A replacement typed into a secret's write-only field; blank keeps the stored one. */
    public String typed(SettingKey key) {
        return typedSecrets.get(key);
    }

    public void setTyped(SettingKey key, String value) {
        typedSecrets.put(key, value);
    }

    /** Whether the stored secret is to be removed. */
    public boolean isCleared(SettingKey key) {
        return cleared.contains(key);
    }

    public void setCleared(SettingKey key, boolean clear) {
        if (clear) {
            cleared.add(key);
        } else {
            cleared.remove(key);
        }
    }

    /** Whether a secret is stored; filled in by the server, never bound from the request. */
    public boolean isStored(SettingKey key) {
        return stored.contains(key);
    }

    /** The stored key's last four characters (null when none is stored, or it is too short to hint at, or not a key). */
    public String lastFour(SettingKey key) {
        return lastFour.get(key);
    }

    /** Records what the page may know about a stored secret: that it exists and, for a long key, its last four characters. */
    void markStored(SettingKey key, String storedValue) {
        boolean present = storedValue != null && !storedValue.isEmpty();
        if (present) {
            stored.add(key);
        } else {
            stored.remove(key);
        }
        String hint = key.declaration().showsLastFour() ? lastFour(storedValue) : null;
        if (hint != null) {
            lastFour.put(key, hint);
        } else {
            lastFour.remove(key);
        }
    }

    /** Copies what the page may know about the stored secrets from a freshly loaded form. */
    void markStoredCredentials(SettingsForm loaded) {
        stored.clear();
        stored.addAll(loaded.stored);
        lastFour.clear();
        lastFour.putAll(loaded.lastFour);
    }

    /** Keys shorter than {@link #MIN_KEY_FOR_HINT} show no characters at all: four would be most of them. */
    static final int MIN_KEY_FOR_HINT = 12;

    static String lastFour(String key) {
        return key == null || key.length() < MIN_KEY_FOR_HINT ? null : key.substring(key.length() - 4);
    }

    /** Drops anything secret before the form goes back to a page. */
    public void forgetTypedSecret() {
        typedSecrets.clear();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SettingsForm{generation=").append(get(SettingKey.API_GENERATION))
                .append(", siteId=").append(get(SettingKey.SITE_ID));
        for (SettingKey key : typedSecrets.keySet()) {
            String typed = typedSecrets.get(key);
            sb.append(", ").append(inputName(key)).append('=').append(typed == null || typed.isEmpty() ? "(none)" : "(hidden)");
        }
        return sb.append('}').toString();
    }
}
