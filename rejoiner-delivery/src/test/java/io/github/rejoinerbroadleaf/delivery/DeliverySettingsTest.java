package io.github.rejoinerbroadleaf.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliverySettingsTest {

    @Test
    void defaultsMatchTheDocumentation() {
        DeliverySettings s = DeliverySettings.defaults();
        assertEquals(List.of(2, Duration.ofSeconds(5), 50, 16, Duration.ofMinutes(2), Duration.ofSeconds(30),
                        Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3), Duration.ofMinutes(5), 30),
                List.of(s.workerThreads(), s.pollInterval(), s.batchSize(), s.maxInFlight(), s.leaseDuration(),
                        s.sendTimeout(), s.initialBackoff(), s.maxBackoff(), s.maxAge(), s.probeInterval(),
                        s.retentionDays()));
    }

    @Test
    void maxInFlightIsNeverBelowTheThreadCount() {
        assertEquals(3, DeliverySettings.builder().workerThreads(3).batchSize(1).build().maxInFlight());
    }

    @Test
    void maxInFlightBelowTheThreadCountIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DeliverySettings.builder().workerThreads(4).maxInFlight(2).build());
    }

    @Test
    void defaultNodeIdsDifferBetweenInstances() {
        assertNotEquals(DeliverySettings.defaults().nodeId(), DeliverySettings.defaults().nodeId());
    }

    @Test
    void defaultNodeIdFitsTheColumn() {
        assertTrue(DeliverySettings.defaults().nodeId().length() <= 100);
    }

    @Test
    void leaseShorterThanTwoSendsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeliverySettings.builder()
                .sendTimeout(Duration.ofSeconds(60)).leaseDuration(Duration.ofSeconds(90)).build());
    }

    @Test
    void zeroThreadsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeliverySettings.builder().workerThreads(0).build());
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DeliverySettings.builder().pollInterval(Duration.ofSeconds(-1)).build());
    }
}
