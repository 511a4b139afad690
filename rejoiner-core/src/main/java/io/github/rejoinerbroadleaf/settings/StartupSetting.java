package io.github.rejoinerbroadleaf.settings;

import static io.github.rejoinerbroadleaf.settings.Setting.Kind.NUMBER;
import static io.github.rejoinerbroadleaf.settings.Setting.Kind.TEXT;

/**
 * Tuning read once at start-up (not editable in the admin; a change needs a restart), declared like
 * {@link SettingKey}: property {@code rejoiner.<name>}, variable {@code REJOINER_<NAME>}, default and
 * bounds. {@link StartupSettings} reads them; a value out of bounds is clamped with a warning.
 */
public enum StartupSetting {
    SETTINGS_READ_TIMEOUT_MILLIS(number("settings.readTimeoutMillis", "1000", 1, 60_000,
            "longest wait of a storefront request for the admin's settings row (ms)")),
    DELIVERY_THREADS(number("delivery.threads", "2", 1, 64, "sender threads of this node")),
    DELIVERY_BATCH_SIZE(number("delivery.batchSize", "50", 1, 1000,
            "rows per claim of an admin \"run once\"; also caps the sends in flight")),
    DELIVERY_POLL_INTERVAL_MILLIS(number("delivery.pollIntervalMillis", "5000", 1, Long.MAX_VALUE,
            "other nodes' pick-up time (ms); the checkout's own node is woken")),
    DELIVERY_MAX_AGE_HOURS(number("delivery.maxAgeHours", "72", 1, Long.MAX_VALUE,
            "how long a conversion is retried before it is FAILED (hours)")),
    DELIVERY_RETENTION_DAYS(number("delivery.retentionDays", "30", 1, Integer.MAX_VALUE,
            "days SENT and DISCARDED rows are kept")),
    DELIVERY_LEASE_SECONDS(number("delivery.leaseSeconds", "120", 30, 3600,
            "how long a claimed row is a node's before another may take it (s)")),
    DELIVERY_INITIAL_BACKOFF_SECONDS(number("delivery.initialBackoffSeconds", "30", 1, 3600,
            "first retry delay (s); doubles per attempt up to 1 h")),
    DELIVERY_PROBE_INTERVAL_SECONDS(number("delivery.probeIntervalSeconds", "300", 10, 3600,
            "how often a paused site is probed (s)")),
    DELIVERY_NODE_ID(Setting.of("delivery.nodeId", TEXT).defaultText("host:port")
            .label("delivery.nodeId", "this node's name in the queue (at most 100 characters, unique per running node)")),
    HTTP_CONNECT_TIMEOUT_MILLIS(number("http.connectTimeoutMillis", "5000", 0, Integer.MAX_VALUE,
            "REST connect timeout (ms), at most the call deadline")),
    HTTP_READ_TIMEOUT_MILLIS(number("http.readTimeoutMillis", "10000", 0, Integer.MAX_VALUE,
            "REST read and write timeout (ms), at most the call deadline")),
    HTTP_CALL_TIMEOUT_MILLIS(number("http.callTimeoutMillis", "30000", 0, Integer.MAX_VALUE,
            "deadline of a whole REST call (ms): 1 s .. lease / 2 (0 = unlimited is cut to lease / 2)")),
    TRACKING_PRODUCT_CACHE_MILLIS(number("tracking.productCacheMillis", "60000", 0, Long.MAX_VALUE,
            "how long a product's catalog facts (never prices) are reused (ms)")),
    TRACKING_CACHE_MILLIS(number("tracking.cacheMillis", "60000", 0, Long.MAX_VALUE,
            "how long the calls of an unchanged cart or product are reused (ms); `0` rebuilds them on every page")),
    TRACKING_CART_CACHE_ENTRIES(number("tracking.cartCacheEntries", "2000", 1, Integer.MAX_VALUE,
            "carts whose calls are kept (products: ten times as many)"));

    private final Setting declaration;

    StartupSetting(Setting declaration) {
        this.declaration = declaration;
    }

    private static Setting number(String name, String defaultValue, long min, long max, String help) {
        return Setting.of(name, NUMBER).byDefault(defaultValue).bounds(min, max).label(name, help);
    }

    public Setting declaration() {
        return declaration;
    }

    /** The declaration named e.g. {@code delivery.threads}. */
    public static StartupSetting named(String name) {
        for (StartupSetting s : values()) {
            if (s.declaration.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("No start-up setting rejoiner." + name);
    }
}
