package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the queue on this node: one poller thread ({@code rejoiner-delivery-poller}) claims due
 * rows in batches and hands them to a fixed pool of sender threads ({@code rejoiner-delivery-1..N}).
 * Run one per node; nodes coordinate only through the database.
 *
 * <p>Flow control: a node holds at most {@link DeliverySettings#batchSize()} claimed rows. The
 * poller claims again as soon as half of them are done, so the senders never starve while a backlog
 * drains, and sleeps {@link DeliverySettings#pollInterval()} when a poll found less than it could
 * take.
 *
 * <p>At-least-once: a row is marked SENT only after Rejoiner answered. If a node dies (or loses its
 * database connection) between Rejoiner's 2xx and that update, the row is still SENDING; once its
 * lease has expired another node claims it and sends it again. That duplicate window is one lease
 * long and is counted in {@link DeliveryMetrics#reclaimedLeases()}; a timeout after the request was
 * written is the other such window ({@link DeliveryMetrics#ioFailures()}).
 *
 * <p>Lifecycle: {@link #start()} and {@link #stop()} (bind them to the application context). Stop
 * waits up to {@link DeliverySettings#shutdownTimeout()} for sends in flight, gives back rows not
 * yet sent, and leaves no thread behind unless a sender ignores interruption.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Granularity of the poller's waits; short so that stop() is prompt. */
    private static final long WAIT_SLICE_MILLIS = 50;

    private final ConversionQueue queue;
    private final DeliverySettings settings;
    private final Deliverer deliverer;
    private final Object lifecycle = new Object();

    private volatile boolean running;
    private volatile boolean stopping;
    private volatile boolean crashed;
    private Thread poller;
    private ThreadPoolExecutor senders;
    private Semaphore capacity;
    private CountDownLatch stopSignal;
    private Instant nextPurgeAt;

    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck) {
        this(queue, senders, submissionCheck, RetryPolicy.from(queue.settings()));
    }

    public DeliveryWorker(ConversionQueue queue, LeadSenderProvider senders, SubmissionCheck submissionCheck,
            RetryPolicy retryPolicy) {
        this.queue = queue;
        this.settings = queue.settings();
        this.deliverer = new Deliverer(queue, senders, submissionCheck, retryPolicy);
    }

    /** Starts the threads; no-op when running. The worker may be started again after {@link #stop()}. */
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            stopping = false;
            crashed = false;
            capacity = new Semaphore(settings.batchSize());
            stopSignal = new CountDownLatch(1);
            senders = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 0L,
                    TimeUnit.MILLISECONDS, new LinkedBlockingQueue<Runnable>(), new NamedThreads());
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

    /** {@link #stop(Duration)} with {@link DeliverySettings#shutdownTimeout()}. */
    public void stop() {
        stop(settings.shutdownTimeout());
    }

    /**
     * Stops claiming, lets sends in flight finish for up to {@code timeout}, and gives back claimed
     * rows that were not sent yet. Sends still running after the timeout are interrupted; their rows
     * are re-sent after their lease. No-op when not running.
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

    /**
     * Claims one batch and delivers it on the calling thread; for tests and an admin "deliver now".
     * Safe to call while workers run anywhere in the cluster.
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

    /**
     * Simulates a node that dies: threads are interrupted, nothing is given back, claimed rows stay
     * SENDING until their lease expires. For tests only.
     */
    void crash() {
        synchronized (lifecycle) {
            crashed = true;
            running = false;
            stopSignal.countDown();
            senders.shutdownNow();
        }
    }

    private void pollLoop() {
        int failures = 0;
        while (running) {
            int permits = awaitCapacity();
            if (permits == 0) {
                continue;
            }
            int claimed = 0;
            try {
                purgeWhenDue();
                List<Claim> claims = deliverer.claim(permits);
                claimed = claims.size();
                capacity.release(permits - claimed);
                for (Claim claim : claims) {
                    dispatch(claim);
                }
                failures = 0;
            } catch (Exception e) {
                capacity.release(permits - claimed);
                if (failures++ == 0) {
                    LOG.warn("Rejoiner delivery poll failed; retrying every {}", settings.pollInterval(), e);
                } else {
                    LOG.debug("Rejoiner delivery poll failed again", e);
                }
            }
            if (claimed < permits) {
                pause(settings.pollInterval());
            }
        }
    }

    /** Waits until half a batch of capacity is free (or a poll interval passed with any free), then takes it. */
    private int awaitCapacity() {
        int refill = Math.max(1, settings.batchSize() / 2);
        long waitedMillis = 0;
        try {
            while (running) {
                if (capacity.tryAcquire(refill, WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return refill + capacity.drainPermits();
                }
                waitedMillis += WAIT_SLICE_MILLIS;
                if (waitedMillis >= settings.pollInterval().toMillis() && capacity.availablePermits() > 0) {
                    return capacity.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return 0;
    }

    private void dispatch(Claim claim) {
        DeliveryTask task = new DeliveryTask(claim);
        if (crashed) {
            return;
        }
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

    /** One claimed row on its way through a sender thread; always returns its capacity permit. */
    private final class DeliveryTask implements Runnable {
        private final Claim claim;
        private final Semaphore permits = capacity;

        DeliveryTask(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void run() {
            try {
                if (stopping) {
                    deliverer.release(claim);
                } else {
                    deliverer.deliver(claim);
                }
            } finally {
                permits.release();
            }
        }

        void giveBack() {
            try {
                deliverer.release(claim);
            } finally {
                permits.release();
            }
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "rejoiner-delivery-" + count.incrementAndGet());
            // Daemon: a context that forgets stop() must not keep the JVM alive; leases cover the rows.
            t.setDaemon(true);
            return t;
        }
    }
}
