package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationAdapter;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's delivery worker once the checkout that queued a conversion has really finished,
 * so that the conversion is sent at once instead of at the next poll, and never before its order is
 * saved: a worker woken earlier would find the order not yet SUBMITTED and wait for the recheck.
 *
 * <p>Broadleaf 3.1's {@code CheckoutService.performCheckout} is not one transaction: it runs the
 * checkout workflow (where the conversion activity queues the row) and only then saves the order as
 * SUBMITTED, in a transaction of its own. So this class is also the advice around
 * {@code performCheckout} (bean {@code blRejoinerCheckoutWakeUp}): a conversion queued inside it
 * wakes the worker when it returns normally (after the commit of a transaction that surrounds it,
 * if any). Outside an advised checkout (a store that runs the workflow itself) the worker is woken
 * after the current transaction commits, or at once when there is none. A checkout that fails wakes
 * no one; other nodes find the row at their next poll.
 */
public class CheckoutWakeUp implements MethodInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutWakeUp.class);

    private final Runnable wake;
    /** Set while an advised checkout runs on this thread; holds whether a conversion was queued in it. */
    private final ThreadLocal<boolean[]> checkout = new ThreadLocal<boolean[]>();

    public CheckoutWakeUp(final DeliveryWorker worker) {
        this(new Runnable() {
            @Override
            public void run() {
                worker.wake();
            }
        });
    }

    CheckoutWakeUp(Runnable wake) {
        this.wake = wake;
    }

    /** Called by the checkout activity once its row is queued; never throws into the caller. */
    public void orderQueued() {
        boolean[] queued = checkout.get();
        if (queued != null) {
            queued[0] = true;
        } else {
            afterCommit();
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (checkout.get() != null) {
            return invocation.proceed();
        }
        boolean[] queued = {false};
        checkout.set(queued);
        Object result;
        try {
            result = invocation.proceed();
        } finally {
            checkout.remove();
        }
        if (queued[0]) {
            afterCommit();
        }
        return result;
    }

    /** Wakes the worker after the current transaction commits, or at once when there is none. */
    private void afterCommit() {
        try {
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
        } catch (RuntimeException e) {
            // The row is queued; the next poll sends it.
            LOG.debug("Could not wake the Rejoiner delivery worker", e);
        }
    }
}
