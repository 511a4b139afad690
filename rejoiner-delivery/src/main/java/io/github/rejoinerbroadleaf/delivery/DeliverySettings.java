package io.github.rejoinerbroadleaf.delivery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Immutable tuning of the queue and its worker. Every value has a default that suits a store with a
 * few thousand orders a day; build with {@code DeliverySettings.builder()...build()}.
 *
 * <p>Longer than 300 lines only because it is a value with a builder: one field, bound check,
 * accessor and builder method per tuning value, no logic beyond the bounds between them.
 */
public final class DeliverySettings {

    private final int workerThreads;
    private final Duration pollInterval;
    private final int batchSize;
    private final int maxInFlight;
    private final Duration leaseDuration;
    private final Duration sendTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxAge;
    private final Duration probeInterval;
    private final int retentionDays;
    private final Duration purgeInterval;
    private final int purgeBatchSize;
    private final Duration submissionRecheckInterval;
    private final Duration submissionWindow;
    private final Duration disabledSiteRecheckInterval;
    private final Duration shutdownTimeout;
    private final String nodeId;

    private DeliverySettings(Builder b) {
        this.workerThreads = b.workerThreads;
        this.pollInterval = b.pollInterval;
        this.batchSize = b.batchSize;
        this.maxInFlight = b.maxInFlight > 0 ? b.maxInFlight
                : Math.max(b.workerThreads, Math.min(b.batchSize, 8 * b.workerThreads));
        this.leaseDuration = b.leaseDuration;
        this.sendTimeout = b.sendTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxAge = b.maxAge;
        this.probeInterval = b.probeInterval;
        this.retentionDays = b.retentionDays;
        this.purgeInterval = b.purgeInterval;
        this.purgeBatchSize = b.purgeBatchSize;
        this.submissionRecheckInterval = b.submissionRecheckInterval;
        this.submissionWindow = b.submissionWindow;
        this.disabledSiteRecheckInterval = b.disabledSiteRecheckInterval;
        this.shutdownTimeout = b.shutdownTimeout;
        this.nodeId = b.nodeId != null ? b.nodeId : defaultNodeId();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DeliverySettings defaults() {
        return builder().build();
    }

    /** Threads that call Rejoiner, named {@code rejoiner-delivery-N}. Default 2. */
    public int workerThreads() {
        return workerThreads;
    }

    /** Pause between polls when the last poll found less than a full batch. Default 5 s. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Most rows claimed in one statement by {@code DeliveryWorker.runOnce()}. Default 50. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The most rows a running worker holds claimed at once: rows waiting for a free sender thread,
     * rows being sent, and rows sent whose outcome is not yet written.
     * These are the rows "in flight": the only ones that wait for a lease (or for this node's
     * restart) when the node dies, and the only ones that may reach Rejoiner twice.
     * Default {@code min(batchSize, 8 x workerThreads)} (16), at least {@link #workerThreads()}: the
     * poller claims and writes outcomes in batches of about half of it, one commit each.
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * How long a claim protects a row from other nodes. At least twice {@link #sendTimeout()}, so
     * that a claim taken just before a send always outlives it; a running worker renews the leases of
     * sends still running at half the lease (heartbeat). A dead node's rows wait this long, unless
     * the node comes back with the same {@link #nodeId()}. Default 2 min.
     */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /**
     * The deadline of one {@code LeadSender.send} (for the module's HTTP sender: OkHttp's call
     * timeout, which covers connect, write and read). Before sending, a row whose lease has less
     * than this left gets its lease renewed. Default 30 s.
     */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** Backoff after the first transient failure; doubles per attempt. Default 30 s. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Cap of the exponential backoff. Default 1 h. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * A row whose transient failures (5xx, 429, timeouts) have gone on this long becomes FAILED.
     * Counted from the first failure of the current run ({@code RETRYING_SINCE}); time spent while
     * its site is paused (401/403/404) or while waiting for submission does not count. Default 3 days.
     */
    public Duration maxAge() {
        return maxAge;
    }

    /** While a site is paused, one row is sent as a probe this often. Default 5 min. */
    public Duration probeInterval() {
        return probeInterval;
    }

    /** SENT and DISCARDED rows are deleted this many days after they got there. Default 30. */
    public int retentionDays() {
        return retentionDays;
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** How often a worker purges. Default 1 h. */
    public Duration purgeInterval() {
        return purgeInterval;
    }

    /** Rows deleted per purge statement, so that purging never holds long locks. Default 500. */
    public int purgeBatchSize() {
        return purgeBatchSize;
    }

    /** Delay before asking {@link SubmissionCheck} again about an order not yet submitted. Default 15 s. */
    public Duration submissionRecheckInterval() {
        return submissionRecheckInterval;
    }

    /** An order not confirmed as submitted this long after enqueue is discarded. Default 1 h. */
    public Duration submissionWindow() {
        return submissionWindow;
    }

    /** How long a node skips a site whose {@link LeadSenderProvider} returned null. Default 1 min. */
    public Duration disabledSiteRecheckInterval() {
        return disabledSiteRecheckInterval;
    }

    /** How long {@code DeliveryWorker.stop()} waits for in-flight sends. Default 10 s. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Written to {@code CLAIMED_BY}; must be unique among running nodes. A worker that starts takes
     * back at once the rows its node id still holds (left by a previous process that died). Default
     * host name + random suffix, which never matches a previous process: give nodes a stable id.
     */
    public String nodeId() {
        return nodeId;
    }

    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String id = host + "-" + suffix;
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }

    @Override
    public String toString() {
        return "DeliverySettings{threads=" + workerThreads + ", poll=" + pollInterval + ", batch=" + batchSize
                + ", inFlight=" + maxInFlight + ", lease=" + leaseDuration + ", sendTimeout=" + sendTimeout + ", backoff=" + initialBackoff
                + ".." + maxBackoff + ", maxAge=" + maxAge + ", probe=" + probeInterval + ", retentionDays="
                + retentionDays + ", node=" + nodeId + "}";
    }

    /** Builder with the defaults documented on the getters. */
    public static final class Builder {
        private int workerThreads = 2;
        private Duration pollInterval = Duration.ofSeconds(5);
        private int batchSize = 50;
        private int maxInFlight;
        private Duration leaseDuration = Duration.ofMinutes(2);
        private Duration sendTimeout = Duration.ofSeconds(30);
        private Duration initialBackoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofHours(1);
        private Duration maxAge = Duration.ofDays(3);
        private Duration probeInterval = Duration.ofMinutes(5);
        private int retentionDays = 30;
        private Duration purgeInterval = Duration.ofHours(1);
        private int purgeBatchSize = 500;
        private Duration submissionRecheckInterval = Duration.ofSeconds(15);
        private Duration submissionWindow = Duration.ofHours(1);
        private Duration disabledSiteRecheckInterval = Duration.ofMinutes(1);
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private String nodeId;

        private Builder() {
        }

        public Builder workerThreads(int v) {
            this.workerThreads = v;
            return this;
        }

        public Builder pollInterval(Duration v) {
            this.pollInterval = v;
            return this;
        }

        public Builder batchSize(int v) {
            this.batchSize = v;
            return this;
        }

        /** 0 (the default) for {@code min(batchSize, 8 x workerThreads)}. */
        public Builder maxInFlight(int v) {
            this.maxInFlight = v;
            return this;
        }

        public Builder leaseDuration(Duration v) {
            this.leaseDuration = v;
            return this;
        }

        public Builder sendTimeout(Duration v) {
            this.sendTimeout = v;
            return this;
        }

        public Builder initialBackoff(Duration v) {
            this.initialBackoff = v;
            return this;
        }

        public Builder maxBackoff(Duration v) {
            this.maxBackoff = v;
            return this;
        }

        public Builder maxAge(Duration v) {
            this.maxAge = v;
            return this;
        }

        public Builder probeInterval(Duration v) {
            this.probeInterval = v;
            return this;
        }

        public Builder retentionDays(int v) {
            this.retentionDays = v;
            return this;
        }

        public Builder purgeInterval(Duration v) {
            this.purgeInterval = v;
            return this;
        }

        public Builder purgeBatchSize(int v) {
            this.purgeBatchSize = v;
            return this;
        }

        public Builder submissionRecheckInterval(Duration v) {
            this.submissionRecheckInterval = v;
            return this;
        }

        public Builder submissionWindow(Duration v) {
            this.submissionWindow = v;
            return this;
        }

        public Builder disabledSiteRecheckInterval(Duration v) {
            this.disabledSiteRecheckInterval = v;
            return this;
        }

        public Builder shutdownTimeout(Duration v) {
            this.shutdownTimeout = v;
            return this;
        }

        public Builder nodeId(String v) {
            this.nodeId = v;
            return this;
        }

        /** @throws IllegalArgumentException for values that would break delivery guarantees */
        public DeliverySettings build() {
            require(workerThreads >= 1 && workerThreads <= 64, "workerThreads must be 1..64");
            require(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000");
            require(maxInFlight == 0 || (maxInFlight >= workerThreads && maxInFlight <= 1000),
                    "maxInFlight must be 0 (default) or workerThreads..1000");
            require(retentionDays >= 1, "retentionDays must be >= 1");
            require(purgeBatchSize >= 1, "purgeBatchSize must be >= 1");
            positive(pollInterval, "pollInterval");
            positive(leaseDuration, "leaseDuration");
            positive(sendTimeout, "sendTimeout");
            positive(initialBackoff, "initialBackoff");
            positive(maxBackoff, "maxBackoff");
            positive(maxAge, "maxAge");
            positive(probeInterval, "probeInterval");
            positive(purgeInterval, "purgeInterval");
            positive(submissionRecheckInterval, "submissionRecheckInterval");
            positive(submissionWindow, "submissionWindow");
            positive(disabledSiteRecheckInterval, "disabledSiteRecheckInterval");
            positive(shutdownTimeout, "shutdownTimeout");
            require(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must be >= initialBackoff");
            // A lease shorter than two sends could expire while a healthy node is still waiting for
            // Rejoiner, and another node would send the same row a second time.
            require(leaseDuration.compareTo(sendTimeout.multipliedBy(2)) >= 0,
                    "leaseDuration (" + leaseDuration + ") must be at least twice sendTimeout (" + sendTimeout + ")");
            require(nodeId == null || (!nodeId.trim().isEmpty() && nodeId.length() <= 100),
                    "nodeId must be 1..100 characters");
            return new DeliverySettings(this);
        }

        private static void positive(Duration d, String name) {
            require(d != null && !d.isNegative() && !d.isZero(), name + " must be positive");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
