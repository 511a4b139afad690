package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.github.rejoinerbroadleaf.delivery.ScriptedSender.payload;
import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's behaviour, run unchanged on every supported database by the subclasses. Time is a
 * {@link TestClock}; delivery is driven with {@link DeliveryWorker#runOnce()} unless a test is
 * about the worker's threads.
 */
abstract class QueueContractTest {

    static final String SITE = "site-1";
    static final String OTHER_SITE = "site-2";
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration PROBE = Duration.ofMinutes(5);

    TestDatabase db;
    DataSource dataSource;
    TestClock clock;
    ConversionQueue queue;
    ScriptedSender sender;
    ScriptedSender otherSender;
    final Map<String, LeadSender> senders = new ConcurrentHashMap<>();
    final Set<String> submitted = ConcurrentHashMap.newKeySet();
    final AtomicInteger submissionChecks = new AtomicInteger();
    final SubmissionCheck submissionCheck = (site, key) -> {
        submissionChecks.incrementAndGet();
        return submitted.contains(key);
    };
    DeliveryWorker worker;
    final List<DeliveryWorker> started = new ArrayList<>();
    final List<BlockingSender> blockers = new ArrayList<>();

    abstract TestDatabase openDatabase() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        db = openDatabase();
        dataSource = db.newPool();
        QueueSchema.createIfMissing(dataSource);
        clock = new TestClock();
        queue = new ConversionQueue(dataSource, settings("node-a").build(), clock);
        sender = new ScriptedSender();
        otherSender = new ScriptedSender();
        senders.put(SITE, sender);
        senders.put(OTHER_SITE, otherSender);
        worker = worker(queue);
    }

    @AfterEach
    void tearDown() throws Exception {
        blockers.forEach(BlockingSender::release);
        for (DeliveryWorker w : started) {
            w.stop(Duration.ofSeconds(5));
        }
        Await.until("delivery threads are gone", Duration.ofSeconds(5), () -> Await.deliveryThreads().isEmpty());
        if (db != null) {   // null when the database was not available (skipped test)
            db.close();
        }
    }

    static DeliverySettings.Builder settings(String nodeId) {
        return DeliverySettings.builder().nodeId(nodeId).pollInterval(Duration.ofMillis(20)).batchSize(20)
                .maxInFlight(8).leaseDuration(LEASE).probeInterval(PROBE);
    }

    /** Jitter pinned to its lower bound: the n-th retry waits exactly half the exponential ceiling. */
    static RetryPolicy lowestJitter() {
        return new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), new Random() {
            @Override
            public double nextDouble() {
                return 0.0;
            }
        });
    }

    DeliveryWorker worker(ConversionQueue q) {
        return new DeliveryWorker(q, senders::get, submissionCheck, lowestJitter());
    }

    DeliveryWorker start(DeliveryWorker w) {
        started.add(w);
        w.start();
        return w;
    }

    boolean enqueue(String key) {
        submitted.add(key);
        return queue.enqueue(SITE, CONVERT, key, payload(key));
    }

    QueuedConversion row(String key) {
        return queue.find(SITE, CONVERT, key).orElseThrow(() -> new AssertionError("no row for " + key));
    }

    long countIn(QueueStatus status) {
        return queue.countByStatus().get(status);
    }

    // ------------------------------------------------------------------ schema and enqueue

    @Test
    void schemaCreationIsIdempotent() throws Exception {
        assertEquals(List.of(), QueueSchema.createIfMissing(dataSource));
    }

    @Test
    void enqueueWritesAQueuedRowDueNow() {
        assertTrue(enqueue("1001"));

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 0, clock.instant(), payload("1001")),
                List.of(r.status(), r.attempts(), r.nextAttemptAt(), r.payload()));
    }

    @Test
    void secondEnqueueOfTheSameKeyIsANoOp() {
        enqueue("1001");

        assertFalse(queue.enqueue(SITE, CONVERT, "1001", payload("1001")));
        assertEquals(1, queue.count(QueueFilter.all()));
    }

    @Test
    void sameOrderKeyForAnotherOperationOrSiteIsAnotherRow() {
        enqueue("1001");

        assertTrue(queue.enqueue(SITE, LeadOperation.CANCEL, "1001", payload("1001"))
                && queue.enqueue(OTHER_SITE, CONVERT, "1001", payload("1001")));
    }

    @Test
    void concurrentEnqueuesOfTheSameKeysInsertEachKeyOnce() throws Exception {
        int threads = 6;
        int keys = 40;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    barrier.await();
                    int inserted = 0;
                    for (int k = 0; k < keys; k++) {
                        inserted += queue.enqueue(SITE, CONVERT, "k" + k, payload("k" + k)) ? 1 : 0;
                    }
                    return inserted;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(List.of(keys, (long) keys, 0L),
                    List.of(total, queue.count(QueueFilter.all()), queue.metrics().enqueueFailures()));
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ outcomes

    @Test
    void deliveredRowBecomesSent() {
        enqueue("1001");

        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.SENT, clock.instant(), 1, 200),
                List.of(r.status(), r.sentAt(), r.attempts(), r.lastHttpStatus()));
    }

    @Test
    void rejectedRowIsDeadLetteredAtOnceWithTheResponseBody() {
        enqueue("1001");
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "{\"error\":\"email is invalid\"}"));

        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.FAILED, 400, "{\"error\":\"email is invalid\"}"),
                List.of(r.status(), r.lastHttpStatus(), r.lastError()));
    }

    @Test
    void transientFailureIsRetriedWithExponentialBackoff() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(null));
        Instant start = clock.instant();

        worker.runOnce();                       // attempt 1 fails: 15..30 s
        clock.advance(Duration.ofSeconds(15));
        worker.runOnce();                       // attempt 2 fails: 30..60 s

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 2, start.plusSeconds(15 + 30)),
                List.of(r.status(), r.attempts(), r.nextAttemptAt()));
    }

    @Test
    void rowIsNotSentBeforeItsBackoffHasPassed() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(null));
        worker.runOnce();
        sender.always(ScriptedSender.ok());

        clock.advance(Duration.ofSeconds(14));
        assertEquals(0, worker.runOnce());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, worker.runOnce());
    }

    @Test
    void retryAfterLongerThanTheBackoffIsHonoured() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(Duration.ofMinutes(45)));

        worker.runOnce();

        assertEquals(clock.instant().plus(Duration.ofMinutes(45)), row("1001").nextAttemptAt());
    }

    @Test
    void retryAfterShorterThanTheBackoffIsHonoured() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(Duration.ofSeconds(5)));

        worker.runOnce();

        assertEquals(clock.instant().plus(Duration.ofSeconds(5)), row("1001").nextAttemptAt());
    }

    @Test
    void transientFailurePastTheMaxAgeFailsTheRow() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(null));
        worker.runOnce();

        clock.advance(Duration.ofDays(3));
        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.FAILED, true), List.of(r.status(), r.lastError().startsWith("gave up after 2")));
    }

    @Test
    void timeSpentPausedDoesNotCountTowardsTheMaxAge() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(null));
        worker.runOnce();                                   // transient: the max-age clock starts
        clock.advance(Duration.ofMinutes(1));
        sender.always(ScriptedSender.status(Kind.CREDENTIALS, 401, "Unauthorized"));
        worker.runOnce();                                   // site paused: the clock is reset
        clock.advance(Duration.ofDays(4));
        queue.resumeSite(SITE);
        sender.always(ScriptedSender.unavailable(null));

        worker.runOnce();

        assertEquals(QueueStatus.QUEUED, row("1001").status());
    }

    @Test
    void senderExceptionCountsAsTransientFailure() {
        enqueue("1001");
        sender.answering(key -> {
            throw new IllegalStateException("boom");
        });

        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 1, 0), List.of(r.status(), r.attempts(), r.lastHttpStatus()));
    }

    // ------------------------------------------------------------------ site pause and probing

    /** site-1 answers 403 to its first row; site-2 is healthy. */
    private void forbiddenOnSite1() {
        enqueue("a1");
        enqueue("a2");
        enqueue("a3");
        submitted.add("b1");
        queue.enqueue(OTHER_SITE, CONVERT, "b1", payload("b1"));
        sender.always(ScriptedSender.status(Kind.CREDENTIALS, 403, "Forbidden"));
        worker.runOnce();
    }

    @Test
    void credentialsErrorPausesTheSiteAfterOneCall() {
        forbiddenOnSite1();

        SiteDeliveryState state = queue.siteState(SITE).orElseThrow(AssertionError::new);
        assertEquals(List.of(true, SiteDeliveryState.Reason.CREDENTIALS, 403, 1),
                List.of(state.paused(), state.reason(), state.lastHttpStatus(), sender.calls()));
    }

    @Test
    void pausedSiteKeepsItsRowsQueuedWithoutCountingAttempts() {
        forbiddenOnSite1();

        List<String> rows = queue.list(QueueFilter.all().withSite(SITE)).stream()
                .map(r -> r.status() + "/" + r.attempts()).collect(Collectors.toList());
        assertEquals(List.of("QUEUED/0", "QUEUED/0", "QUEUED/0"), rows);
    }

    @Test
    void pauseOfOneSiteDoesNotHoldUpAnother() {
        forbiddenOnSite1();

        assertEquals(QueueStatus.SENT, queue.find(OTHER_SITE, CONVERT, "b1").get().status());
    }

    @Test
    void pausedSiteIsNotSentToBeforeTheProbeInterval() {
        forbiddenOnSite1();

        clock.advance(PROBE.minusSeconds(1));
        worker.runOnce();

        assertEquals(1, sender.calls());
    }

    @Test
    void pausedSiteSendsOneProbePerIntervalAndStaysPausedWhileRefused() {
        forbiddenOnSite1();

        clock.advance(PROBE);
        worker.runOnce();
        worker.runOnce();

        assertEquals(List.of(2, true, 1L), List.of(sender.calls(),
                queue.siteState(SITE).get().paused(), queue.metrics().sitePauses()));
    }

    @Test
    void acceptedProbeResumesTheSiteAndDeliversTheBacklog() {
        forbiddenOnSite1();
        sender.always(ScriptedSender.ok());

        clock.advance(PROBE);
        worker.runOnce();
        worker.runOnce();

        assertEquals(List.of(false, 3L), List.of(queue.siteState(SITE).get().paused(),
                queue.count(QueueFilter.all().withSite(SITE).withStatus(QueueStatus.SENT))));
    }

    @Test
    void anotherNodeRespectsThePauseAndTheProbeSchedule() {
        forbiddenOnSite1();
        DeliveryWorker nodeB = worker(new ConversionQueue(db.newPool(), settings("node-b").build(), clock));

        nodeB.runOnce();
        clock.advance(PROBE);
        int probes = worker.runOnce() + nodeB.runOnce();

        assertEquals(List.of(1, 2), List.of(probes, sender.calls()));
    }

    @Test
    void notFoundPausesTheSiteAsAConfigurationProblem() {
        enqueue("a1");
        sender.always(ScriptedSender.status(Kind.CONFIGURATION, 404, "Not Found"));

        worker.runOnce();

        SiteDeliveryState state = queue.siteState(SITE).get();
        assertEquals(List.of(true, SiteDeliveryState.Reason.CONFIGURATION, QueueStatus.QUEUED),
                List.of(state.paused(), state.reason(), row("a1").status()));
    }

    @Test
    void operatorCanResumeAPausedSiteAtOnce() {
        forbiddenOnSite1();
        sender.always(ScriptedSender.ok());

        assertTrue(queue.resumeSite(SITE));
        worker.runOnce();

        assertEquals(3L, queue.count(QueueFilter.all().withSite(SITE).withStatus(QueueStatus.SENT)));
    }

    @Test
    void resumedSiteNoLongerShowsThePausesReasonAndStatus() {
        forbiddenOnSite1();

        queue.resumeSite(SITE);

        SiteDeliveryState state = queue.siteState(SITE).orElseThrow(AssertionError::new);
        assertEquals(Arrays.asList(false, null, null, null),
                Arrays.asList(state.paused(), state.reason(), state.lastHttpStatus(), state.lastError()));
    }

    @Test
    void siteResumedByAProbeNoLongerShowsThePausesReason() {
        forbiddenOnSite1();
        sender.always(ScriptedSender.ok());
        clock.advance(PROBE);

        worker.runOnce();

        SiteDeliveryState state = queue.siteState(SITE).orElseThrow(AssertionError::new);
        assertEquals(Arrays.asList(false, null, null), Arrays.asList(state.paused(), state.reason(), state.lastHttpStatus()));
    }

    @Test
    void siteWithoutSenderKeepsItsRowsQueued() {
        enqueue("1001");
        senders.remove(SITE);

        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 0, 0), List.of(r.status(), r.attempts(), r.version()));
    }

    @Test
    void siteSwitchedOnAgainIsDeliveredAfterTheRecheckInterval() {
        enqueue("1001");
        senders.remove(SITE);
        worker.runOnce();

        senders.put(SITE, sender);
        clock.advance(queue.settings().disabledSiteRecheckInterval());
        worker.runOnce();

        assertEquals(QueueStatus.SENT, row("1001").status());
    }

    // ------------------------------------------------------------------ bodies built at send time

    /** Builds {@code payload(orderKey)} from a reference "ref-<key>"; counts its calls. */
    final AtomicInteger builds = new AtomicInteger();
    volatile PayloadBuilder builder = (site, operation, key, reference) -> {
        builds.incrementAndGet();
        assertEquals("ref-" + key, reference);
        return payload(key);
    };

    DeliveryWorker buildingWorker() {
        return new DeliveryWorker(queue, senders::get, submissionCheck, lowestJitter(),
                (site, operation, key, reference) -> builder.build(site, operation, key, reference));
    }

    void enqueueReference(String key) {
        submitted.add(key);
        assertTrue(queue.enqueueReference(SITE, CONVERT, key, "ref-" + key));
    }

    @Test
    void aReferenceRowIsSentWithTheBodyBuiltBeforeTheSendAndKeepsIt() {
        enqueueReference("1001");
        QueuedConversion queued = row("1001");

        buildingWorker().runOnce();

        assertEquals(List.of("ref-1001", List.of("1001"), QueueStatus.SENT, payload("1001")),
                List.of(queued.reference(), sender.callKeys(), row("1001").status(), row("1001").payload()));
    }

    @Test
    void aBodyIsBuiltOnceAndRetriesSendTheSameBody() {
        enqueueReference("1001");
        sender.always(ScriptedSender.unavailable(null));
        DeliveryWorker w = buildingWorker();
        w.runOnce();
        sender.always(ScriptedSender.ok());

        clock.advance(Duration.ofHours(1));
        w.runOnce();

        assertEquals(List.of(1, 2, QueueStatus.SENT), List.of(builds.get(), sender.calls(), row("1001").status()));
    }

    @Test
    void aRowWhoseBodyCanNeverBeBuiltIsDiscardedWithTheReason() {
        enqueueReference("1001");
        builder = (site, operation, key, reference) -> {
            throw new PayloadUnavailableException("order 1001 has no usable e-mail address");
        };

        buildingWorker().runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.DISCARDED, "not sent: order 1001 has no usable e-mail address", 0, 1L),
                List.of(r.status(), r.lastError(), sender.calls(), queue.metrics().discardedUnbuildable()));
    }

    @Test
    void aBuilderFailureThatMayPassIsRetriedWithBackoff() {
        enqueueReference("1001");
        builder = (site, operation, key, reference) -> {
            throw new IllegalStateException("database unreachable");
        };

        buildingWorker().runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 1, clock.instant().plusSeconds(15), 0, 0L),
                List.of(r.status(), r.attempts(), r.nextAttemptAt(), sender.calls(), queue.metrics().ioFailures()));
        assertTrue(r.lastError().contains("database unreachable"), r.lastError());
    }

    @Test
    void rowsQueuedWithTheirBodyAreSentAsTheyAreByAWorkerThatBuildsBodies() {
        enqueue("1001");

        buildingWorker().runOnce();

        assertEquals(List.of(0, List.of("1001"), QueueStatus.SENT),
                List.of(builds.get(), sender.callKeys(), row("1001").status()));
    }

    @Test
    void theBodyIsNotBuiltBeforeTheOrderIsSubmitted() {
        assertTrue(queue.enqueueReference(SITE, CONVERT, "1001", "ref-1001"));

        buildingWorker().runOnce();

        assertEquals(List.of(0, QueueStatus.QUEUED, "ref-1001"),
                List.of(builds.get(), row("1001").status(), row("1001").reference()));
    }

    // ------------------------------------------------------------------ only submitted orders

    @Test
    void conversionOfAnOrderNotYetSubmittedIsDeferredWithoutSending() {
        queue.enqueue(SITE, CONVERT, "1001", payload("1001"));

        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(0, QueueStatus.QUEUED, 0, clock.instant().plusSeconds(1)),
                List.of(sender.calls(), r.status(), r.attempts(), r.nextAttemptAt()));
    }

    @Test
    void orderStillNotSubmittedAfterTheRecheckIntervalIsCheckedEvery15Seconds() {
        queue.enqueue(SITE, CONVERT, "1001", payload("1001"));
        clock.advance(Duration.ofSeconds(15));

        worker.runOnce();

        assertEquals(clock.instant().plusSeconds(15), row("1001").nextAttemptAt());
    }

    @Test
    void aRunningWorkerSendsAConversionWhoseOrderCommitsJustAfterTheWakeUp() {
        ConversionQueue slowPoll = new ConversionQueue(dataSource, settings("node-a").pollInterval(Duration.ofHours(1))
                .build(), clock);
        enqueue("first");
        DeliveryWorker w = start(worker(slowPoll));
        Await.until("the first row is SENT", Duration.ofSeconds(10), () -> countIn(QueueStatus.SENT) == 1);
        queue.enqueue(SITE, CONVERT, "second", payload("second"));   // its order is not committed yet
        w.wake();
        Await.until("the row was deferred", Duration.ofSeconds(5), () -> slowPoll.metrics().awaitingSubmission() == 1);

        submitted.add("second");
        clock.advance(Duration.ofSeconds(1));

        Await.until("the second row is SENT without waiting for the hourly poll", Duration.ofSeconds(5),
                () -> countIn(QueueStatus.SENT) == 2);
    }

    @Test
    void conversionIsSentOnceTheOrderIsSubmitted() {
        queue.enqueue(SITE, CONVERT, "1001", payload("1001"));
        worker.runOnce();

        submitted.add("1001");
        clock.advance(Duration.ofSeconds(15));
        worker.runOnce();

        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.SENT, clock.instant()), List.of(r.status(), r.confirmedAt()));
    }

    @Test
    void conversionOfAnOrderNeverSubmittedIsDiscardedAfterTheWindow() {
        queue.enqueue(SITE, CONVERT, "1001", payload("1001"));
        worker.runOnce();

        clock.advance(Duration.ofHours(1));
        worker.runOnce();

        assertEquals(List.of(QueueStatus.DISCARDED, 0), List.of(row("1001").status(), sender.calls()));
    }

    @Test
    void confirmedOrderIsNotCheckedAgainOnRetry() {
        enqueue("1001");
        sender.always(ScriptedSender.unavailable(null));
        worker.runOnce();
        sender.always(ScriptedSender.ok());

        clock.advance(Duration.ofMinutes(1));
        worker.runOnce();

        assertEquals(List.of(1, QueueStatus.SENT), List.of(submissionChecks.get(), row("1001").status()));
    }

    @Test
    void operationsOtherThanConvertAreNotChecked() {
        queue.enqueue(SITE, LeadOperation.UNSUBSCRIBE, "1001", payload("1001"));

        worker.runOnce();

        assertEquals(List.of(0, 1), List.of(submissionChecks.get(), sender.calls()));
    }

    // ------------------------------------------------------------------ leases and crashes

    /**
     * Node A (2 sender threads, at most 8 rows in flight) hangs in the sender on two rows, has
     * claimed six more for its threads, and dies; two rows were never claimed.
     */
    private ConversionQueue crashedNodeA() {
        for (int i = 0; i < 10; i++) {
            enqueue("o" + i);
        }
        BlockingSender hung = new BlockingSender(Integer.MAX_VALUE);
        blockers.add(hung);
        senders.put(SITE, hung);
        TestPool cable = db.newPool();
        DeliveryWorker nodeA = start(worker(new ConversionQueue(cable, queue.settings(), clock)));
        // A deadline, not a wait: generous because CI machines may be busy (it once ran out at 10 s there).
        Await.until("node A claimed eight rows, two of them in the sender", Duration.ofSeconds(30),
                () -> countIn(QueueStatus.SENDING) == 8 && hung.entered() == 2);
        // Node A dies: it loses its database for good and its threads end at once, so it can neither
        // give back the rows it claimed nor record anything.
        cable.cut();
        nodeA.stop(Duration.ZERO);
        senders.put(SITE, sender);
        return new ConversionQueue(db.newPool(), settings("node-b").build(), clock);
    }

    @Test
    void rowsOfACrashedNodeWaitForTheirLease() {
        ConversionQueue nodeB = crashedNodeA();

        clock.advance(LEASE.minusSeconds(1));

        assertEquals(2, worker(nodeB).runOnce());               // only the rows A never claimed
    }

    @Test
    void aNodeClaimsOnlyWhatItsThreadsAreAboutToSend() {
        for (int i = 0; i < 20; i++) {
            enqueue("o" + i);
        }
        BlockingSender hung = new BlockingSender(Integer.MAX_VALUE);
        blockers.add(hung);
        senders.put(SITE, hung);
        DeliveryWorker nodeA = start(worker(queue));
        Await.until("both threads are sending", Duration.ofSeconds(10), () -> hung.entered() == 2);
        Await.sleepQuietly(Duration.ofMillis(200));           // several poll intervals

        assertEquals(List.of(8L, 12L, 8), List.of(countIn(QueueStatus.SENDING), countIn(QueueStatus.QUEUED),
                nodeA.inFlight()));
    }

    @Test
    void aRestartedNodeTakesBackItsOwnClaimsAtOnce() {
        crashedNodeA();
        ConversionQueue restartedA = new ConversionQueue(db.newPool(), settings("node-a").build(), clock);

        start(worker(restartedA));

        Await.until("every row is SENT", Duration.ofSeconds(10), () -> countIn(QueueStatus.SENT) == 10);
        assertEquals(8L, restartedA.metrics().reclaimedLeases());
    }

    @Test
    void aRestartedNodeDoesNotTakeAnotherNodesClaims() {
        crashedNodeA();
        ConversionQueue nodeC = new ConversionQueue(db.newPool(), settings("node-c").build(), clock);

        start(worker(nodeC));

        Await.until("the unclaimed rows are SENT", Duration.ofSeconds(10), () -> countIn(QueueStatus.SENT) == 2);
        assertEquals(8L, countIn(QueueStatus.SENDING));
    }

    @Test
    void rowsOfACrashedNodeAreDeliveredByAnotherNodeAfterTheLease() {
        ConversionQueue nodeB = crashedNodeA();

        clock.advance(LEASE);
        worker(nodeB).runOnce();

        List<String> rows = queue.list(QueueFilter.all()).stream().map(r -> r.status() + "@" + r.claimedBy())
                .collect(Collectors.toList());
        assertEquals(java.util.Collections.nCopies(10, "SENT@node-b"), rows);
    }

    @Test
    void reclaimedLeasesAreCountedAsPossibleDuplicates() {
        ConversionQueue nodeB = crashedNodeA();

        clock.advance(LEASE);
        worker(nodeB).runOnce();

        assertEquals(8L, nodeB.metrics().reclaimedLeases());
    }

    @Test
    void aNodeThatComesBackTooLateCannotOverwriteTheNewOwnersOutcome() throws Exception {
        enqueue("1001");
        BlockingSender stalled = new BlockingSender(1);
        blockers.add(stalled);
        senders.put(SITE, stalled);
        Deliverer nodeA = new Deliverer(queue, senders::get, submissionCheck, lowestJitter());
        var claim = nodeA.claim(1).get(0);
        Thread sending = new Thread(() -> nodeA.deliver(claim));
        sending.start();
        Await.until("node A is in the sender", Duration.ofSeconds(10), () -> stalled.entered() == 1);
        clock.advance(LEASE);                                  // A stalls past its lease (no heartbeat here)
        senders.put(SITE, new ScriptedSender().always(ScriptedSender.unavailable(null)));
        ConversionQueue nodeB = new ConversionQueue(db.newPool(), settings("node-b").build(), clock);
        worker(nodeB).runOnce();                               // B: 503, row QUEUED for a retry

        stalled.release();                                     // A's call now "succeeds"
        sending.join(10_000);

        assertEquals(List.of(1L, QueueStatus.QUEUED), List.of(queue.metrics().lostLeases(), row("1001").status()));
    }

    @Test
    void claimThatWaitedLongLocallyRenewsItsLeaseBeforeSending() throws Exception {
        enqueue("1001");
        Deliverer deliverer = new Deliverer(queue, senders::get, submissionCheck, lowestJitter());
        var claim = deliverer.claim(1).get(0);

        clock.advance(LEASE.minus(queue.settings().sendTimeout()));
        deliverer.deliver(claim);

        assertEquals(QueueStatus.SENT, row("1001").status());
    }

    @Test
    void claimWhoseLeaseWasTakenOverIsNotSent() throws Exception {
        enqueue("1001");
        Deliverer deliverer = new Deliverer(queue, senders::get, submissionCheck, lowestJitter());
        var claim = deliverer.claim(1).get(0);
        clock.advance(LEASE);
        var other = new Deliverer(new ConversionQueue(db.newPool(), settings("node-b").build(), clock),
                senders::get, submissionCheck, lowestJitter());
        other.claim(1);                                        // node B holds it now

        deliverer.deliver(claim);

        assertEquals(List.of(0, QueueStatus.SENDING), List.of(sender.calls(), row("1001").status()));
    }

    // ------------------------------------------------------------------ worker threads

    @Test
    void aSendLongerThanTheLeaseKeepsItsRowWhileTheNodeLives() {
        enqueue("1001");
        BlockingSender slow = new BlockingSender(1);
        blockers.add(slow);
        senders.put(SITE, slow);
        start(worker(queue));
        Await.until("the send has started", Duration.ofSeconds(10), () -> slow.entered() == 1);

        clock.advance(LEASE.dividedBy(2));
        Await.until("the poller renewed the lease", Duration.ofSeconds(10), () -> queue.metrics().leaseRenewals() == 1);
        clock.advance(LEASE.dividedBy(2).plusSeconds(1));      // the first lease is over

        ConversionQueue nodeB = new ConversionQueue(db.newPool(), settings("node-b").build(), clock);
        assertEquals(0, worker(nodeB).runOnce());
    }

    @Test
    void wakeDeliversANewRowWithoutWaitingForThePoll() {
        ConversionQueue slowPoll = new ConversionQueue(dataSource, settings("node-a").pollInterval(Duration.ofHours(1))
                .build(), clock);
        enqueue("first");
        DeliveryWorker w = start(worker(slowPoll));
        Await.until("the first row is SENT", Duration.ofSeconds(10), () -> countIn(QueueStatus.SENT) == 1);
        enqueue("second");

        w.wake();

        Await.until("the second row is SENT", Duration.ofSeconds(5), () -> countIn(QueueStatus.SENT) == 2);
    }

    @Test
    void outcomesOfAStartedWorkerAreRecordedBeforeItsRowsLeaveFlight() {
        for (int i = 0; i < 30; i++) {
            enqueue("o" + i);
        }
        DeliveryWorker w = start(worker);

        Await.until("all rows are SENT", Duration.ofSeconds(20), () -> countIn(QueueStatus.SENT) == 30);
        Await.until("nothing is in flight", Duration.ofSeconds(5), () -> w.inFlight() == 0);
        assertEquals(30L, queue.metrics().delivered());
    }

    @Test
    void startedWorkerDeliversInTheBackground() {
        for (int i = 0; i < 30; i++) {
            enqueue("o" + i);
        }

        start(worker);

        Await.until("all rows are SENT", Duration.ofSeconds(20), () -> countIn(QueueStatus.SENT) == 30);
    }

    @Test
    void stoppedWorkerLeavesNoDeliveryThreads() {
        enqueue("1001");
        start(worker);
        Await.until("the row is SENT", Duration.ofSeconds(10), () -> countIn(QueueStatus.SENT) == 1);

        worker.stop();

        assertEquals(Set.of(), Await.deliveryThreads());
    }

    @Test
    void stopFinishesTheSendInFlightAndGivesBackRowsNotSentYet() throws Exception {
        ConversionQueue single = new ConversionQueue(dataSource, settings("node-a").workerThreads(1).batchSize(10)
                .maxInFlight(4).build(), clock);
        for (int i = 0; i < 10; i++) {
            enqueue("o" + i);
        }
        BlockingSender slow = new BlockingSender(1);
        blockers.add(slow);
        senders.put(SITE, slow);
        DeliveryWorker w = start(worker(single));
        Await.until("4 rows claimed (at most 4 in flight), one of them in the sender", Duration.ofSeconds(10),
                () -> countIn(QueueStatus.SENDING) == 4 && slow.entered() == 1);

        Executors.newSingleThreadScheduledExecutor().schedule(slow::release, 300, TimeUnit.MILLISECONDS);
        w.stop(Duration.ofSeconds(10));

        assertEquals(List.of(1L, 9L, 0L),
                List.of(countIn(QueueStatus.SENT), countIn(QueueStatus.QUEUED), countIn(QueueStatus.SENDING)));
    }

    @Test
    void workerPurgesOnStart() {
        enqueue("old");
        worker.runOnce();
        clock.advance(Duration.ofDays(31));

        start(worker);

        Await.until("the old SENT row is purged", Duration.ofSeconds(10),
                () -> queue.count(QueueFilter.all()) == 0);
    }

    // ------------------------------------------------------------------ operations API

    @Test
    void purgeDeletesOnlySentRowsOlderThanTheRetention() {
        enqueue("old-sent");
        enqueue("old-failed");
        sender.answering(key -> key.equals("old-failed")
                ? ScriptedSender.status(Kind.REJECTED, 400, "bad") : ScriptedSender.ok());
        worker.runOnce();
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        enqueue("new-sent");
        enqueue("queued");
        worker.runOnce();
        queue.discard(row("queued").id());  // discarded now: kept for the retention too

        assertEquals(1, queue.purgeExpired());
        assertEquals(List.of("queued", "new-sent", "old-failed"), queue.list(QueueFilter.all()).stream()
                .map(QueuedConversion::orderKey).collect(Collectors.toList()));
    }

    @Test
    void purgeWorksThroughMoreRowsThanOneBatch() {
        queue = new ConversionQueue(dataSource, settings("node-a").purgeBatchSize(2).build(), clock);
        for (int i = 0; i < 5; i++) {
            enqueue("o" + i);
        }
        worker(queue).runOnce();
        clock.advance(Duration.ofDays(31));

        assertEquals(List.of(5, 0L), List.of(queue.purgeExpired(), queue.count(QueueFilter.all())));
    }

    @Test
    void retryPutsAFailedRowBackInTheQueueDueNow() {
        enqueue("1001");
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "bad"));
        worker.runOnce();
        clock.advance(Duration.ofDays(4));

        assertTrue(queue.retry(row("1001").id()));
        QueuedConversion r = row("1001");
        assertEquals(List.of(QueueStatus.QUEUED, 0, clock.instant(), clock.instant()),
                List.of(r.status(), r.attempts(), r.nextAttemptAt(), r.queuedAt()));
    }

    @Test
    void retriedRowIsDelivered() {
        enqueue("1001");
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "bad"));
        worker.runOnce();
        queue.retry(row("1001").id());
        sender.always(ScriptedSender.ok());

        worker.runOnce();

        assertEquals(QueueStatus.SENT, row("1001").status());
    }

    @Test
    void retryOfARowThatDidNotFailIsRefused() {
        enqueue("1001");
        worker.runOnce();

        assertFalse(queue.retry(row("1001").id()));
    }

    @Test
    void discardedRowIsNeverSent() {
        enqueue("1001");

        assertTrue(queue.discard(row("1001").id()));
        worker.runOnce();

        assertEquals(List.of(QueueStatus.DISCARDED, 0), List.of(row("1001").status(), sender.calls()));
    }

    @Test
    void rowBeingSentCannotBeDiscarded() throws Exception {
        enqueue("1001");
        new Deliverer(queue, senders::get, submissionCheck, lowestJitter()).claim(1);

        assertEquals(List.of(false, QueueStatus.SENDING), List.of(queue.discard(row("1001").id()), row("1001").status()));
    }

    @Test
    void rowOfADeadNodeCanBeDiscardedOnceItsLeaseIsOver() throws Exception {
        enqueue("1001");
        new Deliverer(queue, senders::get, submissionCheck, lowestJitter()).claim(1);
        clock.advance(LEASE);

        assertEquals(List.of(true, QueueStatus.DISCARDED), List.of(queue.discard(row("1001").id()), row("1001").status()));
    }

    @Test
    void sentRowCannotBeDiscarded() {
        enqueue("1001");
        worker.runOnce();

        assertFalse(queue.discard(row("1001").id()));
    }

    @Test
    void countsByStatusAndSite() {
        enqueue("q1");
        enqueue("f1");
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "bad"));
        worker.runOnce();
        enqueue("q2");
        queue.enqueue(OTHER_SITE, CONVERT, "x", payload("x"));

        Map<QueueStatus, Long> total = queue.countByStatus();
        Map<String, Map<QueueStatus, Long>> bySite = queue.countBySite();
        assertEquals(List.of(2L, 2L, 1L, 0L),
                List.of(total.get(QueueStatus.FAILED), total.get(QueueStatus.QUEUED),
                        bySite.get(OTHER_SITE).get(QueueStatus.QUEUED), bySite.get(OTHER_SITE).get(QueueStatus.SENT)));
    }

    @Test
    void oldestPendingAgeIsMeasuredFromTheOldestQueuedRow() {
        assertFalse(queue.oldestPendingAge().isPresent());
        enqueue("1");
        clock.advance(Duration.ofMinutes(7));
        enqueue("2");
        clock.advance(Duration.ofMinutes(3));

        assertEquals(Duration.ofMinutes(10), queue.oldestPendingAge().get());
    }

    @Test
    void listFiltersAndPagesNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            enqueue("o" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        queue.enqueue(OTHER_SITE, CONVERT, "o9", payload("o9"));

        QueueFilter site1 = QueueFilter.all().withSite(SITE).withStatus(QueueStatus.QUEUED);
        List<String> page2 = queue.list(site1.page(2, 2)).stream().map(QueuedConversion::orderKey)
                .collect(Collectors.toList());
        assertEquals(List.of(List.of("o3", "o2"), 5L), List.of(page2, queue.count(site1)));
    }

    @Test
    void listFindsAnOrderByNumber() {
        enqueue("o1");
        enqueue("o2");

        List<QueuedConversion> found = queue.list(QueueFilter.all().withOrderKey("o2"));

        assertEquals(List.of("o2"), found.stream().map(QueuedConversion::orderKey).collect(Collectors.toList()));
    }

    @Test
    void longErrorIsTruncatedToTheColumn() {
        enqueue("1001");
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "x".repeat(5000)));

        worker.runOnce();

        String error = row("1001").lastError();
        assertNotNull(error);
        assertEquals(2000, error.length());
    }

    @Test
    void siteStatesAreEmptyWhileNothingWasEverPaused() {
        assertNull(queue.siteState(SITE).orElse(null));
    }
}
