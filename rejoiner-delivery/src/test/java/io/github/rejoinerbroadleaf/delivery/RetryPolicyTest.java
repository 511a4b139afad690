package io.github.rejoinerbroadleaf.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static RetryPolicy pinned(double jitter) {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), new Random() {
            @Override
            public double nextDouble() {
                return jitter;
            }
        });
    }

    @Test
    void lowestDelaysDoubleFromHalfTheInitialBackoff() {
        RetryPolicy p = pinned(0.0);
        List<Long> seconds = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            seconds.add(p.delay(attempt, null).getSeconds());
        }
        assertEquals(List.of(15L, 30L, 60L, 120L), seconds);
    }

    @Test
    void highestDelayIsTheFullExponentialCeiling() {
        assertEquals(Duration.ofSeconds(120), pinned(0.999999).delay(3, null));
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        assertEquals(Duration.ofMinutes(30), pinned(0.0).delay(50, null));
    }

    @Test
    void jitteredDelaysStayWithinHalfAndAllOfTheCeiling() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), new Random(42));
        for (int i = 0; i < 1000; i++) {
            long ms = p.delay(2, null).toMillis();
            assertTrue(ms >= 30_000 && ms <= 60_000, ms + " ms");
        }
    }

    @Test
    void longerRetryAfterIsHonouredAsGiven() {
        assertEquals(Duration.ofMinutes(10), pinned(1.0).delay(1, Duration.ofMinutes(10)));
    }

    @Test
    void shorterRetryAfterIsHonouredRatherThanTheBackoff() {
        assertEquals(Duration.ofSeconds(5), pinned(0.0).delay(3, Duration.ofSeconds(5)));
    }

    @Test
    void retryAfterIsCappedAtTheMaximumBackoff() {
        assertEquals(Duration.ofHours(1), pinned(0.0).delay(1, Duration.ofDays(30)));
    }

    @Test
    void retryAfterZeroWaitsOneSecond() {
        assertEquals(Duration.ofSeconds(1), pinned(0.0).delay(1, Duration.ZERO));
    }

    @Test
    void initialLongerThanMaxIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), new Random()));
    }
}
