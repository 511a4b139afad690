package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import org.springframework.transaction.support.TransactionSynchronizationAdapter;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's delivery worker once the current transaction commits (at once when there is
 * none), so that a conversion queued during checkout is sent as soon as its order is visible in the
 * database instead of at the next poll, and never before: a worker woken earlier would find the order
 * not yet SUBMITTED and put the row back for the recheck interval. A rolled-back checkout wakes no
 * one. Other nodes find the row at their next poll.
 */
public class CommitWakeUp {

    private final Runnable wake;

    public CommitWakeUp(final DeliveryWorker worker) {
        this(new Runnable() {
            @Override
            public void run() {
                worker.wake();
            }
        });
    }

    CommitWakeUp(Runnable wake) {
        this.wake = wake;
    }

    /** Registers the wake-up; never throws into the caller. */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronizationAdapter() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
    }
}
