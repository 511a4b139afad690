package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up properties become settings that keep the delivery guarantees, whatever their values. */
class DeliverySettingsFactoryTest {

    private static DeliverySettings create(long leaseSeconds, long callTimeoutMillis) {
        return DeliverySettingsFactory.create(2, 50, 5000, 72, 30, leaseSeconds, 30, 300, "node-1", callTimeoutMillis);
    }

    @Test
    void callDeadlineWithinHalfTheLeaseIsKept() {
        assertEquals(Duration.ofSeconds(30), create(120, 30_000).sendTimeout());
    }

    @Test
    void callDeadlineLongerThanHalfTheLeaseIsCutToHalfTheLease() {
        // The reported case: 400 s timeouts with a 5-minute lease sent one order twice at once.
        assertEquals(Duration.ofSeconds(150), create(300, 400_000).sendTimeout());
    }

    @Test
    void unlimitedCallDeadlineIsCutToHalfTheLease() {
        assertEquals(Duration.ofSeconds(60), create(120, 0).sendTimeout());
    }

    @Test
    void theHttpClientUsesTheCutDeadlineAndNoLongerReadOrConnectTimeouts() {
        DeliverySettings settings = create(60, 400_000);

        SettingsLeadSenderProvider provider = new SettingsLeadSenderProvider((RejoinerSettingsService) null, settings,
                5_000, 400_000);
        try {
            assertEquals(List.of(Duration.ofSeconds(30), 30_000L, 5_000L),
                    List.of(provider.callTimeout(), DeliverySettingsFactory.withinDeadline(400_000, settings),
                            DeliverySettingsFactory.withinDeadline(5_000, settings)));
        } finally {
            provider.close();
        }
    }

    @Test
    void leaseIsKeptWithinItsBounds() {
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofHours(1)),
                List.of(create(1, 5_000).leaseDuration(), create(86_400, 5_000).leaseDuration()));
    }

    @Test
    void initialBackoffAndProbeIntervalAreKeptWithinTheirBounds() {
        DeliverySettings s = DeliverySettingsFactory.create(2, 50, 5000, 72, 30, 120, 0, 1, "n", 30_000);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(10)), List.of(s.initialBackoff(), s.probeInterval()));
    }

    @Test
    void configuredNodeIdIsUsed() {
        assertEquals("shop-1", DeliverySettingsFactory.create(2, 50, 5000, 72, 30, 120, 30, 300, " shop-1 ", 30_000)
                .nodeId());
    }

    @Test
    void defaultNodeIdIsStableForAHostAndPort() {
        Properties props = new Properties();
        props.setProperty("server.port", "8081");

        String first = DeliverySettingsFactory.defaultNodeId(props, Map.of());
        assertEquals(first, DeliverySettingsFactory.defaultNodeId(props, Map.of()));
        assertTrue(first.endsWith(":8081"), first);
    }

    @Test
    void defaultNodeIdFallsBackToThePortVariable() {
        assertTrue(DeliverySettingsFactory.defaultNodeId(new Properties(), Map.of("PORT", "9090")).endsWith(":9090"));
    }

    @Test
    void withoutAPortTheDefaultNodeIdIsUniquePerProcess() {
        assertNotEquals(DeliverySettingsFactory.defaultNodeId(new Properties(), Map.of()),
                DeliverySettingsFactory.defaultNodeId(new Properties(), Map.of()));
    }
}
