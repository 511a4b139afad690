package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.Claim;
import io.github.rejoinerbroadleaf.delivery.internal.ClaimStore;
import io.github.rejoinerbroadleaf.delivery.internal.OutcomeStore;
import io.github.rejoinerbroadleaf.delivery.internal.SiteStateStore;
import io.github.rejoinerbroadleaf.delivery.internal.RowUpdate;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What happens to one claimed row, from claim to recorded outcome; {@link DeliveryWorker} only
 * supplies the threads. The rules:
 * <ul>
 * <li>2xx: SENT.</li>
 * <li>400: FAILED at once, Rejoiner's body kept in LAST_ERROR (the same payload would fail again).</li>
 * <li>401/403 (CREDENTIALS) and 404/other 4xx (CONFIGURATION): wrong keys or site id affect every
 * row of the site, so the site is paused for all nodes and the row goes back to QUEUED without
 * counting an attempt and with its max-age clock reset; while paused, one row is sent as a probe
 * every probe interval and the first delivered probe resumes the site. Once the keys are fixed the
 * merchant wants every conversion that piled up, however long the pause lasted.</li>
 * <li>408/429/5xx/I-O (TRANSIENT): rescheduled with {@link RetryPolicy}; FAILED when transient
 * failures have gone on for the max age ({@code RETRYING_SINCE}, cleared by any site-level answer).</li>
 * </ul>
 * The send runs outside any transaction; every write is one version-guarded statement, so a node
 * that lost its claim (lease expired) cannot overwrite the outcome of the node that took it over.
 *
 * <p>Longer than 300 lines on purpose: these are the rules behind the documented guarantees (what
 * each answer does to a row, leases, probes, the submission check, building a body), kept in one
 * class so that they can be read and checked against docs/server-side-conversions.md in one place.
 */
final class Deliverer {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final ClaimStore claimStore;
    private final OutcomeStore outcomes;
    private final SiteStateStore sites;
    private final DeliverySettings settings;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final LeadSenderProvider senders;
    private final SubmissionCheck submissionCheck;
    private final RetryPolicy retryPolicy;
    private final PayloadBuilder payloads;

    /** This node's view of paused sites, refreshed every poll, so that a batch stops at the first 403. */
    private final Set<String> pausedSites = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    /** Sites whose provider returned no sender, and until when this node does not ask again. */
    private final ConcurrentMap<String, Instant> disabledUntil = new ConcurrentHashMap<String, Instant>();
    /** Claims whose send is running now; their leases are renewed by {@link #heartbeat()}. */
    private final Set<Claim> sending = Collections.newSetFromMap(new ConcurrentHashMap<Claim, Boolean>());

    /** Where outcomes go: written at once ({@link #IMMEDIATE}), or batched by the worker. */
    interface Recorder {
        /** Writes {@code update} for {@code claim} some time later and then calls {@code then}. */
        void finish(Claim claim, RowUpdate update, Instant now, Recorded then);
    }

    /** What to do once an outcome is written; {@code won} is false when the claim had been lost. */
    interface Recorded {
        void run(boolean won);
    }

    /** Writes each outcome in its own statement, on the calling thread. */
    final Recorder immediate = new Recorder() {
        @Override
        public void finish(Claim claim, RowUpdate update, Instant now, Recorded then) {
            boolean won;
            try {
                won = outcomes.finish(claim, update, now);
            } catch (SQLException e) {
                LOG.warn("Could not record the Rejoiner delivery of order {} (row {}); it will be retried after"
                        + " its lease", claim.row().orderKey(), claim.id(), e);
                return;
            }
            recorded(claim, won, then);
        }
    };

    Deliverer(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            RetryPolicy retryPolicy) {
        this(queue, senders, submissionCheck, retryPolicy, null);
    }

    /** @param payloads builds the bodies of rows queued with a reference; null when none are queued so */
    Deliverer(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            RetryPolicy retryPolicy, PayloadBuilder payloads) {
        if (queue == null || senders == null || submissionCheck == null || retryPolicy == null) {
            throw new IllegalArgumentException("queue, senders, submissionCheck and retryPolicy are required");
        }
        this.claimStore = queue.claims();
        this.outcomes = queue.outcomes();
        this.sites = queue.sites();
        this.settings = queue.settings();
        this.clock = queue.clock();
        this.metrics = queue.metrics();
        this.senders = senders;
        this.submissionCheck = submissionCheck;
        this.retryPolicy = retryPolicy;
        this.payloads = payloads;
    }

    private List<SiteDeliveryState> siteStates;
    private long siteStatesReadAt;

    /**
     * The shared pause states; with {@code cached}, read at most once a second (a running worker
     * claims many times a second while a backlog drains): another node's pause then reaches this
     * node within a second, its own at once.
     */
    private synchronized List<SiteDeliveryState> siteStates(boolean cached) throws SQLException {
        long now = System.nanoTime();
        if (!cached || siteStates == null || now - siteStatesReadAt >= 1_000_000_000L) {
            siteStates = sites.siteStates();
            siteStatesReadAt = now;
        }
        return siteStates;
    }

    /** Forgets the cached pause states, after this node paused or resumed a site. */
    private synchronized void forgetSiteStates() {
        siteStates = null;
    }

    /** First recheck of a young row whose order was not yet seen as submitted. */
    static final Duration FIRST_RECHECK = Duration.ofSeconds(1);

    /** The earliest time a row this node deferred becomes due again, for the worker's next claim. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> soonestDue =
            new java.util.concurrent.atomic.AtomicReference<Instant>();

    private void dueSoon(Instant at) {
        Instant current;
        do {
            current = soonestDue.get();
        } while ((current == null || at.isBefore(current)) && !soonestDue.compareAndSet(current, at));
    }

    /** Takes the earliest due time of rows deferred since the last call, or null. */
    Instant takeSoonestDue() {
        return soonestDue.getAndSet(null);
    }

    /** Claims up to {@code max} rows: first one probe per paused site whose probe is due, then due rows. */
    List<Claim> claim(int max) throws SQLException {
        return claim(max, false);
    }

    /** @param cached whether pause states up to a second old will do (the worker's polls) */
    List<Claim> claim(int max, boolean cached) throws SQLException {
        Instant now = clock.instant();
        Instant lease = now.plus(settings.leaseDuration());
        Map<String, Boolean> senderMemo = new HashMap<String, Boolean>();
        Set<String> paused = new HashSet<String>();
        List<Claim> claims = new ArrayList<Claim>();
        for (SiteDeliveryState state : siteStates(cached)) {
            if (!state.paused()) {
                continue;
            }
            paused.add(state.site());
            boolean probeDue = state.probeAt() != null && !state.probeAt().isAfter(now);
            if (probeDue && claims.size() < max && hasSender(state.site(), now, senderMemo)
                    && sites.takeProbe(state.site(), now, now.plus(settings.probeInterval()))) {
                for (Claim c : claimStore.claimDue(now, 1, state.site(), Collections.<String>emptySet(),
                        site -> true, settings.nodeId(), lease)) {
                    claims.add(c.asProbe());
                    LOG.info("Probing paused Rejoiner site {} with order {}", state.site(), c.row().orderKey());
                }
            }
        }
        pausedSites.retainAll(paused);
        pausedSites.addAll(paused);

        Set<String> excluded = new HashSet<String>(paused);
        for (Map.Entry<String, Instant> e : disabledUntil.entrySet()) {
            if (e.getValue().isAfter(now)) {
                excluded.add(e.getKey());
            }
        }
        claims.addAll(claimStore.claimDue(now, max - claims.size(), null, excluded,
                site -> hasSender(site, now, senderMemo), settings.nodeId(), lease));
        for (Claim c : claims) {
            if (c.reclaimed()) {
                metrics.reclaimedLeases.incrementAndGet();
                LOG.info("Reclaimed Rejoiner {} for order {} of site {} after its lease expired (was claimed by"
                        + " {}); it may reach Rejoiner twice", c.row().operation(), c.row().orderKey(), c.row().site(),
                        c.row().claimedBy());
            }
        }
        return claims;
    }

    /** {@link #deliver(Claim, Recorder)} writing the outcome at once. */
    void deliver(Claim claim) {
        deliver(claim, immediate);
    }

    /**
     * Handles one claim up to its outcome. Never throws: a row it could not update is reclaimed
     * after its lease.
     *
     * @return true if an outcome was handed to {@code recorder} (which then owns the claim), false
     *         if the claim ended here (given back, lost, or a failure)
     */
    boolean deliver(Claim claim, Recorder recorder) {
        try {
            return deliverOrThrow(claim, recorder);
        } catch (Exception e) {
            LOG.warn("Could not record the Rejoiner delivery of order {} (row {}); it will be retried after its lease",
                    claim.row().orderKey(), claim.id(), e);
            return false;
        }
    }

    /**
     * Called by the worker's poller: renews the lease of every send that is still running when half
     * of its lease is gone, so that a slow call is never overtaken by another node while this node is
     * alive and reaches the database. A renewal that fails (the row was discarded, or the database
     * is unreachable) is logged; the send's own deadline ({@link DeliverySettings#sendTimeout()},
     * at most half the lease) still ends it before the lease runs out.
     */
    void heartbeat() {
        if (sending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration half = settings.leaseDuration().dividedBy(2);
        for (Claim claim : sending) {
            if (claim.leaseUntil().minus(half).isAfter(now)) {
                continue;
            }
            try {
                if (claimStore.renewLease(claim, now, now.plus(settings.leaseDuration()))) {
                    metrics.leaseRenewals.incrementAndGet();
                    LOG.debug("Renewed the lease of Rejoiner row {} (order {}) during a long send", claim.id(),
                            claim.row().orderKey());
                } else {
                    sending.remove(claim);
                    LOG.warn("Rejoiner row {} (order {}) was changed by an operator while it was being sent; its"
                            + " outcome will not be recorded", claim.id(), claim.row().orderKey());
                }
            } catch (SQLException e) {
                LOG.warn("Could not renew the lease of Rejoiner row {} during a long send; the send ends at its"
                        + " deadline, before the lease", claim.id(), e);
            }
        }
    }

    /** Rows claimed by this node id before the worker started: a previous process with this id died. */
    int reclaimOwn() throws SQLException {
        List<QueuedConversion> rows = claimStore.reclaimOwn(settings.nodeId(), clock.instant());
        if (!rows.isEmpty()) {
            metrics.reclaimedLeases.addAndGet(rows.size());
            LOG.warn("Took back {} Rejoiner rows that node {} had claimed before it restarted; they are sent again"
                    + " now and may reach Rejoiner twice", rows.size(), settings.nodeId());
        }
        return rows.size();
    }

    /** Gives the row back untouched, e.g. when the worker stops before sending it. */
    void release(Claim claim) {
        try {
            claimStore.release(claim, clock.instant());
        } catch (Exception e) {
            LOG.warn("Could not release Rejoiner row {}; it is retried after its lease", claim.id(), e);
        }
    }

    private boolean deliverOrThrow(Claim claim, Recorder recorder) throws SQLException {
        QueuedConversion row = claim.row();
        Instant now = clock.instant();
        if (!claim.probe() && pausedSites.contains(row.site())) {
            claimStore.release(claim, now);
            return false;
        }
        LeadSender sender = lookUpSender(row.site());
        if (sender == null) {
            disable(row.site(), now);
            claimStore.release(claim, now);
            return false;
        }
        Instant confirmedAt = row.confirmedAt();
        if (confirmedAt == null) {
            if (!isSubmitted(row)) {
                awaitSubmission(claim, now, recorder);
                return true;
            }
            confirmedAt = now;
        }
        String body = row.payload();
        if (body == null) {
            body = build(claim, now, confirmedAt, recorder);
            if (body == null) {
                return true;
            }
        }
        if (!leaseCoversSend(claim, now)) {
            metrics.lostLeases.incrementAndGet();
            return false;
        }
        DeliveryOutcome outcome;
        sending.add(claim);
        try {
            outcome = send(sender, row.operation(), body);
        } finally {
            sending.remove(claim);
        }
        // A body built from the row's reference is kept, so that retries send what this attempt sent.
        record(claim, outcome, confirmedAt, row.payload() == null ? body : null, recorder);
        return true;
    }

    /**
     * Builds the body of a row queued with a reference; null when the row's outcome was handed to
     * {@code recorder} instead: DISCARDED when the body can never be built, a retry when the builder
     * failed in a way that may pass.
     */
    private String build(Claim claim, Instant now, Instant confirmedAt, Recorder recorder) {
        final QueuedConversion row = claim.row();
        try {
            if (payloads == null) {
                throw new IllegalStateException("no PayloadBuilder is configured for rows queued with a reference");
            }
            String body = payloads.build(row.site(), row.operation(), row.orderKey(), row.reference());
            if (body == null || body.isEmpty()) {
                throw new IllegalStateException("the PayloadBuilder returned no body");
            }
            return body;
        } catch (PayloadUnavailableException e) {
            final String reason = "not sent: " + e.getMessage();
            metrics.lastError(now, "order " + row.orderKey() + " " + brief(reason));
            recorder.finish(claim, RowUpdate.discarded(reason), now, new Recorded() {
                @Override
                public void run(boolean won) {
                    if (won) {
                        metrics.discardedUnbuildable.incrementAndGet();
                        LOG.warn("Rejoiner {} for order {} of site {} discarded, {}", row.operation(), row.orderKey(),
                                row.site(), brief(reason));
                    }
                }
            });
        } catch (RuntimeException e) {
            retryLater(claim, null, "payload not built: " + e, null, confirmedAt, now, recorder);
        }
        return null;
    }

    private void record(final Claim claim, final DeliveryOutcome outcome, Instant confirmedAt, String builtBody,
            Recorder outcomes) throws SQLException {
        Recorder recorder = keepingBody(builtBody, outcomes);
        final QueuedConversion row = claim.row();
        final Instant now = clock.instant();
        final int status = outcome.httpStatus();
        switch (outcome.kind()) {
            case DELIVERED:
                recorder.finish(claim, RowUpdate.sent(now, status, confirmedAt), now, new Recorded() {
                    @Override
                    public void run(boolean won) {
                        if (won) {
                            metrics.delivered.incrementAndGet();
                        }
                        if (claim.probe()) {
                            resumeAfterProbe(row.site());
                        }
                    }
                });
                return;
            case REJECTED:
                metrics.lastError(now, "HTTP " + status + " for order " + row.orderKey() + ": " + brief(outcome.detail()));
                recorder.finish(claim, RowUpdate.failed(status, outcome.detail(), confirmedAt, row.retryingSince()),
                        now, new Recorded() {
                            @Override
                            public void run(boolean won) {
                                if (won) {
                                    metrics.failed.incrementAndGet();
                                    LOG.warn("Rejoiner rejected {} for order {} of site {} (HTTP {}); kept as FAILED: {}",
                                            row.operation(), row.orderKey(), row.site(), status, brief(outcome.detail()));
                                }
                            }
                        });
                return;
            case CREDENTIALS:
            case CONFIGURATION:
                metrics.lastError(now, "HTTP " + status + " for site " + row.site() + ": " + brief(outcome.detail()));
                // The pause is written first: other nodes stop sending this site's rows at once.
                pause(row.site(), outcome, now);
                recorder.finish(claim, RowUpdate.defer(now, status, outcome.detail(), confirmedAt), now, NOTHING);
                return;
            case TRANSIENT:
            default:
                if (status == 0) {
                    metrics.ioFailures.incrementAndGet();
                }
                retryLater(claim, status, outcome.detail(), outcome.retryAfter(), confirmedAt, now, recorder);
        }
    }

    private void resumeAfterProbe(String site) {
        try {
            if (sites.resumeSite(site, clock.instant())) {
                forgetSiteStates();
                pausedSites.remove(site);
                LOG.info("Rejoiner accepted a probe for site {}: deliveries resume", site);
            }
        } catch (SQLException e) {
            LOG.warn("Rejoiner accepted a probe for site {} but the site could not be resumed; the next probe"
                    + " will resume it", site, e);
        }
    }

    /** @param httpStatus of the failed call, 0 for no answer, null when no call was made (payload not built) */
    private void retryLater(Claim claim, final Integer httpStatus, final String detail, Duration retryAfter,
            Instant confirmedAt, Instant now, Recorder recorder) {
        final QueuedConversion row = claim.row();
        metrics.lastError(now, (httpStatus == null ? "" : httpStatus == 0 ? "I/O " : "HTTP " + httpStatus + " ")
                + "for order " + row.orderKey() + ": " + brief(detail));
        final int attempts = row.attempts() + 1;
        Instant retryingSince = row.retryingSince() != null ? row.retryingSince() : now;
        Duration age = Duration.between(retryingSince, now);
        if (age.compareTo(settings.maxAge()) >= 0) {
            final String error = "gave up after " + attempts + " attempts in " + age + ": " + detail;
            recorder.finish(claim, RowUpdate.failed(httpStatus, error, confirmedAt, retryingSince), now,
                    new Recorded() {
                        @Override
                        public void run(boolean won) {
                            if (won) {
                                metrics.failed.incrementAndGet();
                                LOG.warn("Rejoiner {} for order {} of site {} FAILED: {}", row.operation(),
                                        row.orderKey(), row.site(), brief(error));
                            }
                        }
                    });
            return;
        }
        final Instant next = now.plus(retryPolicy.delay(attempts, retryAfter));
        recorder.finish(claim, RowUpdate.retry(next, httpStatus, detail, confirmedAt,
                retryingSince), now, new Recorded() {
                    @Override
                    public void run(boolean won) {
                        if (won) {
                            metrics.retried.incrementAndGet();
                            LOG.debug("Rejoiner {} for order {} failed ({}); retry {} at {}", row.operation(),
                                    row.orderKey(), brief(detail), attempts, next);
                        }
                    }
                });
    }

    /** {@code recorder}, also storing {@code body} (built from the row's reference) with the outcome. */
    private static Recorder keepingBody(final String body, final Recorder recorder) {
        if (body == null) {
            return recorder;
        }
        return new Recorder() {
            @Override
            public void finish(Claim claim, RowUpdate update, Instant now, Recorded then) {
                recorder.finish(claim, update.withPayload(body), now, then);
            }
        };
    }

    private static final Recorded NOTHING = new Recorded() {
        @Override
        public void run(boolean won) {
        }
    };

    /** After an outcome was written (or found lost): counts a lost claim, then the outcome's own follow-up. */
    void recorded(Claim claim, boolean won, Recorded then) {
        if (!won) {
            metrics.lostLeases.incrementAndGet();
            LOG.info("Rejoiner row {} (order {}) changed while this node was sending it (lease expired or row"
                    + " discarded); its outcome was not recorded here", claim.id(), claim.row().orderKey());
        }
        try {
            then.run(won);
        } catch (RuntimeException e) {
            LOG.warn("Follow-up of Rejoiner row {} failed", claim.id(), e);
        }
    }

    private void pause(String site, DeliveryOutcome outcome, Instant now) throws SQLException {
        pausedSites.add(site);
        forgetSiteStates();
        SiteDeliveryState.Reason reason = outcome.kind() == DeliveryOutcome.Kind.CREDENTIALS
                ? SiteDeliveryState.Reason.CREDENTIALS : SiteDeliveryState.Reason.CONFIGURATION;
        Instant probeAt = now.plus(settings.probeInterval());
        if (sites.pauseSite(site, reason, outcome.httpStatus(), outcome.detail(), now, probeAt)) {
            metrics.sitePauses.incrementAndGet();
            LOG.warn("Rejoiner answered HTTP {} for site {} ({}): deliveries for this site are paused and stay"
                    + " queued; a probe is sent every {} and the first one accepted resumes them. Check the"
                    + " Rejoiner {} in the site's settings. {}", outcome.httpStatus(), site, reason,
                    settings.probeInterval(), reason == SiteDeliveryState.Reason.CREDENTIALS ? "API key and secret"
                    : "site id and API base URL", brief(outcome.detail()));
        }
    }

    private void awaitSubmission(Claim claim, Instant now, Recorder recorder) {
        final QueuedConversion row = claim.row();
        if (Duration.between(row.queuedAt(), now).compareTo(settings.submissionWindow()) >= 0) {
            recorder.finish(claim, RowUpdate.discarded("order was not confirmed as submitted within "
                    + settings.submissionWindow()), now, new Recorded() {
                        @Override
                        public void run(boolean won) {
                            if (won) {
                                metrics.discardedUnsubmitted.incrementAndGet();
                                LOG.info("Rejoiner {} for order {} of site {} discarded: the order was never submitted",
                                        row.operation(), row.orderKey(), row.site());
                            }
                        }
                    });
            return;
        }
        // A row claimed right after its checkout may beat the order's commit by a moment (the store
        // wakes the worker when it can): look again after a second while the row is young.
        Duration recheck = settings.submissionRecheckInterval();
        boolean young = Duration.between(row.queuedAt(), now).compareTo(recheck) < 0;
        final Instant next = now.plus(young && FIRST_RECHECK.compareTo(recheck) < 0 ? FIRST_RECHECK : recheck);
        recorder.finish(claim, RowUpdate.defer(next, null, "waiting for the order to be submitted", null), now,
                new Recorded() {
                    @Override
                    public void run(boolean won) {
                        if (won) {
                            metrics.awaitingSubmission.incrementAndGet();
                            dueSoon(next);
                        }
                    }
                });
    }

    /** Makes sure the claim outlives one send, renewing it if the row waited long in this node's queue. */
    private boolean leaseCoversSend(Claim claim, Instant now) throws SQLException {
        if (claim.leaseUntil().minus(settings.sendTimeout()).isAfter(now)) {
            return true;
        }
        return claimStore.renewLease(claim, now, now.plus(settings.leaseDuration()));
    }

    OutcomeStore outcomes() {
        return outcomes;
    }

    private DeliveryOutcome send(LeadSender sender, LeadOperation operation, String body) {
        try {
            DeliveryOutcome outcome = sender.send(operation, body);
            return outcome != null ? outcome : DeliveryOutcome.ioFailure("sender returned no outcome");
        } catch (RuntimeException e) {
            // The contract says senders classify instead of throwing; a bug must not lose the row.
            return DeliveryOutcome.ioFailure("sender failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Keeps log lines readable; the full text (up to the column size) is in LAST_ERROR. */
    private static String brief(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private boolean isSubmitted(QueuedConversion row) {
        try {
            return submissionCheck.isSubmitted(row.site(), row.orderKey());
        } catch (RuntimeException e) {
            LOG.warn("Submission check for order {} of site {} failed; asking again later", row.orderKey(),
                    row.site(), e);
            return false;
        }
    }

    private boolean hasSender(String site, Instant now, Map<String, Boolean> memo) {
        Boolean known = memo.get(site);
        if (known == null) {
            known = lookUpSender(site) != null;
            if (known) {
                disabledUntil.remove(site);
            } else {
                disable(site, now);
            }
            memo.put(site, known);
        }
        return known;
    }

    private LeadSender lookUpSender(String site) {
        try {
            return senders.forSite(site);
        } catch (RuntimeException e) {
            LOG.warn("No Rejoiner sender for site {}: {}", site, e.toString());
            return null;
        }
    }

    private void disable(String site, Instant now) {
        if (disabledUntil.put(site, now.plus(settings.disabledSiteRecheckInterval())) == null) {
            LOG.info("Rejoiner REST delivery is off for site {}; its rows stay queued", site);
        }
    }
}
