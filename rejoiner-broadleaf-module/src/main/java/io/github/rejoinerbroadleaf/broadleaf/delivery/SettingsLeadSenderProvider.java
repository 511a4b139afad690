package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.LeadSenderProvider;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.LeadSender;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives the delivery worker a Rejoiner client built from the settings in force, so keys saved in
 * the admin are used from the next delivery on. One OkHttp connection pool serves every client;
 * a client is rebuilt only when the settings it was built from change.
 *
 * <p>The Broadleaf community edition has one site, so every site key maps to the one settings set.
 */
public class SettingsLeadSenderProvider implements LeadSenderProvider, Closeable {

    private final RejoinerSettingsService settingsService;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final OkHttpClient sharedHttp;
    private volatile Built current;

    /** The deadline of one call, for tests and the start-up log. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The call deadline is the delivery's send timeout (at most half the lease, see
     * {@link DeliverySettingsFactory}); connect and read timeouts are cut to it.
     */
    public SettingsLeadSenderProvider(RejoinerSettingsService settingsService, DeliverySettings delivery,
                                      long connectTimeoutMillis, long readTimeoutMillis) {
        this(settingsService, DeliverySettingsFactory.withinDeadline(connectTimeoutMillis, delivery),
                DeliverySettingsFactory.withinDeadline(readTimeoutMillis, delivery), delivery.sendTimeout().toMillis());
    }

    public SettingsLeadSenderProvider(RejoinerSettingsService settingsService, long connectTimeoutMillis,
                                      long readTimeoutMillis, long callTimeoutMillis) {
        if (callTimeoutMillis <= 0) {
            throw new IllegalArgumentException("callTimeoutMillis must be positive: an unlimited call could outlive"
                    + " its delivery lease");
        }
        this.settingsService = settingsService;
        this.connectTimeout = Duration.ofMillis(connectTimeoutMillis);
        this.readTimeout = Duration.ofMillis(readTimeoutMillis);
        this.callTimeout = Duration.ofMillis(callTimeoutMillis);
        this.sharedHttp = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .build();
    }

    @Override
    public LeadSender forSite(String site) {
        RejoinerSettings settings = settingsService.current();
        if (!settings.isConversionsActive()) {
            return null;
        }
        RejoinerApiConfig config = RejoinerApiConfig.builder()
                .generation(settings.apiGeneration())
                .siteId(settings.siteId())
                .apiKey(settings.apiKey())
                .apiSecret(settings.apiSecret())
                .baseUrl(settings.apiUrl())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                .build();
        Built built = current;
        if (built == null || !built.matches(settings)) {
            built = new Built(settings, new RejoinerApiClient(config, sharedHttp));
            current = built;
        }
        return built.client;
    }

    @Override
    public void close() {
        sharedHttp.dispatcher().executorService().shutdown();
        sharedHttp.connectionPool().evictAll();
    }

    /** A client and the settings values it was built from. */
    private static final class Built {
        final String generation;
        final String siteId;
        final String apiKey;
        final String apiSecret;
        final String apiUrl;
        final RejoinerApiClient client;

        Built(RejoinerSettings settings, RejoinerApiClient client) {
            this.generation = settings.apiGeneration().name();
            this.siteId = settings.siteId();
            this.apiKey = settings.apiKey();
            this.apiSecret = settings.apiSecret();
            this.apiUrl = settings.apiUrl();
            this.client = client;
        }

        boolean matches(RejoinerSettings settings) {
            return generation.equals(settings.apiGeneration().name()) && eq(siteId, settings.siteId())
                    && eq(apiKey, settings.apiKey()) && eq(apiSecret, settings.apiSecret())
                    && eq(apiUrl, settings.apiUrl());
        }

        private static boolean eq(String a, String b) {
            return a == null ? b == null : a.equals(b);
        }
    }
}
