package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliverySettings;

import java.time.Duration;

/** Builds {@link DeliverySettings} from the start-up properties the module's XML passes in. */
public final class DeliverySettingsFactory {

    private DeliverySettingsFactory() {
    }

    public static DeliverySettings create(int workerThreads, int batchSize, long pollIntervalMillis,
                                          long maxAgeHours, int retentionDays) {
        return DeliverySettings.builder()
                .workerThreads(workerThreads)
                .batchSize(batchSize)
                .pollInterval(Duration.ofMillis(pollIntervalMillis))
                .maxAge(Duration.ofHours(maxAgeHours))
                .retentionDays(retentionDays)
                .build();
    }
}
