package io.github.rejoinerbroadleaf.broadleaf.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checkout's wake-up of the local worker waits for the checkout transaction to commit. */
class CommitWakeUpTest {

    private final AtomicInteger wakes = new AtomicInteger();
    private final CommitWakeUp wakeUp = new CommitWakeUp(wakes::incrementAndGet);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void withoutATransactionTheWorkerIsWokenAtOnce() {
        wakeUp.afterCommit();

        assertEquals(1, wakes.get());
    }

    @Test
    void insideATransactionNothingHappensBeforeTheCommit() {
        TransactionSynchronizationManager.initSynchronization();

        wakeUp.afterCommit();

        assertEquals(0, wakes.get());
    }

    @Test
    void insideATransactionTheWorkerIsWokenAfterTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        wakeUp.afterCommit();

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCommit();
        }

        assertEquals(1, wakes.get());
    }

    @Test
    void aRolledBackTransactionWakesNoOne() {
        TransactionSynchronizationManager.initSynchronization();
        wakeUp.afterCommit();

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }

        assertEquals(0, wakes.get());
    }
}
