package io.github.rejoinerbroadleaf.boot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import io.github.rejoinerbroadleaf.core.ApiGeneration;

/**
 * The {@code rejoiner.*} settings of a Spring Boot application. Relaxed binding applies, so
 * {@code rejoiner.site-id}, {@code rejoiner.siteId} and the environment variable
 * {@code REJOINER_SITE_ID} all set {@link #getSiteId() siteId}.
 *
 * <p>Checked as soon as they are bound: the problems found are reported together, each by property
 * name, in an {@link InvalidRejoinerPropertiesException}. {@link #toString()} never shows the API key or secret.
 *
 * <p>Longer than 300 lines because Boot binds JavaBean properties: a getter and a setter per setting
 * (IDE metadata comes from them); names and defaults are held to the declarations by a test.
 */
@ConfigurationProperties(prefix = "rejoiner")
public class RejoinerProperties implements InitializingBean {

    /** Whether the Rejoiner auto-configuration is applied at all. */
    private boolean enabled = true;

    /** Site ID from Rejoiner's Implementation tab (required). */
    private String siteId;

    /** Domain passed to setDomain, e.g. ".example.com" (from the Implementation tab; optional). */
    private String domain;

    /** REST API key (required while conversions are enabled; secret for Rejoiner 2). */
    private String apiKey;

    /** REST API secret, used to sign Rejoiner 1 requests (required for REJOINER_1 while conversions are enabled). Never logged. */
    private String apiSecret;

    /** REJOINER_1 (signed requests) or REJOINER_2 (token); chooses the library and REST defaults. */
    private ApiGeneration apiGeneration = ApiGeneration.REJOINER_1;

    /** REST base URL; defaults to the generation's (https://app.rejoiner.com or https://rj2.rejoiner.com). */
    private String apiUrl;

    /** JavaScript library URL; defaults to the generation's library on cdn.rejoiner.com. */
    private String jsUrl;

    /** Whether RejoinerTracking renders the tracking script (off: it renders nothing). */
    private boolean trackingEnabled = true;

    /** Whether conversions are queued and sent through the REST API. */
    private boolean conversionsEnabled = true;

    private final Http http = new Http();

    private final Delivery delivery = new Delivery();

    @Override
    public void afterPropertiesSet() {
        LibraryVersions.requireCompatible();
        RejoinerPropertiesCheck.requireValid(this);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public ApiGeneration getApiGeneration() {
        return apiGeneration;
    }

    public void setApiGeneration(ApiGeneration apiGeneration) {
        this.apiGeneration = apiGeneration;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getJsUrl() {
        return jsUrl;
    }

    public void setJsUrl(String jsUrl) {
        this.jsUrl = jsUrl;
    }

    public boolean isTrackingEnabled() {
        return trackingEnabled;
    }

    public void setTrackingEnabled(boolean trackingEnabled) {
        this.trackingEnabled = trackingEnabled;
    }

    public boolean isConversionsEnabled() {
        return conversionsEnabled;
    }

    public void setConversionsEnabled(boolean conversionsEnabled) {
        this.conversionsEnabled = conversionsEnabled;
    }

    public Http getHttp() {
        return http;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /** The site id as the queue and the health details know it (trimmed). */
    String siteKey() {
        return siteId == null ? null : siteId.trim();
    }

    @Override
    public String toString() {
        return "RejoinerProperties{siteId=" + siteId + ", domain=" + domain + ", apiGeneration=" + apiGeneration
                + ", apiKey=" + hidden(apiKey) + ", apiSecret=" + hidden(apiSecret) + ", apiUrl=" + apiUrl
                + ", jsUrl=" + jsUrl + ", trackingEnabled=" + trackingEnabled + ", conversionsEnabled="
                + conversionsEnabled + ", http=" + http + ", delivery=" + delivery + "}";
    }

    private static String hidden(String value) {
        return value == null || value.isEmpty() ? "(not set)" : "(hidden)";
    }

    /** Timeouts of the REST client (read at start-up). */
    public static class Http {

        /** Connect timeout of REST calls. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** Read (and write) timeout of REST calls. */
        private Duration readTimeout = Duration.ofSeconds(10);

        /** Upper bound of a whole REST call, connect to last byte. */
        private Duration callTimeout = Duration.ofSeconds(30);

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public Duration getCallTimeout() {
            return callTimeout;
        }

        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        @Override
        public String toString() {
            return "{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + "}";
        }
    }

    /** The durable conversion queue and its worker (read at start-up). */
    public static class Delivery {

        /** Whether the conversion queue, its worker and RejoinerConversions are set up (needs a DataSource). */
        private boolean enabled = true;

        /** Create the queue tables when they are missing; when false, start-up only checks that they exist. */
        private boolean initializeSchema = true;

        /** Bean name of the DataSource that holds the queue; needed only when the application has several without a primary one. */
        private String dataSource;

        /** Sender threads of this node's worker (1..64). */
        private int threads = 2;

        /** Rows a node claims and holds at most (1..1000). */
        private int batchSize = 50;

        /** How long the worker sleeps when it found less than it could take. */
        private Duration pollInterval = Duration.ofSeconds(5);

        /** How long a conversion is retried before it is marked FAILED. */
        @DurationUnit(ChronoUnit.HOURS)
        private Duration maxAge = Duration.ofHours(72);

        /** Days SENT and DISCARDED rows are kept before they are purged. */
        private int retentionDays = 30;

        /** How long stopping the context waits for sends in flight. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public int getRetentionDays() {
            return retentionDays;
        }

        public void setRetentionDays(int retentionDays) {
            this.retentionDays = retentionDays;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        @Override
        public String toString() {
            return "{enabled=" + enabled + ", initializeSchema=" + initializeSchema + ", dataSource=" + dataSource
                    + ", threads=" + threads + ", batchSize=" + batchSize + ", pollInterval=" + pollInterval
                    + ", maxAge=" + maxAge + ", retentionDays=" + retentionDays + ", shutdownTimeout="
                    + shutdownTimeout + "}";
        }
    }
}
