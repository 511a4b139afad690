package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sender that hangs until released, like a Rejoiner that stopped answering; it ignores
 * interruption, like a node that is gone and comes back far too late.
 */
final class BlockingSender implements LeadSender {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final AtomicInteger left = new AtomicInteger();
    private final int blockFirst;

    /** @param blockFirst how many calls hang; later calls answer at once */
    BlockingSender(int blockFirst) {
        this.blockFirst = blockFirst;
    }

    @Override
    public DeliveryOutcome send(LeadOperation operation, String jsonBody) {
        if (entered.incrementAndGet() <= blockFirst) {
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException ignored) {
                    // keep hanging
                }
            }
        }
        left.incrementAndGet();
        return ScriptedSender.ok();
    }

    void release() {
        release.countDown();
    }

    int entered() {
        return entered.get();
    }

    int left() {
        return left.get();
    }
}
