package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.web.RateLimitedWarnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracking must never break a page: every hook catches what goes wrong and reports it here. Each
 * kind of failure (place + exception class) is logged at WARN with its cause at most once a minute,
 * with the number of failures since its last line ({@link RateLimitedWarnings}): a lasting problem
 * stays visible without flooding the log.
 */
public final class TrackingFailures {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.rejoinerbroadleaf.tracking");
    private static final RateLimitedWarnings WARNINGS =
            new RateLimitedWarnings(LOG, Clock.systemUTC(), RateLimitedWarnings.DEFAULT_INTERVAL_MILLIS);
    private static final AtomicLong COUNT = new AtomicLong();

    private TrackingFailures() {
    }

    public static void report(String where, Throwable e) {
        COUNT.incrementAndGet();
        WARNINGS.warn(where, "Rejoiner tracking failed in " + where + "; this response carries no Rejoiner calls from it", e);
    }

    /** Failures since start-up. */
    public static long count() {
        return COUNT.get();
    }
}
