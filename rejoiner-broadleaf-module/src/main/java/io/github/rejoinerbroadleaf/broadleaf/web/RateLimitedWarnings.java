package io.github.rejoinerbroadleaf.broadleaf.web;

import org.slf4j.Logger;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * WARN lines for failures that can repeat on every request: each kind (a short name of where it
 * happened and the exception's class) is logged at most once per interval, with the cause and the
 * number of failures of that kind since its last line, so a lasting problem stays visible (a line
 * a minute) without flooding the log. The lines in between go to DEBUG.
 */
public final class RateLimitedWarnings {

    /** The default interval: one line per kind and minute. */
    public static final long DEFAULT_INTERVAL_MILLIS = 60_000;

    private static final int MAX_KINDS = 256;

    private final Logger log;
    private final Clock clock;
    private final long intervalMillis;
    private final ConcurrentMap<String, Kind> kinds = new ConcurrentHashMap<String, Kind>();

    public RateLimitedWarnings(Logger log, Clock clock, long intervalMillis) {
        this.log = log;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Records a failure; logs it at WARN (with the cause's stack trace) if its kind was not logged
     * within the interval.
     *
     * @param what a short description of what failed and what happens instead, e.g.
     *             "Rejoiner tracking failed in trackingScript; this response carries no Rejoiner script"
     * @return whether a WARN line was written
     */
    public boolean warn(String where, String what, Throwable cause) {
        String key = where + ":" + (cause == null ? "" : cause.getClass().getName());
        Kind kind = kinds.get(key);
        if (kind == null) {
            if (kinds.size() >= MAX_KINDS) {
                kinds.clear(); // a burst of distinct kinds: start counting again rather than grow
            }
            Kind fresh = new Kind();
            Kind raced = kinds.putIfAbsent(key, fresh);
            kind = raced == null ? fresh : raced;
        }
        long now = clock.millis();
        long count;
        synchronized (kind) {
            kind.count++;
            if (kind.loggedAt != Long.MIN_VALUE && now - kind.loggedAt < intervalMillis) {
                log.debug("{}: {}", what, cause == null ? "" : cause.toString());
                return false;
            }
            count = kind.count;
            kind.count = 0;
            kind.loggedAt = now;
        }
        if (count > 1) {
            log.warn("{} ({} times in the last {} s; one line per {} s): {}", what, count,
                    intervalMillis / 1000, intervalMillis / 1000, String.valueOf(cause), cause);
        } else {
            log.warn("{}: {}", what, String.valueOf(cause), cause);
        }
        return true;
    }

    private static final class Kind {
        long loggedAt = Long.MIN_VALUE;
        long count;
    }
}
