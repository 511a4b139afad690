package io.github.rejoinerbroadleaf.broadleaf.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Says loudly, but at most once a minute, that REST conversions are switched on while the
 * credentials they need are missing: such orders are not queued (a queue of shoppers' e-mails that
 * can never be sent helps nobody), so an ERROR is the store owner's only sign that Rejoiner misses them.
 */
public class MissingCredentialsAlarm {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(MissingCredentialsAlarm.class);

    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<Instant>();
    private final AtomicLong skippedSinceLog = new AtomicLong();
    private final AtomicLong skippedTotal = new AtomicLong();

    public MissingCredentialsAlarm(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one order not queued for lack of credentials, logging an ERROR if none was logged in
     * the last minute.
     *
     * @return whether this call logged
     */
    public boolean orderNotQueued(String orderNumber) {
        skippedTotal.incrementAndGet();
        long skipped = skippedSinceLog.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (last != null && now.isBefore(last.plus(INTERVAL))) {
            return false;
        }
        if (!lastLogged.compareAndSet(last, now)) {
            return false;
        }
        skippedSinceLog.addAndGet(-skipped);
        LOG.error("REJOINER CONVERSIONS ARE ON BUT NO CREDENTIALS ARE SET: {} order(s) not sent to Rejoiner since the "
                + "last message, the latest {}. Set the site id, API key and (Rejoiner 1) API secret under "
                + "Rejoiner Settings, or switch REST conversions off.", skipped, orderNumber);
        return true;
    }

    /** Orders not queued for lack of credentials since start-up. */
    public long ordersNotQueued() {
        return skippedTotal.get();
    }
}
