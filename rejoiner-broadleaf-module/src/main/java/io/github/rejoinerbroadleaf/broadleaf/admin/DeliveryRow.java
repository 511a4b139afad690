package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.time.Duration;
import java.time.Instant;

/** One line of the delivery log, ready to print. */
public final class DeliveryRow {

    private final long id;
    private final String site;
    private final String operation;
    private final String orderNumber;
    private final String status;
    private final int attempts;
    private final String lastHttpStatus;
    private final String lastError;
    private final String age;
    private final String node;
    private final boolean retryable;
    private final boolean discardable;

    DeliveryRow(QueuedConversion c, boolean sitePaused, Instant now) {
        this.id = c.id();
        this.site = c.site();
        this.operation = c.operation() == null ? "" : c.operation().name();
        this.orderNumber = c.orderKey();
        this.status = c.status() == QueueStatus.QUEUED && sitePaused ? "PAUSED" : c.status().name();
        this.attempts = c.attempts();
        this.lastHttpStatus = c.lastHttpStatus() == null ? "" : c.lastHttpStatus() == 0 ? "no answer"
                : c.lastHttpStatus().toString();
        String error = c.lastError() == null ? "" : c.lastError();
        this.lastError = error.length() > 200 ? error.substring(0, 200) + "..." : error;
        this.age = c.createdAt() == null ? "" : age(Duration.between(c.createdAt(), now));
        this.node = node(c, now);
        this.retryable = c.status() == QueueStatus.FAILED || c.status() == QueueStatus.DISCARDED;
        // A row being sent right now is not offered: the send may still reach Rejoiner. Once its lease
        // has expired (its node died) it may be discarded.
        this.discardable = c.status() == QueueStatus.QUEUED || c.status() == QueueStatus.FAILED
                || (c.status() == QueueStatus.SENDING && c.leaseUntil() != null && !c.leaseUntil().isAfter(now));
    }

    /**
     * The node sending a row, or that sent it, so that a cluster's operator sees which node holds
     * what; a SENDING row whose lease has run out belongs to a node that stopped.
     */
    static String node(QueuedConversion c, Instant now) {
        if (c.claimedBy() == null || (c.status() != QueueStatus.SENDING && c.status() != QueueStatus.SENT)) {
            return "";
        }
        if (c.status() == QueueStatus.SENDING && c.leaseUntil() != null && !c.leaseUntil().isAfter(now)) {
            return c.claimedBy() + " (lease expired)";
        }
        return c.claimedBy();
    }

    /** "just now", "5 min", "3 h 10 min", "2 d 4 h". */
    static String age(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    public long getId() {
        return id;
    }

    public String getSite() {
        return site;
    }

    public String getOperation() {
        return operation;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastHttpStatus() {
        return lastHttpStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public String getAge() {
        return age;
    }

    public String getNode() {
        return node;
    }

    public boolean isRetryable() {
        return retryable;
    }

    public boolean isDiscardable() {
        return discardable;
    }
}
