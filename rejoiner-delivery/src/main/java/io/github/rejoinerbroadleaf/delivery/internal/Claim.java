package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.time.Instant;

/**
 * A row this node has claimed: the snapshot plus the version and lease that prove the claim. Each
 * update of a claimed row names this version, so a node whose lease was taken over cannot overwrite
 * the new owner's outcome. Handed from the poller to one delivery thread at a time.
 */
public final class Claim {

    private final QueuedConversion row;
    private final boolean reclaimed;
    private final boolean probe;
    // Changed by the renewal before a send (sender thread) and by the heartbeat (poller), never at once.
    private volatile int version;
    private volatile Instant leaseUntil;

    public Claim(QueuedConversion row, int version, Instant leaseUntil, boolean reclaimed, boolean probe) {
        this.row = row;
        this.version = version;
        this.leaseUntil = leaseUntil;
        this.reclaimed = reclaimed;
        this.probe = probe;
    }

    public Claim asProbe() {
        return new Claim(row, version, leaseUntil, reclaimed, true);
    }

    public QueuedConversion row() {
        return row;
    }

    public long id() {
        return row.id();
    }

    public int version() {
        return version;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** True when the row was taken over from an expired lease of another (or a dead) claim. */
    public boolean reclaimed() {
        return reclaimed;
    }

    /** True when this row is the one probe sent for a paused site. */
    public boolean probe() {
        return probe;
    }

    void renewed(int newVersion, Instant newLease) {
        this.version = newVersion;
        this.leaseUntil = newLease;
    }

    @Override
    public String toString() {
        return "Claim{" + row + ", v" + version + ", lease " + leaseUntil + (probe ? ", probe" : "")
                + (reclaimed ? ", reclaimed" : "") + "}";
    }
}
