package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.Claim;
import io.github.rejoinerbroadleaf.delivery.internal.Sql;
import io.github.rejoinerbroadleaf.delivery.internal.RowUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the queue on this node: one poller thread ({@code rejoiner-delivery-poller}) claims due
 * rows and records outcomes, and a fixed pool of sender threads ({@code rejoiner-delivery-1..N})
 * calls Rejoiner. Run one per node; nodes coordinate only through the database.
 *
 * <p><b>In flight.</b> The poller claims a row only when a sender thread can take it soon: at most
 * {@link DeliverySettings#maxInFlight()} rows are claimed and not yet recorded (waiting for a thread,
 * being sent, or answered and waiting for the next outcome write). Those are the only rows a crash
 * leaves behind.
 *
 * <p><b>Batched outcomes.</b> A sender thread hands its outcome to the poller and takes the next
 * row; the poller writes all outcomes collected since its last write in one transaction, as soon as
 * it has any (so the write of one batch overlaps the sends of the next). A row counts as in flight
 * until its outcome is written.
 *
 * <p><b>Wake-up.</b> {@link #wake()} (called by the store after a checkout commits) makes the poller
 * claim at once instead of at its next poll. Other nodes find the row at their next poll.
 *
 * <p><b>Leases.</b> A claim is leased for {@link DeliverySettings#leaseDuration()}; a send still
 * running at half its lease gets it renewed (heartbeat), and each send has a deadline of at most
 * half the lease ({@link DeliverySettings#sendTimeout()}), so a live node is never overtaken. When a
 * node dies, its rows in flight are taken over by other nodes when their lease expires, or at once
 * when a worker with the same node id starts again. Those rows may reach Rejoiner twice and are
 * counted in {@link DeliveryMetrics#reclaimedLeases()}; a timeout after the request was written is
 * the other such case ({@link DeliveryMetrics#ioFailures()}).
 *
 * <p>Lifecycle: {@link #start()} and {@link #stop()} (bind them to the application context). Stop
 * waits up to {@link DeliverySettings#shutdownTimeout()} for sends in flight, writes their outcomes,
 * gives back rows not yet sent, and leaves no thread behind unless a sender ignores interruption.
 *
 * <p>Longer than 300 lines on purpose: the poller, the sender tasks and the lifecycle share the
 * in-flight counters and the outcome list under one lock, and are only correct read together.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Longest wait of the poller while rows are in flight; bounds the heartbeat's reaction time. */
    private static final long WAIT_SLICE_MILLIS = 50;

    private final ConversionQueue queue;
    private final DeliverySettings settings;
    private final Deliverer deliverer;
    private final Object lifecycle = new Object();
    /** Guards the fields below it and is what the poller waits on. */
    private final Object signal = new Object();
    private List<Pending> outcomes = new ArrayList<Pending>();
    private boolean wakeRequested;

    /** Claimed rows not yet recorded or given back (the rows in flight). */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Claimed rows handed to the sender pool and not yet sent (waiting or being sent). */
    private final AtomicInteger unsent = new AtomicInteger();

    private volatile boolean running;
    private volatile boolean stopping;
    private Thread poller;
    private ThreadPoolExecutor senders;
    private NamedThreads threads;
    private CountDownLatch stopSignal;
    private Instant nextPurgeAt;

    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck) {
        this(queue, senders, submissionCheck, RetryPolicy.from(queue.settings()));
    }

    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            RetryPolicy retryPolicy) {
        this(queue, senders, submissionCheck, retryPolicy, null);
    }

    /** @param payloads builds the bodies of rows queued with {@link ConversionQueue#enqueueReference} */
    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            PayloadBuilder payloads) {
        this(queue, senders, submissionCheck, RetryPolicy.from(queue.settings()), payloads);
    }

    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            RetryPolicy retryPolicy, PayloadBuilder payloads) {
        this.queue = queue;
        this.settings = queue.settings();
        this.deliverer = new Deliverer(queue, senders, submissionCheck, retryPolicy, payloads);
    }

    /**
     * Starts the threads; no-op when running. The worker may be started again after {@link #stop()}.
     * Its first act is to take back the rows its node id still holds from a previous process.
     */
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            stopping = false;
            inFlight.set(0);
            unsent.set(0);
            synchronized (signal) {
                outcomes = new ArrayList<Pending>();
                wakeRequested = false;
            }
            stopSignal = new CountDownLatch(1);
            threads = new NamedThreads();
            senders = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 0L,
                    TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>(), threads);
            nextPurgeAt = queue.clock().instant();
            running = true;
            poller = new Thread(new Runnable() {
                @Override
                public void run() {
                    pollLoop();
                }
            }, "rejoiner-delivery-poller");
            poller.setDaemon(true);
            poller.start();
            LOG.info("Rejoiner delivery worker started: {}", settings);
        }
    }

    /**
     * Asks the poller to look for due rows now rather than at its next poll. Cheap and safe from
     * any thread, running or not; call it once a new row is committed.
     */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    /** {@link #stop(Duration)} with {@link DeliverySettings#shutdownTimeout()}. */
    public void stop() {
        stop(settings.shutdownTimeout());
    }

    /**
     * Stops claiming, lets sends in flight finish for up to {@code timeout}, writes their outcomes
     * and gives back claimed rows that were not sent yet. Sends still running after the timeout are
     * interrupted; their rows are re-sent after their lease (or when this node id starts again).
     * No-op when not running.
     */
    public void stop(Duration timeout) {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            running = false;
            stopping = true;
            stopSignal.countDown();
            wake();
            joinQuietly(poller, deadline);
            // Queued tasks still run, but only to give their rows back (they see `stopping`).
            senders.shutdown();
            int abandoned = 0;
            if (!awaitQuietly(senders, remainingNanos(deadline))) {
                for (Runnable never : senders.shutdownNow()) {
                    ((DeliveryTask) never).giveBack();
                }
                awaitQuietly(senders, TimeUnit.SECONDS.toNanos(1));
                abandoned = senders.getActiveCount();
            }
            if (abandoned == 0) {
                threads.join(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
            flushOutcomes();
            if (abandoned > 0 || poller.isAlive()) {
                LOG.warn("Rejoiner delivery worker stopped with {} sends still running; their rows are sent"
                        + " again after their lease ({})", abandoned, settings.leaseDuration());
            } else {
                LOG.info("Rejoiner delivery worker stopped");
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Rows this worker holds claimed and has not recorded yet (see the class comment). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Claims one batch and delivers it on the calling thread, writing each outcome at once; for
     * tests and an admin "deliver now". Safe to call while workers run anywhere in the cluster.
     *
     * @return the rows handled
     */
    public int runOnce() {
        List<Claim> claims;
        try {
            claims = deliverer.claim(settings.batchSize());
        } catch (SQLException e) {
            throw new QueueAccessException("Could not claim Rejoiner deliveries: " + e.getMessage(), e);
        }
        for (Claim claim : claims) {
            deliverer.deliver(claim);
        }
        return claims.size();
    }

    /** Renews the leases of long sends now; the poller does this on every turn. For tests. */
    void heartbeat() {
        deliverer.heartbeat();
    }

    private void pollLoop() {
        int failures = 0;
        boolean reclaimed = false;
        long nextClaimNanos = System.nanoTime();
        while (running) {
            boolean busy = false;
            try {
                if (!reclaimed) {
                    deliverer.reclaimOwn();
                    reclaimed = true;
                }
                busy |= flushOutcomes() > 0;
                Instant due = deliverer.takeSoonestDue();
                if (due != null) {
                    // A row put back for a moment (order not yet committed): claim it when due, not at the next poll.
                    long inNanos = Math.max(0, Duration.between(queue.clock().instant(), due).toNanos());
                    nextClaimNanos = Math.min(nextClaimNanos, System.nanoTime() + inNanos);
                }
                deliverer.heartbeat();
                purgeWhenDue();
                if (takeWakeUp()) {
                    nextClaimNanos = System.nanoTime();
                }
                int room = room();
                if (room > 0 && running && System.nanoTime() - nextClaimNanos >= 0) {
                    List<Claim> claims = deliverer.claim(room, true);
                    for (Claim claim : claims) {
                        dispatch(claim);
                    }
                    if (claims.size() < room) {
                        // The queue has nothing more due: poll again later, unless woken.
                        nextClaimNanos = System.nanoTime() + settings.pollInterval().toNanos();
                    }
                    busy |= !claims.isEmpty();
                }
                failures = 0;
            } catch (Exception e) {
                if (Sql.isRetryable(e)) {
                    // Two nodes' claims collided (deadlock victim); nothing was claimed, claim again.
                    LOG.debug("Rejoiner delivery poll rolled back by the database; claiming again", e);
                    continue;
                }
                if (failures++ == 0) {
                    LOG.warn("Rejoiner delivery poll failed; retrying every {}", settings.pollInterval(), e);
                } else {
                    LOG.debug("Rejoiner delivery poll failed again", e);
                }
                nextClaimNanos = System.nanoTime() + settings.pollInterval().toNanos();
                pause(settings.pollInterval());
                continue;
            }
            if (!busy) {
                idle(nextClaimNanos);
            }
        }
        flushOutcomes();
    }

    /**
     * Rows the poller claims now: the free places in flight, once half of them are free or a sender
     * thread would otherwise run dry, so that claims come in batches of a few rows (one transaction
     * each) without holding rows long before they are sent.
     */
    private int room() {
        int free = settings.maxInFlight() - inFlight.get();
        boolean starving = unsent.get() < settings.workerThreads();
        return free > 0 && (starving || free >= Math.max(1, settings.maxInFlight() / 2)) ? free : 0;
    }

    private boolean takeWakeUp() {
        synchronized (signal) {
            boolean w = wakeRequested;
            wakeRequested = false;
            return w;
        }
    }

    /** Waits for an outcome, a wake-up, the next poll or stop; in slices while rows are in flight. */
    private void idle(long nextClaimNanos) {
        long waitNanos = nextClaimNanos - System.nanoTime();
        if (inFlight.get() > 0) {
            waitNanos = Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS));
        }
        synchronized (signal) {
            if (!running || wakeRequested || !outcomes.isEmpty() || waitNanos <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(signal, waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Writes every outcome handed in since the last call in one transaction; returns how many. */
    private int flushOutcomes() {
        List<Pending> batch;
        synchronized (signal) {
            if (outcomes.isEmpty()) {
                return 0;
            }
            batch = outcomes;
            outcomes = new ArrayList<Pending>();
        }
        List<Claim> claims = new ArrayList<Claim>(batch.size());
        List<RowUpdate> updates = new ArrayList<RowUpdate>(batch.size());
        List<Instant> nows = new ArrayList<Instant>(batch.size());
        for (Pending p : batch) {
            claims.add(p.claim);
            updates.add(p.update);
            nows.add(p.now);
        }
        boolean[] won;
        try {
            won = deliverer.outcomes().finishAll(claims, updates, nows);
        } catch (SQLException | RuntimeException e) {
            if (running) {
                // Kept for the next turn: the rows stay SENDING (and in flight) until written.
                synchronized (signal) {
                    batch.addAll(outcomes);
                    outcomes = batch;
                }
                LOG.warn("Could not record {} Rejoiner outcomes; trying again", batch.size(), e);
                pause(Duration.ofMillis(Math.min(1000, settings.pollInterval().toMillis())));
                return 0;
            }
            LOG.warn("Could not record {} Rejoiner outcomes while stopping; their rows are sent again after their"
                    + " lease", batch.size(), e);
            inFlight.addAndGet(-batch.size());
            return 0;
        }
        for (int i = 0; i < batch.size(); i++) {
            inFlight.decrementAndGet();
            deliverer.recorded(claims.get(i), won[i], batch.get(i).then);
        }
        return batch.size();
    }

    /** The worker's recorder: outcomes wait for the poller's next write. */
    private final Deliverer.Recorder batched = new Deliverer.Recorder() {
        @Override
        public void finish(Claim claim, RowUpdate update, Instant now, Deliverer.Recorded then) {
            synchronized (signal) {
                outcomes.add(new Pending(claim, update, now, then));
                signal.notifyAll();
            }
        }
    };

    private void dispatch(Claim claim) {
        inFlight.incrementAndGet();
        unsent.incrementAndGet();
        DeliveryTask task = new DeliveryTask(claim);
        if (!running) {
            task.giveBack();
            return;
        }
        try {
            senders.execute(task);
        } catch (RejectedExecutionException e) {
            task.giveBack();
        }
    }

    private void purgeWhenDue() {
        Instant now = queue.clock().instant();
        if (now.isBefore(nextPurgeAt)) {
            return;
        }
        nextPurgeAt = now.plus(settings.purgeInterval());
        try {
            queue.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Purging old Rejoiner delivery rows failed; trying again in {}", settings.purgeInterval(), e);
        }
    }

    private void pause(Duration d) {
        try {
            stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void joinQuietly(Thread t, long deadline) {
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitQuietly(ThreadPoolExecutor executor, long nanos) {
        try {
            return executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }

    /** An outcome waiting for the poller's next write. */
    private static final class Pending {
        final Claim claim;
        final RowUpdate update;
        final Instant now;
        final Deliverer.Recorded then;

        Pending(Claim claim, RowUpdate update, Instant now, Deliverer.Recorded then) {
            this.claim = claim;
            this.update = update;
            this.now = now;
            this.then = then;
        }
    }

    /** One claimed row on its way through a sender thread; always accounts for its place in flight. */
    private final class DeliveryTask implements Runnable {
        private final Claim claim;

        DeliveryTask(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void run() {
            boolean handedOver = false;
            try {
                if (stopping) {
                    deliverer.release(claim);
                } else {
                    handedOver = deliverer.deliver(claim, batched);
                }
            } finally {
                unsent.decrementAndGet();
                if (!handedOver) {
                    inFlight.decrementAndGet();
                }
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        }

        void giveBack() {
            try {
                deliverer.release(claim);
            } finally {
                unsent.decrementAndGet();
                inFlight.decrementAndGet();
            }
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<Thread>();

        /** A terminated pool's threads may still be exiting; stop() waits for them to be gone. */
        void join(long deadline) {
            for (Thread t : made) {
                joinQuietly(t, deadline);
            }
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "rejoiner-delivery-" + count.incrementAndGet());
            made.add(t);
            // Daemon: a context that forgets stop() must not keep the JVM alive; leases cover the rows.
            t.setDaemon(true);
            return t;
        }
    }
}
