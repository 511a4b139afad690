package io.github.rejoinerbroadleaf.settings;

import static io.github.rejoinerbroadleaf.settings.Setting.Kind.CHOICE;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.CHOICES;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.FLAG;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.LIST;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.NUMBER;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.SECRET;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.TEXT;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.URL;

/**
 * Every setting read per request, each declared once: name, type, default, secrecy, the admin's
 * check, label and help, and the admin table's column. The resolver, the admin screen, the property
 * and variable names and the README's table follow from these declarations; adding a setting means
 * adding a constant here and a getter to {@link RejoinerSettings} (and, when the admin stores it, a
 * field with the declared column to the admin's entity). Order is the admin screen's and the README's.
 * Keys are stable: they name admin fields, properties and variables alike.
 */
public enum SettingKey {
    API_GENERATION(Setting.of("apiGeneration", CHOICE).byDefault("REJOINER_1")
            .choices("REJOINER_1", "Rejoiner 1 (signed requests)", "REJOINER_2", "Rejoiner 2 (token)")
            .aliases("1", "REJOINER_1", "REJOINER1", "REJOINER_1", "2", "REJOINER_2", "REJOINER2", "REJOINER_2")
            .column("API_GENERATION", 20).required()
            .check(0, null, "Choose Rejoiner 1 (signed requests) or Rejoiner 2 (token).")
            .label("API generation", "`REJOINER_1` (signed, default) or `REJOINER_2` (token)")),
    SITE_ID(Setting.of("siteId", TEXT).column("SITE_ID", 100)
            .check(100, SettingRules.matches("[A-Za-z0-9_-]+"),
                    "The site id may contain only letters, digits, '-' and '_' (at most 100).")
            .label("Site id", "Rejoiner site id")),
    DOMAIN(Setting.of("domain", TEXT).column("DOMAIN_NAME", 255).placeholder(".example.com")
            .check(0, SettingRules.HOST_NAME,
                    "Enter a host name such as shop.example.com, optionally with a leading dot (.example.com).")
            .label("Domain", "domain passed to `setDomain`")),
    // The API key too is secret: for Rejoiner 2 it alone authenticates.
    API_KEY(Setting.of("apiKey", SECRET).column("API_KEY", 255).lastFourShown()
            .check(255, SettingRules.KEY, "The API key must be printable characters without spaces or ':' (at most 255).")
            .label("API key", "REST API key (for Rejoiner 2 the credential itself; never logged or shown)")),
    API_SECRET(Setting.of("apiSecret", SECRET).column("API_SECRET", 255)
            .check(255, SettingRules.NO_CONTROL_CHARACTERS, "The API secret must be at most 255 printable characters.")
            .label("API secret", "REST API secret (never logged or shown)")),
    JS_URL(Setting.of("jsUrl", URL).defaultText("the generation's").column("JS_URL", 500)
            .placeholder("default for the API generation")
            .check(500, SettingRules.absoluteHttpUrl(true), "The JavaScript library URL must be an absolute http:// or https:// URL.")
            .tooLong("The JavaScript library URL may be at most 500 characters.")
            .label("JS library URL", "JavaScript library URL")),
    API_URL(Setting.of("apiUrl", URL).defaultText("the generation's").column("API_URL", 500).withoutTrailingSlash()
            .placeholder("default for the API generation")
            .check(500, SettingRules.absoluteHttpUrl(false),
                    "The API base URL must be an absolute http:// or https:// URL without query or fragment.")
            .tooLong("The API base URL may be at most 500 characters.")
            .label("API base URL", "REST base URL")),
    TRACKING_ENABLED(Setting.of("trackingEnabled", FLAG).byDefault("true").column("TRACKING_ENABLED", 0)
            .label("JavaScript tracking", "JavaScript tracking on/off")),
    AUTOMATIC_PLACEMENT(Setting.of("automaticPlacement", FLAG).byDefault("true").column("AUTOMATIC_PLACEMENT", 0)
            .label("Place the script on every page", "script at the end of every full page's `<body>`; "
                    + "off: only pages with `${#rejoiner.trackingScript()}` carry it")),
    CONVERSIONS_ENABLED(Setting.of("conversionsEnabled", FLAG).byDefault("true").column("CONVERSIONS_ENABLED", 0)
            .label("REST conversions", "REST conversions on/off")),
    CAMPAIGN_TYPE(Setting.of("campaignType", CHOICES).column("CAMPAIGN_TYPE", 100).placeholder("abandonment, conversion")
            .choices("abandonment", "abandonment", "conversion", "conversion")
            .check(0, null, "campaign_type may be 'abandonment', 'conversion' or both, comma-separated.")
            .label("campaign_type", "`abandonment` and/or `conversion`, comma-separated")),
    CAMPAIGN_IDS(Setting.of("campaignIds", LIST).column("CAMPAIGN_IDS", 1000).placeholder("id1, id2")
            .check(1000, SettingRules.eachCommaSeparated("[A-Za-z0-9_-]{1,100}"),
                    "campaign_ids must be comma-separated ids of letters, digits, '-' and '_'.")
            .tooLong("campaign_ids may be at most 1000 characters.")
            .label("campaign_ids", "campaign ids to convert, comma-separated")),
    UNTRACKED_PAGE_PATTERNS(Setting.of("untrackedPagePatterns", LIST).byDefault("/account/**")
            .column("UNTRACKED_PAGE_PATTERNS", 2000).placeholder("/account/**").onePerLine()
            .check(2000, SettingRules.eachItem("/[A-Za-z0-9/_.*?{}~%:;@!$&'()+,=\\[\\]-]*"),
                    "Each untracked page pattern must be an Ant-style path starting with '/' (for example /account/**), "
                            + "one per line or comma-separated.")
            .tooLong("The untracked page patterns may be at most 2000 characters.")
            .label("Untracked page patterns", "pages sending `trackPageView false`")),
    CONSENT_COOKIE(Setting.of("consentCookie", TEXT).defaultText("no gate").column("CONSENT_COOKIE", 255)
            .check(100, SettingRules.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"),
                    "Enter a cookie name (letters, digits and !#$%&'*+.^_`|~- only).")
            .label("Consent cookie name", "render nothing until this cookie is set")),
    RESTORE_LINK_DAYS(Setting.of("restoreLinkDays", NUMBER).byDefault("30").bounds(1, 365)
            .column("RESTORE_LINK_DAYS", 0).placeholder("30")
            .check(0, null, "The restore-link lifetime must be a whole number of days from 1 to 365.")
            .label("Restore-link lifetime (days)", "cart restore link lifetime in days (1 .. 365)")),
    RESTORE_LINK_KEY(Setting.of("restoreLinkKey", SECRET).defaultText("derived")
            .label("Restore-link key", "key that signs cart restore links (never logged or shown); see "
                    + "[docs/cart-restore-links.md](docs/cart-restore-links.md)")),
    RESTORE_LINK_PREVIOUS_KEY(Setting.of("restoreLinkPreviousKey", SECRET)
            .label("Previous restore-link key", "the key before the last rotation, still accepted (never logged or shown)")),
    STORE_BASE_URL(Setting.of("storeBaseUrl", URL).defaultText("the request's").withoutTrailingSlash()
            .label("Store base URL", "public base URL of the store, for absolute links behind a proxy")),
    ITEM_IDENTITY(Setting.of("itemIdentity", CHOICE).byDefault("PRODUCT").column("ITEM_IDENTITY", 20)
            .choices("PRODUCT", "one per product (options summed up)", "SKU", "one per SKU (SKU id as product_id)")
            .check(0, null, "Choose one item per product or one item per SKU.")
            .label("Rejoiner item", "`PRODUCT` (one Rejoiner item per product) or `SKU` (one per SKU, SKU id as "
                    + "`product_id`); see [docs/tracking.md](docs/tracking.md)"));

    private final Setting declaration;

    SettingKey(Setting declaration) {
        this.declaration = declaration;
    }

    /** Everything declared about this setting. */
    public Setting declaration() {
        return declaration;
    }

    /** The JVM system property, e.g. {@code rejoiner.siteId}. */
    public String systemProperty() {
        return declaration.systemProperty();
    }

    /** The environment variable, e.g. {@code REJOINER_SITE_ID}. */
    public String environmentVariable() {
        return declaration.environmentVariable();
    }

    /** The camel-case name used in admin fields and property files, e.g. {@code siteId}. */
    public String camelName() {
        return declaration.name();
    }

    public boolean isSecret() {
        return declaration.isSecret();
    }
}
