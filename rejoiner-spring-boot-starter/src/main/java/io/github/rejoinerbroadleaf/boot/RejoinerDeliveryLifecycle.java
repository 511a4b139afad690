package io.github.rejoinerbroadleaf.boot;

import org.springframework.context.SmartLifecycle;

import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;

/**
 * Starts the delivery worker with the application context and stops it (waiting for sends in flight,
 * giving back rows not yet sent) when the context closes. Phase 0: it starts before and stops after
 * the embedded web server, so checkouts still running at shutdown can queue their conversions.
 */
public class RejoinerDeliveryLifecycle implements SmartLifecycle {

    private final DeliveryWorker worker;

    public RejoinerDeliveryLifecycle(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public int getPhase() {
        return 0;
    }

    public DeliveryWorker worker() {
        return worker;
    }
}
