package io.github.rejoinerbroadleaf.delivery;

import java.time.Instant;

/**
 * A row of {@code RJ_SITE_DELIVERY_STATE}: whether a site's deliveries are paused because Rejoiner
 * refused its credentials (401/403) or configuration (404 and other 4xx), shared by all nodes.
 */
public final class SiteDeliveryState {

    /** Why a site is paused. */
    public enum Reason {
        CREDENTIALS,
        CONFIGURATION
    }

    private final String site;
    private final boolean paused;
    private final Reason reason;
    private final Instant pausedSince;
    private final Instant probeAt;
    private final Integer lastHttpStatus;
    private final String lastError;
    private final Instant updatedAt;

    public SiteDeliveryState(String site, boolean paused, Reason reason, Instant pausedSince, Instant probeAt,
            Integer lastHttpStatus, String lastError, Instant updatedAt) {
        this.site = site;
        this.paused = paused;
        this.reason = reason;
        this.pausedSince = pausedSince;
        this.probeAt = probeAt;
        this.lastHttpStatus = lastHttpStatus;
        this.lastError = lastError;
        this.updatedAt = updatedAt;
    }

    public String site() {
        return site;
    }

    public boolean paused() {
        return paused;
    }

    /** Why the site is or was last paused; null if it never was. */
    public Reason reason() {
        return reason;
    }

    public Instant pausedSince() {
        return pausedSince;
    }

    /** When the next probe may be sent while paused. */
    public Instant probeAt() {
        return probeAt;
    }

    public Integer lastHttpStatus() {
        return lastHttpStatus;
    }

    /** Rejoiner's answer that paused the site (or failed the last probe). */
    public String lastError() {
        return lastError;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "SiteDeliveryState{" + site + (paused ? ", PAUSED " + reason + " since " + pausedSince
                + ", probe at " + probeAt : ", active") + ", lastError='" + lastError + "'}";
    }
}
