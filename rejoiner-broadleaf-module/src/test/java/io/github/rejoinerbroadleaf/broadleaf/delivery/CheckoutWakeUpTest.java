package io.github.rejoinerbroadleaf.broadleaf.delivery;

import org.broadleafcommerce.core.checkout.service.CheckoutService;
import org.broadleafcommerce.core.checkout.service.exception.CheckoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.aop.framework.ProxyFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checkout's wake-up of the local worker comes after the checkout has saved the order: after
 * {@code CheckoutService.performCheckout} returns, or after the surrounding transaction commits.
 */
class CheckoutWakeUpTest {

    private final AtomicInteger wakes = new AtomicInteger();
    private final CheckoutWakeUp wakeUp = new CheckoutWakeUp(wakes::incrementAndGet);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void withoutATransactionTheWorkerIsWokenAtOnce() {
        wakeUp.orderQueued();

        assertEquals(1, wakes.get());
    }

    @Test
    void insideATransactionNothingHappensBeforeTheCommit() {
        TransactionSynchronizationManager.initSynchronization();

        wakeUp.orderQueued();

        assertEquals(0, wakes.get());
    }

    @Test
    void insideATransactionTheWorkerIsWokenAfterTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        wakeUp.orderQueued();

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCommit();
        }

        assertEquals(1, wakes.get());
    }

    @Test
    void aRolledBackTransactionWakesNoOne() {
        TransactionSynchronizationManager.initSynchronization();
        wakeUp.orderQueued();

        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }

        assertEquals(0, wakes.get());
    }

    private final List<String> events = new ArrayList<>();
    private final CheckoutWakeUp recordingWakeUp = new CheckoutWakeUp(() -> events.add("worker woken"));

    @Test
    void aCheckoutWakesTheWorkerOnlyAfterItSavedTheOrder() throws Exception {
        CheckoutService checkout = advised(recordingWakeUp, false);

        checkout.performCheckout(null);

        assertEquals(List.of("conversion queued", "order saved as SUBMITTED", "worker woken"), events);
    }

    @Test
    void aFailedCheckoutWakesNoOne() {
        CheckoutService checkout = advised(recordingWakeUp, true);

        assertThrows(CheckoutException.class, () -> checkout.performCheckout(null));
        assertEquals(List.of("conversion queued"), events);
    }

    /**
     * Broadleaf 3.1's performCheckout, advised as in bl-rejoiner-applicationContext.xml: the workflow
     * (where the activity queues the row) runs first, and the order is saved as SUBMITTED after it.
     */
    private CheckoutService advised(CheckoutWakeUp advice, boolean fails) {
        CheckoutService checkout = order -> {
            advice.orderQueued();
            events.add("conversion queued");
            if (fails) {
                throw new CheckoutException("payment declined", null);
            }
            events.add("order saved as SUBMITTED");
            return null;
        };
        ProxyFactory proxy = new ProxyFactory(checkout);
        proxy.addAdvice(advice);
        return (CheckoutService) proxy.getProxy();
    }
}
