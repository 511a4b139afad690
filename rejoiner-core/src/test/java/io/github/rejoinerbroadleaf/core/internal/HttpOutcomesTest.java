package io.github.rejoinerbroadleaf.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;

class HttpOutcomesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-09-17T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, DELIVERED", "201, DELIVERED", "204, DELIVERED",
        "400, REJECTED",
        "401, CREDENTIALS", "403, CREDENTIALS",
        "404, CONFIGURATION", "405, CONFIGURATION", "410, CONFIGURATION", "422, CONFIGURATION",
        "301, CONFIGURATION", "302, CONFIGURATION",
        "408, TRANSIENT", "429, TRANSIENT", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT"
    })
    void classifiesStatus(int status, Kind kind) {
        assertEquals(kind, HttpOutcomes.classify(status, "", "", null, NOW).kind());
    }

    @Test
    void rejectedKeepsBody() {
        assertEquals("{\"error\":\"email\"}", HttpOutcomes.classify(400, "Bad Request", "{\"error\":\"email\"}", null, NOW).detail());
    }

    @Test
    void deltaSeconds() {
        assertEquals(Duration.ofSeconds(120), HttpOutcomes.parseRetryAfter("120", NOW));
    }

    @Test
    void httpDate() {
        assertEquals(Duration.ofSeconds(90), HttpOutcomes.parseRetryAfter("Tue, 17 Sep 2024 10:01:30 GMT", NOW));
    }

    @Test
    void pastHttpDateIsZero() {
        assertEquals(Duration.ZERO, HttpOutcomes.parseRetryAfter("Tue, 17 Sep 2024 09:00:00 GMT", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999"})
    void unparsableIsNull(String value) {
        assertNull(HttpOutcomes.parseRetryAfter(value, NOW));
    }

    @Test
    void retryAfterOnlyForTransient() {
        assertNull(HttpOutcomes.classify(403, "", "", "60", NOW).retryAfter());
    }

    @Test
    void retryAfterOn503() {
        assertEquals(Duration.ofSeconds(60), HttpOutcomes.classify(503, "", "", "60", NOW).retryAfter());
    }
}
