package io.github.rejoinerbroadleaf.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StartupSettingsTest {

    private static StartupSettings settings(Map<String, String> properties, Map<String, String> environment) {
        return new StartupSettings(properties::get, environment::get);
    }

    @Test
    void unsetValuesAreTheDeclaredDefaults() {
        StartupSettings s = settings(Map.of(), Map.of());
        assertEquals(2, s.intNumber(StartupSetting.DELIVERY_THREADS));
        assertEquals(60_000, s.number("tracking.cacheMillis"));
        assertNull(s.text(StartupSetting.DELIVERY_NODE_ID));
    }

    @Test
    void thePropertyWinsOverTheVariable() {
        StartupSettings s = settings(Map.of("rejoiner.delivery.threads", " 4 "),
                Map.of("REJOINER_DELIVERY_THREADS", "8", "REJOINER_DELIVERY_BATCH_SIZE", "20"));
        assertEquals(4, s.number(StartupSetting.DELIVERY_THREADS));
        assertEquals(20, s.number(StartupSetting.DELIVERY_BATCH_SIZE));
    }

    @Test
    void outOfBoundsValuesAreClampedAndNonNumbersFallBackToTheDefault() {
        StartupSettings s = settings(Map.of("rejoiner.delivery.threads", "500", "rejoiner.delivery.leaseSeconds", "5",
                "rejoiner.http.readTimeoutMillis", "ten seconds"), Map.of());
        assertEquals(64, s.number(StartupSetting.DELIVERY_THREADS));
        assertEquals(30, s.number(StartupSetting.DELIVERY_LEASE_SECONDS));
        assertEquals(10_000, s.number(StartupSetting.HTTP_READ_TIMEOUT_MILLIS));
    }

    @Test
    void anUndeclaredNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of(), Map.of()).number("delivery.thread"));
    }
}
