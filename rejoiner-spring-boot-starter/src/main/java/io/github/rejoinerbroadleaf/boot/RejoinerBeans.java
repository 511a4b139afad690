package io.github.rejoinerbroadleaf.boot;

import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;
import io.github.rejoinerbroadleaf.core.TrackingScript;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;

/** The core objects built from {@link RejoinerProperties}; shared by the auto-configuration and the start-up check. */
final class RejoinerBeans {

    private RejoinerBeans() {
    }

    static TrackingScript trackingScript(RejoinerProperties p) {
        return TrackingScript.builder()
                .siteId(p.getSiteId())
                .domain(p.getDomain())
                .apiGeneration(p.getApiGeneration())
                .libraryUrl(orNull(p.getJsUrl()))
                .build();
    }

    static RejoinerApiConfig apiConfig(RejoinerProperties p) {
        RejoinerProperties.Http http = p.getHttp();
        return RejoinerApiConfig.builder()
                .generation(p.getApiGeneration())
                .siteId(p.getSiteId())
                .apiKey(p.getApiKey())
                .apiSecret(p.getApiSecret())
                .baseUrl(orNull(p.getApiUrl()))
                .connectTimeout(http.getConnectTimeout())
                .readTimeout(http.getReadTimeout())
                .writeTimeout(http.getReadTimeout())
                .callTimeout(http.getCallTimeout())
                .build();
    }

    static DeliverySettings deliverySettings(RejoinerProperties p) {
        RejoinerProperties.Delivery d = p.getDelivery();
        return DeliverySettings.builder()
                .workerThreads(d.getThreads())
                .batchSize(d.getBatchSize())
                .pollInterval(d.getPollInterval())
                .maxAge(d.getMaxAge())
                .retentionDays(d.getRetentionDays())
                .shutdownTimeout(d.getShutdownTimeout())
                .build();
    }

    private static String orNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }
}
