package io.github.rejoinerbroadleaf.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.core.ApiGeneration;

/**
 * Sandbox mode as a settings layer: the lowest layer of a store that mounts the sandbox. While no
 * layer above it sets real credentials, it supplies the sandbox's site id, key, secret, REST and
 * library URLs (on the store's own server), the domain and the store's base URL, so the store runs
 * end to end with no Rejoiner account.
 *
 * <p>It supplies <em>nothing</em> when
 * <ul>
 * <li>a layer above sets a site id, API key or API secret ("real keys switch it off": a store never
 * mixes real and demo credentials), or</li>
 * <li>the store's base URL is not known (yet): then nothing is tracked or sent, rather than sending
 * the demo keys to the real Rejoiner, or</li>
 * <li>a layer above cannot be read ({@link SettingsLayer#available()} is false, e.g. the admin's
 * table is unreachable): its real keys may be there, and shoppers' data must never go to the
 * sandbox instead of Rejoiner.</li>
 * </ul>
 * The API generation is read from the layers above and chooses the library
 * ({@code rejoiner.lib.js} or {@code rj2.lib.js}). Every value is looked up on each call, so
 * settings saved in the admin switch sandbox mode on or off without a restart.
 */
public final class SandboxSettingsLayer implements SettingsLayer {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSettingsLayer.class);

    private final SettingsResolver above;
    private final List<SettingsLayer> layersAbove;
    private final Supplier<String> storeBaseUrl;
    private final String siteId;
    private final String apiKey;
    private final String apiSecret;
    private final String sandboxPath;
    private final AtomicBoolean announced = new AtomicBoolean();

    /**
     * The demo keys and {@link RejoinerSandbox#DEFAULT_PATH}, with the store's base URL read from a
     * JVM system property (e.g. {@code sample.base.url = http://localhost:8080}) whenever needed.
     *
     * @param layersAbove the layers that take precedence (admin, system properties, environment)
     */
    public SandboxSettingsLayer(List<SettingsLayer> layersAbove, final String baseUrlSystemProperty) {
        this(layersAbove, systemProperty(baseUrlSystemProperty), RejoinerSandbox.DEMO_SITE_ID,
                RejoinerSandbox.DEMO_API_KEY, RejoinerSandbox.DEMO_API_SECRET, RejoinerSandbox.DEFAULT_PATH);
    }

    /**
     * @param layersAbove  the layers that take precedence
     * @param storeBaseUrl scheme, host and port of the server the sandbox is mounted on (context path of
     *                     the store allowed), or null/blank while unknown
     * @param sandboxPath  where the sandbox is mounted on that server, e.g. {@code /rejoiner-sandbox}
     */
    public SandboxSettingsLayer(List<SettingsLayer> layersAbove, Supplier<String> storeBaseUrl, String siteId,
                                String apiKey, String apiSecret, String sandboxPath) {
        if (layersAbove == null || storeBaseUrl == null || blank(siteId) || blank(apiKey) || blank(apiSecret)
                || blank(sandboxPath) || !sandboxPath.startsWith("/")) {
            throw new IllegalArgumentException("layersAbove, storeBaseUrl, credentials and a sandboxPath starting with '/' are required");
        }
        this.layersAbove = new ArrayList<SettingsLayer>(layersAbove);
        this.above = new SettingsResolver(this.layersAbove);
        this.storeBaseUrl = storeBaseUrl;
        this.siteId = siteId;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.sandboxPath = stripSlashes(sandboxPath);
    }

    private static Supplier<String> systemProperty(final String name) {
        if (blank(name)) {
            throw new IllegalArgumentException("baseUrlSystemProperty is required");
        }
        return new Supplier<String>() {
            @Override
            public String get() {
                return System.getProperty(name);
            }
        };
    }

    @Override
    public String get(SettingKey key) {
        if (!supplies(key)) {
            return null;
        }
        String base = baseUrl();
        if (base == null || hasRealCredentials()) {
            return null;
        }
        announce(base);
        switch (key) {
            case SITE_ID:
                return siteId;
            case API_KEY:
                return apiKey;
            case API_SECRET:
                return apiSecret;
            case API_URL:
                return base + sandboxPath;
            case JS_URL:
                return base + sandboxPath + (generationAbove() == ApiGeneration.REJOINER_2
                        ? "/js/v4/rj2.lib.js" : "/js/v4/rejoiner.lib.js");
            case DOMAIN:
                return host(base);
            case STORE_BASE_URL:
                return base;
            default:
                return null;
        }
    }

    /** True while this layer supplies the sandbox's settings. */
    public boolean isActive() {
        return baseUrl() != null && !hasRealCredentials();
    }

    @Override
    public String name() {
        return "sandbox";
    }

    private static boolean supplies(SettingKey key) {
        switch (key) {
            case SITE_ID:
            case API_KEY:
            case API_SECRET:
            case API_URL:
            case JS_URL:
            case DOMAIN:
            case STORE_BASE_URL:
                return true;
            default:
                return false;
        }
    }

    private boolean hasRealCredentials() {
        for (SettingsLayer layer : layersAbove) {
            if (!layer.available()) {
                return true;
            }
        }
        return above.raw(SettingKey.SITE_ID) != null || above.raw(SettingKey.API_KEY) != null
                || above.raw(SettingKey.API_SECRET) != null;
    }

    private ApiGeneration generationAbove() {
        return above.resolve().apiGeneration();
    }

    private String baseUrl() {
        String base = storeBaseUrl.get();
        if (blank(base)) {
            return null;
        }
        base = base.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.startsWith("http://") || base.startsWith("https://") ? base : null;
    }

    private static String host(String base) {
        String rest = base.substring(base.indexOf("://") + 3);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':' || c == '/') {
                end = i;
                break;
            }
        }
        return rest.substring(0, end);
    }

    private void announce(String base) {
        if (announced.compareAndSet(false, true)) {
            LOG.warn("No Rejoiner keys configured: running against the Rejoiner SANDBOX at {}{}/ with demo keys "
                    + "(set REJOINER_SITE_ID etc. to switch it off)", base, sandboxPath);
        }
    }

    private static String stripSlashes(String path) {
        String p = path.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    @Override
    public String toString() {
        return "SandboxSettingsLayer{siteId=" + siteId + ", apiKey=(hidden), apiSecret=(hidden), path="
                + sandboxPath + "}";
    }
}
