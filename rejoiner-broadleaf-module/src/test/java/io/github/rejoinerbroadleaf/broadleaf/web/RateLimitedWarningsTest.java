package io.github.rejoinerbroadleaf.broadleaf.web;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A repeating failure is logged at WARN once a minute per kind, with its cause and a count. */
class RateLimitedWarningsTest {

    private final MovableClock clock = new MovableClock();
    private final Logger log = mock(Logger.class);
    private final RateLimitedWarnings warnings = new RateLimitedWarnings(log, clock, 60_000);
    private final IllegalStateException cause = new IllegalStateException("table missing");

    @Test
    void theFirstFailureOfAKindIsAWarningWithItsCause() {
        assertTrue(warnings.warn("read", "settings not read", cause));

        verify(log).warn(eq("{}: {}"), eq("settings not read"), eq(cause.toString()), eq(cause));
    }

    @Test
    void repeatsWithinTheMinuteAreNotWarnings() {
        warnings.warn("read", "settings not read", cause);
        clock.advance(Duration.ofSeconds(59));

        assertFalse(warnings.warn("read", "settings not read", cause));
        assertFalse(warnings.warn("read", "settings not read", cause));
        verify(log, times(1)).warn(anyString(), any(), any(), any());
    }

    @Test
    void aMinuteLaterTheFailureIsLoggedAgainWithHowOftenItHappened() {
        warnings.warn("read", "settings not read", cause);
        warnings.warn("read", "settings not read", cause);
        warnings.warn("read", "settings not read", cause);
        clock.advance(Duration.ofSeconds(60));

        assertTrue(warnings.warn("read", "settings not read", cause));
        // the two suppressed ones and this one
        verify(log).warn(contains("times in the last"), eq("settings not read"), eq(3L), eq(60L), eq(60L), eq(cause.toString()), eq(cause));
    }

    @Test
    void kindsAreLimitedSeparately() {
        warnings.warn("read", "settings not read", cause);

        assertTrue(warnings.warn("timeout", "settings not read in time", cause));
        assertTrue(warnings.warn("read", "settings not read", new IllegalArgumentException("other class")));
    }
}
