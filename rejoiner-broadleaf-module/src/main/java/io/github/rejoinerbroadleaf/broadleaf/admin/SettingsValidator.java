package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a {@link SettingsForm} before it is saved: each field as its {@link SettingKey} declaration
 * says, then what the fields need of each other. Returns field-level messages in plain words,
 * keyed by the form field name; an empty map means the form may be saved. No message ever
 * contains the API secret. Free of Broadleaf and Spring types, so any admin can reuse it.
 */
public final class SettingsValidator {

    /**
     * @param form         the submitted values
     * @param secretStored whether a secret is stored already (kept unless cleared or replaced)
     * @return field name to message, in form order; empty when valid
     */
    public Map<String, String> validate(SettingsForm form, boolean secretStored) {
        return validate(form, secretStored, false, trim(form.get(SettingKey.API_URL)));
    }

    /**
     * @param form         the submitted values
     * @param current      the stored row, or null when nothing is stored yet
     * @return field name to message, in form order; empty when valid
     */
    public Map<String, String> validate(SettingsForm form, RejoinerSettingsRecord current) {
        return validate(form, current != null && current.hasApiSecret(), current != null && current.hasApiKey(),
                current == null ? null : trim(current.value(SettingKey.API_URL)));
    }

    /**
     * @param keyStored    whether an API key is stored already (kept unless cleared or replaced)
     * @param storedApiUrl the API base URL stored with the credentials (null = the generation's default)
     */
    Map<String, String> validate(SettingsForm form, boolean secretStored, boolean keyStored, String storedApiUrl) {
        Map<String, String> errors = new LinkedHashMap<String, String>();
        // Each field on its own, as its declaration says.
        for (SettingKey key : SettingsForm.editable()) {
            String problem = key.declaration().problemWith(key.isSecret() ? form.typed(key) : form.get(key));
            if (problem != null) {
                errors.put(SettingsForm.inputName(key), problem);
            }
        }
        // What the fields need of each other.
        boolean rejoiner1 = !"REJOINER_2".equals(SettingKey.API_GENERATION.declaration().choiceOf(
                String.valueOf(form.get(SettingKey.API_GENERATION))));
        boolean conversions = form.isOn(SettingKey.CONVERSIONS_ENABLED);
        if (trim(form.get(SettingKey.SITE_ID)) == null && (form.isOn(SettingKey.TRACKING_ENABLED) || conversions)) {
            errors.put("siteId", "A site id is required while JavaScript tracking or REST conversions are on.");
        }
        String apiKey = trim(form.typed(SettingKey.API_KEY));
        if (apiKey == null && !(keyStored && !form.isCleared(SettingKey.API_KEY)) && conversions) {
            errors.put("newApiKey", "An API key is required while REST conversions are on.");
        }
        boolean typedSecret = trim(form.typed(SettingKey.API_SECRET)) != null;
        boolean secretAfterSave = typedSecret || (secretStored && !form.isCleared(SettingKey.API_SECRET));
        if (!errors.containsKey("newApiSecret") && rejoiner1 && conversions && !secretAfterSave) {
            errors.put("newApiSecret", "An API secret is required for Rejoiner 1 while REST conversions are on.");
        }
        // Stored credentials are only ever sent to the URL they were typed for: a new URL needs them typed again.
        if (!errors.containsKey("apiUrl") && apiUrlChanged(form, storedApiUrl)) {
            if (secretStored && !typedSecret && !form.isCleared(SettingKey.API_SECRET) && !errors.containsKey("newApiSecret")) {
                errors.put("newApiSecret", RETYPE_SECRET);
            }
            if (keyStored && apiKey == null && !form.isCleared(SettingKey.API_KEY) && !errors.containsKey("newApiKey")) {
                errors.put("newApiKey", RETYPE_KEY);
            }
        }
        return Collections.unmodifiableMap(errors);
    }

    static final String RETYPE_SECRET = "You changed the API base URL: type the API secret again (or remove it), "
            + "so the saved one is never sent to another address.";
    static final String RETYPE_KEY = "You changed the API base URL: type the API key again (or remove it), "
            + "so the saved one is never sent to another address.";

    /** Whether the form's API base URL differs from the stored one (blank = the generation's default). */
    static boolean apiUrlChanged(SettingsForm form, String storedApiUrl) {
        String typed = trim(form.get(SettingKey.API_URL));
        String stored = trim(storedApiUrl);
        return typed == null ? stored != null : !typed.equals(stored);
    }

    /** Rejoiner's own hosts: {@code rejoiner.com} and its subdomains. */
    public static boolean isRejoinerHost(String url) {
        String u = trim(url);
        if (u == null) {
            return true;
        }
        try {
            String host = new URI(u).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("rejoiner.com") || host.endsWith(".rejoiner.com");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Comma- or newline-separated items, trimmed, blanks dropped. */
    static List<String> items(String value) {
        List<String> items = new ArrayList<String>();
        if (value == null) {
            return items;
        }
        for (String item : value.split("[,\\r\\n]")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
