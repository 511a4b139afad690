package io.github.rejoinerbroadleaf.broadleaf.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link SettingsForm} before it is saved. Returns field-level messages in plain words,
 * keyed by the form field name; an empty map means the form may be saved. No message ever
 * contains the API secret. Free of Broadleaf and Spring types, so any admin can reuse it.
 */
public final class SettingsValidator {

    static final int MAX_TEXT = 255;
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern ANT_PATTERN = Pattern.compile("/[A-Za-z0-9/_.*?{}~%:;@!$&'()+,=\\[\\]-]*");

    /**
     * @param form         the submitted values
     * @param secretStored whether a secret is stored already (kept unless cleared or replaced)
     * @return field name to message, in form order; empty when valid
     */
    public Map<String, String> validate(SettingsForm form, boolean secretStored) {
        return validate(form, secretStored, false, trim(form.getApiUrl()));
    }

    /**
     * @param form         the submitted values
     * @param current      the stored row, or null when nothing is stored yet
     * @return field name to message, in form order; empty when valid
     */
    public Map<String, String> validate(SettingsForm form, RejoinerSettingsRecord current) {
        return validate(form, current != null && current.hasApiSecret(), current != null && current.hasApiKey(),
                current == null ? null : trim(current.getApiUrl()));
    }

    /**
     * @param keyStored    whether an API key is stored already (kept unless cleared or replaced)
     * @param storedApiUrl the API base URL stored with the credentials (null = the generation's default)
     */
    Map<String, String> validate(SettingsForm form, boolean secretStored, boolean keyStored, String storedApiUrl) {
        Map<String, String> errors = new LinkedHashMap<String, String>();
        String generation = trim(form.getApiGeneration());
        boolean rejoiner1 = true;
        if (generation == null || (!"REJOINER_1".equals(generation) && !"REJOINER_2".equals(generation))) {
            errors.put("apiGeneration", "Choose Rejoiner 1 (signed requests) or Rejoiner 2 (token).");
        } else {
            rejoiner1 = "REJOINER_1".equals(generation);
        }

        String siteId = trim(form.getSiteId());
        if (siteId != null && !SITE_ID.matcher(siteId).matches()) {
            errors.put("siteId", "The site id may contain only letters, digits, '-' and '_' (at most 100).");
        } else if (siteId == null && (form.isTrackingEnabled() || form.isConversionsEnabled())) {
            errors.put("siteId", "A site id is required while JavaScript tracking or REST conversions are on.");
        }

        String domain = trim(form.getDomain());
        if (domain != null && !isHostName(domain)) {
            errors.put("domain", "Enter a host name such as shop.example.com, optionally with a leading dot (.example.com).");
        }

        String apiKey = trim(form.getNewApiKey());
        if (apiKey != null && !isKey(apiKey)) {
            errors.put("newApiKey", "The API key must be printable characters without spaces or ':' (at most " + MAX_TEXT + ").");
        } else if (apiKey == null && !(keyStored && !form.isClearApiKey()) && form.isConversionsEnabled()) {
            errors.put("newApiKey", "An API key is required while REST conversions are on.");
        }

        String newSecret = form.getNewApiSecret();
        boolean typedSecret = newSecret != null && !newSecret.trim().isEmpty();
        if (typedSecret && (newSecret.trim().length() > MAX_TEXT || containsControl(newSecret))) {
            errors.put("newApiSecret", "The API secret must be at most " + MAX_TEXT + " printable characters.");
        } else {
            boolean secretAfterSave = typedSecret || (secretStored && !form.isClearApiSecret());
            if (rejoiner1 && form.isConversionsEnabled() && !secretAfterSave) {
                errors.put("newApiSecret", "An API secret is required for Rejoiner 1 while REST conversions are on.");
            }
        }

        checkUrl(errors, "apiUrl", form.getApiUrl(), "API base URL", false);
        // Stored credentials are only ever sent to the URL they were typed for: a new URL needs them typed again.
        if (!errors.containsKey("apiUrl") && apiUrlChanged(form, storedApiUrl)) {
            if (secretStored && !typedSecret && !form.isClearApiSecret() && !errors.containsKey("newApiSecret")) {
                errors.put("newApiSecret", RETYPE_SECRET);
            }
            if (keyStored && apiKey == null && !form.isClearApiKey() && !errors.containsKey("newApiKey")) {
                errors.put("newApiKey", RETYPE_KEY);
            }
        }
        checkUrl(errors, "jsUrl", form.getJsUrl(), "JavaScript library URL", true);

        for (String type : items(form.getCampaignType())) {
            String t = type.toLowerCase(Locale.ROOT);
            if (!t.equals("abandonment") && !t.equals("conversion")) {
                errors.put("campaignType", "campaign_type may be 'abandonment', 'conversion' or both, comma-separated.");
                break;
            }
        }

        String campaignIds = trim(form.getCampaignIds());
        if (campaignIds != null) {
            if (campaignIds.length() > 1000) {
                errors.put("campaignIds", "campaign_ids may be at most 1000 characters.");
            } else {
                for (String id : campaignIds.split(",", -1)) {
                    if (!CAMPAIGN_ID.matcher(id.trim()).matches()) {
                        errors.put("campaignIds", "campaign_ids must be comma-separated ids of letters, digits, '-' and '_'.");
                        break;
                    }
                }
            }
        }

        String patterns = trim(form.getUntrackedPagePatterns());
        if (patterns != null) {
            if (patterns.length() > 2000) {
                errors.put("untrackedPagePatterns", "The untracked page patterns may be at most 2000 characters.");
            } else {
                for (String pattern : items(patterns)) {
                    if (!ANT_PATTERN.matcher(pattern).matches()) {
                        errors.put("untrackedPagePatterns", "Each untracked page pattern must be an Ant-style path starting "
                                + "with '/' (for example /account/**), one per line or comma-separated.");
                        break;
                    }
                }
            }
        }

        String cookie = trim(form.getConsentCookie());
        if (cookie != null && !COOKIE_NAME.matcher(cookie).matches()) {
            errors.put("consentCookie", "Enter a cookie name (letters, digits and !#$%&'*+.^_`|~- only).");
        }

        String days = trim(form.getRestoreLinkDays());
        if (days != null) {
            int value;
            try {
                value = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > 365) {
                errors.put("restoreLinkDays", "The restore-link lifetime must be a whole number of days from 1 to 365.");
            }
        }
        String identity = trim(form.getItemIdentity());
        if (identity != null && !identity.equalsIgnoreCase("PRODUCT") && !identity.equalsIgnoreCase("SKU")) {
            errors.put("itemIdentity", "Choose one item per product or one item per SKU.");
        }
        return Collections.unmodifiableMap(errors);
    }

    static final String RETYPE_SECRET = "You changed the API base URL: type the API secret again (or remove it), "
            + "so the saved one is never sent to another address.";
    static final String RETYPE_KEY = "You changed the API base URL: type the API key again (or remove it), "
            + "so the saved one is never sent to another address.";

    /** Whether the form's API base URL differs from the stored one (blank = the generation's default). */
    static boolean apiUrlChanged(SettingsForm form, String storedApiUrl) {
        String typed = trim(form.getApiUrl());
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

    private static void checkUrl(Map<String, String> errors, String field, String value, String label, boolean queryAllowed) {
        String url = trim(value);
        if (url == null) {
            return;
        }
        String problem = "The " + label + " must be an absolute http:// or https:// URL"
                + (queryAllowed ? "." : " without query or fragment.");
        if (url.length() > 500) {
            errors.put(field, "The " + label + " may be at most 500 characters.");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (!queryAllowed && (uri.getRawQuery() != null || uri.getRawFragment() != null))) {
                errors.put(field, problem);
            }
        } catch (URISyntaxException e) {
            errors.put(field, problem);
        }
    }

    static boolean isHostName(String value) {
        String host = value.startsWith(".") ? value.substring(1) : value;
        if (host.isEmpty() || host.length() > 253 || host.endsWith(".")) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKey(String value) {
        if (value.length() > MAX_TEXT) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean containsControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
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
