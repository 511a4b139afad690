package io.github.rejoinerbroadleaf.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import io.github.rejoinerbroadleaf.core.internal.Text;
import okhttp3.HttpUrl;

/**
 * Settings of {@link RejoinerApiClient}. Immutable. {@link #toString()} never shows the secret,
 * and no exception message of the builder contains it.
 */
public final class RejoinerApiConfig {

    private final ApiGeneration generation;
    private final String siteId;
    private final String apiKey;
    private final String apiSecret;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;

    private RejoinerApiConfig(Builder b) {
        this.generation = b.generation;
        this.siteId = b.siteId;
        this.apiKey = b.apiKey;
        this.apiSecret = b.apiSecret;
        this.baseUrl = b.baseUrl;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ApiGeneration generation() {
        return generation;
    }

    public String siteId() {
        return siteId;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The secret, for signing only (null for Rejoiner 2). Never log it. */
    public String apiSecret() {
        return apiSecret;
    }

    /** Scheme, host and optional path prefix, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Upper bound for a whole call, connect to last byte. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The path of a site-level resource: {@code /api/1.0/site/{id}/} or {@code /api/v1/{id}/}. */
    String sitePath() {
        return generation == ApiGeneration.REJOINER_1 ? "/api/1.0/site/" + siteId + "/" : "/api/v1/" + siteId + "/";
    }

    String operationPath(LeadOperation operation) {
        return sitePath() + (generation == ApiGeneration.REJOINER_1 ? operation.rejoiner1Path() : operation.rejoiner2Path());
    }

    @Override
    public String toString() {
        // For Rejoiner 2 the key alone authenticates: it is a credential like the secret.
        return "RejoinerApiConfig{generation=" + generation + ", siteId=" + siteId + ", apiKey="
                + (apiKey == null ? "(none)" : "(hidden)") + ", apiSecret=" + (apiSecret == null ? "(none)" : "(hidden)") + ", baseUrl=" + baseUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout + "}";
    }

    /** {@link #build()} throws IllegalArgumentException for missing or malformed settings. */
    public static final class Builder {
        private ApiGeneration generation = ApiGeneration.REJOINER_1;
        private String siteId;
        private String apiKey;
        private String apiSecret;
        private String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** REJOINER_1 (signed requests, the default) or REJOINER_2 (key only). */
        public Builder generation(ApiGeneration generation) {
            this.generation = generation;
            return this;
        }

        public Builder siteId(String siteId) {
            this.siteId = siteId;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Required for Rejoiner 1, ignored for Rejoiner 2. */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        /** Defaults to {@link ApiGeneration#defaultApiBaseUrl()}; tests point it at a local server. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public RejoinerApiConfig build() {
            if (generation == null) {
                throw new IllegalArgumentException("generation is required");
            }
            if (siteId == null || !isToken(siteId.trim(), false)) {
                throw new IllegalArgumentException("siteId is required and may contain only letters, digits, '-' and '_'");
            }
            siteId = siteId.trim();
            if (apiKey == null || !isToken(apiKey.trim(), true)) {
                throw new IllegalArgumentException("apiKey is required and must be printable ASCII without spaces or ':'");
            }
            apiKey = apiKey.trim();
            if (generation == ApiGeneration.REJOINER_1) {
                if (apiSecret == null || apiSecret.isEmpty()) {
                    throw new IllegalArgumentException("apiSecret is required for REJOINER_1");
                }
            } else {
                apiSecret = null;
            }
            baseUrl = normaliseBaseUrl(baseUrl == null ? generation.defaultApiBaseUrl() : baseUrl, apiSecret);
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("readTimeout", readTimeout);
            requirePositive("writeTimeout", writeTimeout);
            requirePositive("callTimeout", callTimeout);
            return new RejoinerApiConfig(this);
        }

        private static boolean isToken(String s, boolean anyPrintable) {
            if (s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok = anyPrintable
                        ? c > ' ' && c < 0x7f && c != ':'
                        : (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static String normaliseBaseUrl(String url, String secret) {
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + forMessage(url, secret));
            }
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getRawAuthority() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without query: "
                        + forMessage(url, secret));
            }
            String s = uri.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            if (HttpUrl.parse(s) == null) {
                throw new IllegalArgumentException("baseUrl is not usable by OkHttp: " + forMessage(url, secret));
            }
            return s;
        }

        /** The value for an error message, with the secret cut out in case it was pasted into the wrong field. */
        private static String forMessage(String value, String secret) {
            String v = secret == null || secret.isEmpty() ? value : value.replace(secret, "(hidden)");
            return Text.forLog(v);
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }
}
