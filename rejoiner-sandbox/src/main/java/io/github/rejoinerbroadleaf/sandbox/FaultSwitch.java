package io.github.rejoinerbroadleaf.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault switch: what REST calls get instead of a normal answer, and how long a hang lasts.
 * A switch (or {@link #stop()}) releases every request held by {@link #hang()}. Thread-safe.
 */
final class FaultSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(FaultSwitch.class);

    private final Object lock = new Object();
    private FaultMode mode = FaultMode.NONE;
    private long hangMillis;
    /** Counts switches, so that a held request sees that the mode changed even if it changed back. */
    private long generation;
    private boolean stopped;

    FaultSwitch(long hangMillis) {
        requirePositive(hangMillis);
        this.hangMillis = hangMillis;
    }

    FaultMode mode() {
        synchronized (lock) {
            return mode;
        }
    }

    long hangMillis() {
        synchronized (lock) {
            return hangMillis;
        }
    }

    void set(FaultMode newMode, long newHangMillis) {
        if (newMode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        requirePositive(newHangMillis);
        synchronized (lock) {
            this.mode = newMode;
            this.hangMillis = newHangMillis;
            this.generation++;
            lock.notifyAll();
        }
        LOG.info("Rejoiner sandbox fault mode: {} (hang {} ms)", newMode.wireName(), newHangMillis);
    }

    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /** Holds the caller until the hang time passes, the mode changes, the switch stops or the thread is interrupted. */
    void hang() {
        synchronized (lock) {
            long deadline = System.nanoTime() + hangMillis * 1_000_000L;
            long started = generation;
            while (!stopped && started == generation) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
                if (remainingMillis <= 0) {
                    return;
                }
                try {
                    lock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static void requirePositive(long hangMillis) {
        if (hangMillis <= 0) {
            throw new IllegalArgumentException("hangMillis must be positive");
        }
    }
}
