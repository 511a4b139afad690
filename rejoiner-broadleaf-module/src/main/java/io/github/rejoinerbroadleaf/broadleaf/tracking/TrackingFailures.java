package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracking must never break a page: every hook catches what goes wrong and reports it here. The
 * first failure of a kind (place + exception class) is logged at WARN with its stack trace, later
 * ones of the same kind at DEBUG only, so a persistent problem does not flood the log.
 */
public final class TrackingFailures {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.rejoinerbroadleaf.tracking");
    private static final int MAX_KINDS = 256;
    private static final ConcurrentMap<String, Boolean> SEEN = new ConcurrentHashMap<String, Boolean>();
    private static final AtomicLong COUNT = new AtomicLong();

    private TrackingFailures() {
    }

    public static void report(String where, Throwable e) {
        COUNT.incrementAndGet();
        String kind = where + ":" + e.getClass().getName();
        boolean first = SEEN.size() < MAX_KINDS && SEEN.putIfAbsent(kind, Boolean.TRUE) == null;
        if (first) {
            LOG.warn("Rejoiner tracking failed in {}; this response carries no Rejoiner script "
                    + "(further failures of this kind are logged at DEBUG): {}", where, e.toString(), e);
        } else {
            LOG.debug("Rejoiner tracking failed in {}: {}", where, e.toString());
        }
    }

    /** Failures since start-up. */
    public static long count() {
        return COUNT.get();
    }
}
