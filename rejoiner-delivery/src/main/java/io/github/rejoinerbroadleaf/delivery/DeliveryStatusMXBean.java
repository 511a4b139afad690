package io.github.rejoinerbroadleaf.delivery;

/**
 * What operations watch over JMX, registered as
 * {@code io.github.rejoinerbroadleaf:type=Delivery,node=<node id>} by {@link DeliveryStatus}.
 * Row counts ({@code *Rows}, {@code OldestQueuedAgeSeconds}, {@code Paused*}) are the whole
 * queue's, shared by all nodes, read from the database at most once a second and -1 (or null) while
 * it cannot be read; {@code *Count} are this node's counters since it started.
 */
public interface DeliveryStatusMXBean {

    String getNodeId();

    boolean isRunning();

    /** Rows waiting for their first or next attempt. */
    long getQueuedRows();

    /** Rows claimed by a node (being sent, or held by a node that died until its lease ends). */
    long getSendingRows();

    long getSentRows();

    long getFailedRows();

    long getDiscardedRows();

    /** Age of the oldest QUEUED or SENDING row in seconds; 0 when none is waiting. */
    long getOldestQueuedAgeSeconds();

    /** Rows this node holds in flight (claimed, not yet recorded). */
    int getInFlight();

    long getSentCount();

    long getFailedCount();

    long getRetriedCount();

    /** Discarded by an operator through this node, or because the order was never submitted. */
    long getDiscardedCount();

    /** Rows taken over from an expired lease or a previous process of this node: possible duplicates. */
    long getReclaimedCount();

    /** True while any site is paused (Rejoiner refused its keys or configuration). */
    boolean isPaused();

    /** Paused sites as {@code site: REASON (HTTP status)}; empty when none. */
    String[] getPausedSites();

    /** The last failure this node saw (see {@link DeliveryMetrics#lastError()}), or null. */
    String getLastError();

    /** When {@link #getLastError()} happened, ISO-8601 UTC, or null. */
    String getLastErrorTime();
}
