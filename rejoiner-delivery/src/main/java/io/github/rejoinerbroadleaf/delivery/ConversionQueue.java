package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.ClaimStore;
import io.github.rejoinerbroadleaf.delivery.internal.OutcomeStore;
import io.github.rejoinerbroadleaf.delivery.internal.QueueDatabase;
import io.github.rejoinerbroadleaf.delivery.internal.QueueRowStore;
import io.github.rejoinerbroadleaf.delivery.internal.SiteStateStore;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of lead calls for Rejoiner, kept in the store's own database so that it
 * survives restarts and is shared by all nodes; and the operations API for the admin screen.
 * Delivery is done by a {@link DeliveryWorker} on each node.
 *
 * <p>{@link #enqueue} is what checkout calls: one INSERT on its own pooled connection in
 * auto-commit, no network, and it never throws. Pass the plain pooled {@code DataSource}, not a
 * transaction-aware proxy: the row must commit on its own, whatever happens to the checkout's
 * transaction, because {@link SubmissionCheck} (consulted by the worker) decides later whether the
 * order was really submitted.
 *
 * <p>The operations methods throw {@link QueueAccessException} when the database fails.
 */
public final class ConversionQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ConversionQueue.class);

    private final QueueRowStore rows;
    private final SiteStateStore sites;
    private final ClaimStore claims;
    private final OutcomeStore outcomes;
    private final DeliverySettings settings;
    private final Clock clock;
    private final DeliveryMetrics metrics = new DeliveryMetrics();

    public ConversionQueue(DataSource dataSource, DeliverySettings settings) {
        this(dataSource, settings, Clock.systemUTC());
    }

    /** @param clock the source of every timestamp written; tests pass a settable clock */
    public ConversionQueue(DataSource dataSource, DeliverySettings settings, Clock clock) {
        if (settings == null || clock == null) {
            throw new IllegalArgumentException("settings and clock are required");
        }
        QueueDatabase db = new QueueDatabase(dataSource);
        this.rows = new QueueRowStore(db);
        this.sites = new SiteStateStore(db);
        this.claims = new ClaimStore(db);
        this.outcomes = new OutcomeStore(db);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues a lead call, due at once, unless the same site, operation and order key is queued
     * already (in any status: a conversion is sent once, ever; an operator can retry it).
     * A {@link LeadOperation#CONVERT} row is only sent after {@link SubmissionCheck} confirms the
     * order; other operations are sent as they are.
     *
     * <p>Never throws: a failure is logged at ERROR, counted in
     * {@link DeliveryMetrics#enqueueFailures()} and answered with false, so that checkout goes on.
     *
     * @param site     the Rejoiner site the call belongs to, as {@link LeadSenderProvider} knows it
     * @param orderKey the order number
     * @param jsonBody the complete JSON body for Rejoiner
     * @return true if a new row was written; false for a duplicate or a failure
     */
    public boolean enqueue(String site, LeadOperation operation, String orderKey, String jsonBody) {
        return insert(site, operation, orderKey, jsonBody, null);
    }

    /**
     * Queues a lead call like {@link #enqueue}, but with only what its body is built from: the
     * worker's {@link PayloadBuilder} turns {@code reference} into the body just before the first
     * send. For checkout, which then pays for one small INSERT and nothing else. Never throws.
     *
     * @param reference whatever the store's {@link PayloadBuilder} needs (e.g. order id, base URL,
     *                  locale), at most a few hundred characters; never a secret
     * @return true if a new row was written; false for a duplicate or a failure
     */
    public boolean enqueueReference(String site, LeadOperation operation, String orderKey, String reference) {
        return insert(site, operation, orderKey, null, reference);
    }

    private boolean insert(String site, LeadOperation operation, String orderKey, String jsonBody, String reference) {
        try {
            String invalid = validate(site, operation, orderKey, jsonBody != null ? jsonBody : reference);
            if (invalid != null) {
                metrics.enqueueFailures.incrementAndGet();
                LOG.error("Rejoiner {} for order {} of site {} not queued: {}", operation, orderKey, site, invalid);
                return false;
            }
            Instant now = clock.instant();
            Instant confirmed = operation == LeadOperation.CONVERT ? null : now;
            if (rows.insert(site, operation, orderKey, jsonBody, reference, now, confirmed)) {
                metrics.enqueued.incrementAndGet();
                return true;
            }
            metrics.duplicates.incrementAndGet();
            LOG.debug("Rejoiner {} for order {} of site {} is queued already", operation, orderKey, site);
            return false;
        } catch (Exception | LinkageError e) {
            metrics.enqueueFailures.incrementAndGet();
            LOG.error("Rejoiner {} for order {} of site {} could not be queued and will not be sent",
                    operation, orderKey, site, e);
            return false;
        }
    }

    private static String validate(String site, LeadOperation operation, String orderKey, String jsonBody) {
        if (operation == null) {
            return "operation is missing";
        }
        if (site == null || site.isEmpty() || site.length() > 100) {
            return "site must be 1..100 characters";
        }
        if (orderKey == null || orderKey.isEmpty() || orderKey.length() > 255) {
            return "order key must be 1..255 characters";
        }
        if (jsonBody == null || jsonBody.isEmpty()) {
            return "body (or reference) is missing";
        }
        return null;
    }

    // ---------------------------------------------------------------- operations API

    /** Rows per status over all sites; every status is present. */
    public Map<QueueStatus, Long> countByStatus() {
        Map<QueueStatus, Long> total = QueueRowStore.zeroCounts();
        for (Map<QueueStatus, Long> site : countBySite().values()) {
            for (Map.Entry<QueueStatus, Long> e : site.entrySet()) {
                total.put(e.getKey(), total.get(e.getKey()) + e.getValue());
            }
        }
        return total;
    }

    /** Rows per site and status, sites sorted; every status is present for a listed site. */
    public Map<String, Map<QueueStatus, Long>> countBySite() {
        try {
            return rows.countBySiteAndStatus();
        } catch (SQLException e) {
            throw failure("count rows", e);
        }
    }

    /** How long the oldest QUEUED or SENDING row has been waiting; empty when none is. */
    public Optional<Duration> oldestPendingAge() {
        try {
            Instant oldest = rows.oldestPendingQueuedAt();
            if (oldest == null) {
                return Optional.empty();
            }
            Duration age = Duration.between(oldest, clock.instant());
            return Optional.of(age.isNegative() ? Duration.ZERO : age);
        } catch (SQLException e) {
            throw failure("read the oldest pending row", e);
        }
    }

    /** Pause state and last problem of every site that was ever paused. */
    public List<SiteDeliveryState> siteStates() {
        try {
            return sites.siteStates();
        } catch (SQLException e) {
            throw failure("read site states", e);
        }
    }

    public Optional<SiteDeliveryState> siteState(String site) {
        for (SiteDeliveryState s : siteStates()) {
            if (s.site().equals(site)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Ends a site's pause now (after an admin fixed the keys) instead of waiting for the next probe. */
    public boolean resumeSite(String site) {
        try {
            boolean resumed = sites.resumeSite(site, clock.instant());
            if (resumed) {
                LOG.info("Rejoiner deliveries for site {} resumed by an operator", site);
            }
            return resumed;
        } catch (SQLException e) {
            throw failure("resume site " + site, e);
        }
    }

    /** Rows matching the filter, newest first, one page. */
    public List<QueuedConversion> list(QueueFilter filter) {
        try {
            return rows.list(filter);
        } catch (SQLException e) {
            throw failure("list rows", e);
        }
    }

    /** Number of rows matching the filter, for paging. */
    public long count(QueueFilter filter) {
        try {
            return rows.count(filter);
        } catch (SQLException e) {
            throw failure("count rows", e);
        }
    }

    public Optional<QueuedConversion> find(long id) {
        try {
            return Optional.ofNullable(rows.find(id));
        } catch (SQLException e) {
            throw failure("read row " + id, e);
        }
    }

    public Optional<QueuedConversion> find(String site, LeadOperation operation, String orderKey) {
        try {
            return Optional.ofNullable(rows.find(site, operation, orderKey));
        } catch (SQLException e) {
            throw failure("read row " + site + "/" + operation + "/" + orderKey, e);
        }
    }

    /**
     * Puts a FAILED (or DISCARDED) row back in the queue, due now, with its attempts and max age
     * starting afresh.
     *
     * @return false if the row does not exist or is in another status
     */
    public boolean retry(long id) {
        try {
            return rows.retry(id, clock.instant());
        } catch (SQLException e) {
            throw failure("retry row " + id, e);
        }
    }

    /**
     * Gives up on a QUEUED or FAILED row. A SENDING row is refused while its lease runs (a node may
     * be sending it right now, and Rejoiner may accept it); once the lease has expired it can be
     * discarded.
     *
     * @return false if the row does not exist, is SENT or DISCARDED already, or is being sent
     */
    public boolean discard(long id) {
        try {
            boolean done = rows.discard(id, clock.instant(), "discarded by an operator");
            if (done) {
                metrics.discarded.incrementAndGet();
            }
            return done;
        } catch (SQLException e) {
            throw failure("discard row " + id, e);
        }
    }

    /**
     * Deletes SENT and DISCARDED rows older than {@link DeliverySettings#retentionDays()}, in batches.
     * Workers run this every {@link DeliverySettings#purgeInterval()}.
     *
     * @return rows deleted
     */
    public int purgeExpired() {
        try {
            int n = rows.purge(clock.instant().minus(settings.retention()), settings.purgeBatchSize());
            metrics.purged.addAndGet(n);
            if (n > 0) {
                LOG.debug("Purged {} Rejoiner delivery rows older than {} days", n, settings.retentionDays());
            }
            return n;
        } catch (SQLException e) {
            throw failure("purge rows", e);
        }
    }

    /** Counters of this node. */
    public DeliveryMetrics metrics() {
        return metrics;
    }

    public DeliverySettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    SiteStateStore sites() {
        return sites;
    }

    ClaimStore claims() {
        return claims;
    }

    OutcomeStore outcomes() {
        return outcomes;
    }

    private static QueueAccessException failure(String what, SQLException e) {
        return new QueueAccessException("Could not " + what + " in the Rejoiner delivery queue: " + e.getMessage(), e);
    }
}
