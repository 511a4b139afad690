package io.github.rejoinerbroadleaf.delivery;

import okhttp3.HttpUrl;

import java.time.Duration;

/**
 * One delivery node in a JVM of its own, for {@link ProcessCrashTest}: a {@link DeliveryWorker} on
 * the given database sending over real HTTP to the given endpoint. Prints {@code READY} once
 * started and runs until killed, or until its standard input closes (the test ended).
 *
 * <p>Arguments: {@code jdbcUrl endpoint nodeId}.
 */
public final class CrashChild {

    static final Duration LEASE = Duration.ofSeconds(8);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        TestPool pool = new TestPool(args[0], null, null);
        DeliverySettings settings = DeliverySettings.builder().nodeId(args[2]).workerThreads(2)
                .pollInterval(Duration.ofMillis(100)).leaseDuration(LEASE).sendTimeout(CALL_TIMEOUT)
                .initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1)).build();
        ConversionQueue queue = new ConversionQueue(pool, settings);
        HttpTestSender http = new HttpTestSender(HttpUrl.get(args[1]), CALL_TIMEOUT);
        DeliveryWorker worker = new DeliveryWorker(queue, site -> http, SubmissionCheck.ALWAYS_SUBMITTED);
        worker.start();
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        worker.stop();
        System.exit(0);
    }
}
