package io.github.rejoinerbroadleaf.broadleaf.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall-clock time at start-up advanced by {@link System#nanoTime()}: a {@link Clock} that never
 * jumps when the system time is set, for measuring how old a cache entry is.
 */
final class MonotonicClock extends Clock {

    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();

    /** Read on every cache lookup: no allocation. */
    @Override
    public long millis() {
        return startMillis + (System.nanoTime() - startNanos) / 1_000_000L;
    }

    @Override
    public Instant instant() {
        long elapsed = System.nanoTime() - startNanos;
        return Instant.ofEpochMilli(startMillis).plusNanos(elapsed);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
