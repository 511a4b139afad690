package io.github.rejoinerbroadleaf.settings;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.CampaignType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Resolves {@link RejoinerSettings} from layers in priority order (first non-blank value wins)
 * and parses each value. A value that cannot be parsed falls back to its default and is reported
 * in {@link RejoinerSettings#warnings()}, so a typo never stops the store.
 */
public final class SettingsResolver {

    /** Default for {@link SettingKey#UNTRACKED_PAGE_PATTERNS}: account pages. */
    public static final String DEFAULT_UNTRACKED_PAGES = "/account/**";

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
        ApiGeneration generation = generation(raw(SettingKey.API_GENERATION), warnings);
        return new RejoinerSettings(
                generation,
                raw(SettingKey.SITE_ID),
                raw(SettingKey.DOMAIN),
                raw(SettingKey.API_KEY),
                raw(SettingKey.API_SECRET),
                withoutTrailingSlash(raw(SettingKey.API_URL)),
                raw(SettingKey.JS_URL),
                bool(SettingKey.TRACKING_ENABLED, true, warnings),
                bool(SettingKey.AUTOMATIC_PLACEMENT, true, warnings),
                bool(SettingKey.CONVERSIONS_ENABLED, true, warnings),
                campaignTypes(raw(SettingKey.CAMPAIGN_TYPE), warnings),
                list(raw(SettingKey.CAMPAIGN_IDS)),
                list(orDefault(raw(SettingKey.UNTRACKED_PAGE_PATTERNS), DEFAULT_UNTRACKED_PAGES)),
                raw(SettingKey.CONSENT_COOKIE),
                positiveInt(SettingKey.RESTORE_LINK_DAYS, RejoinerSettings.DEFAULT_RESTORE_LINK_DAYS, warnings),
                raw(SettingKey.RESTORE_LINK_KEY),
                raw(SettingKey.RESTORE_LINK_PREVIOUS_KEY),
                withoutTrailingSlash(raw(SettingKey.STORE_BASE_URL)),
                itemIdentity(raw(SettingKey.ITEM_IDENTITY), warnings),
                warnings);
    }

    private static ItemIdentity itemIdentity(String value, List<String> warnings) {
        if (value == null) {
            return ItemIdentity.PRODUCT;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT);
        if (normalised.equals("SKU")) {
            return ItemIdentity.SKU;
        }
        if (!normalised.equals("PRODUCT")) {
            warnings.add("itemIdentity '" + value + "' is neither PRODUCT nor SKU; using PRODUCT");
        }
        return ItemIdentity.PRODUCT;
    }

    private static ApiGeneration generation(String value, List<String> warnings) {
        if (value == null) {
            return ApiGeneration.REJOINER_1;
        }
        String normalised = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalised.equals("1") || normalised.equals("REJOINER1") || normalised.equals("REJOINER_1")) {
            return ApiGeneration.REJOINER_1;
        }
        if (normalised.equals("2") || normalised.equals("REJOINER2") || normalised.equals("REJOINER_2")) {
            return ApiGeneration.REJOINER_2;
        }
        warnings.add("apiGeneration '" + value + "' is neither REJOINER_1 nor REJOINER_2; using REJOINER_1");
        return ApiGeneration.REJOINER_1;
    }

    private boolean bool(SettingKey key, boolean defaultValue, List<String> warnings) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equals("1") || value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no") || value.equals("0") || value.equalsIgnoreCase("off")) {
            return false;
        }
        warnings.add(key.camelName() + " '" + value + "' is not true or false; using " + defaultValue);
        return defaultValue;
    }

    private int positiveInt(SettingKey key, int defaultValue, List<String> warnings) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        warnings.add(key.camelName() + " '" + value + "' is not a positive whole number; using " + defaultValue);
        return defaultValue;
    }

    private static List<CampaignType> campaignTypes(String value, List<String> warnings) {
        List<CampaignType> types = new ArrayList<CampaignType>();
        for (String item : list(value)) {
            CampaignType match = null;
            for (CampaignType type : CampaignType.values()) {
                if (type.wireName().equalsIgnoreCase(item)) {
                    match = type;
                }
            }
            if (match == null) {
                warnings.add("campaignType '" + item + "' is neither abandonment nor conversion; ignored");
            } else if (!types.contains(match)) {
                types.add(match);
            }
        }
        return types;
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

    private static String orDefault(String value, String defaultValue) {
        return value == null ? defaultValue : value;
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
