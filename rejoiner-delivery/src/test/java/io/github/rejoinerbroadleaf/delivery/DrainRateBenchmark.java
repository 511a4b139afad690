package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.LeadSender;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static io.github.rejoinerbroadleaf.delivery.ScriptedSender.payload;
import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;

/**
 * Informal drain rate: a backlog of 10 000 conversions on embedded HSQLDB drained by one worker
 * with default settings. Not part of the normal run: set {@code REJOINER_BENCH=true}, or run
 * {@link #main} with {@code -Xmx256m} to check the heap bound too.
 */
class DrainRateBenchmark {

    static final int BACKLOG = 10_000;

    @Test
    void drainBacklogWithoutHttp() throws Exception {
        Assumptions.assumeTrue("true".equals(System.getenv("REJOINER_BENCH")), "set REJOINER_BENCH=true to run");
        System.out.println(drain("no-op sender", (op, body) -> ScriptedSender.ok()));
    }

    @Test
    void drainBacklogToALocalHttpEndpoint() throws Exception {
        Assumptions.assumeTrue("true".equals(System.getenv("REJOINER_BENCH")), "set REJOINER_BENCH=true to run");
        System.out.println(drainOverHttp());
    }

    public static void main(String[] args) throws Exception {
        System.out.println(drain("no-op sender", (op, body) -> ScriptedSender.ok()));
        System.out.println(drainOverHttp());
        Runtime rt = Runtime.getRuntime();
        System.out.println("max heap " + rt.maxMemory() / (1 << 20) + " MB");
    }

    static String drainOverHttp() throws Exception {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(200).setBody("{}");
            }
        });
        server.start();
        HttpTestSender http = new HttpTestSender(server.url("/api/1.0/site/abc/"), Duration.ofSeconds(5));
        try {
            return drain("OkHttp to MockWebServer", http);
        } finally {
            http.close();
            server.shutdown();
        }
    }

    static String drain(String label, LeadSender sender) throws Exception {
        try (TestDatabase db = TestDatabase.hsqldb()) {
            DataSource ds = db.newPool();
            QueueSchema.createIfMissing(ds);
            ConversionQueue queue = new ConversionQueue(ds, DeliverySettings.defaults());
            long e0 = System.nanoTime();
            for (int i = 0; i < BACKLOG; i++) {
                queue.enqueue("site-1", CONVERT, "order-" + i, payload("order-" + i));
            }
            long enqueueNanos = System.nanoTime() - e0;
            DeliveryWorker worker = new DeliveryWorker(queue, site -> sender, SubmissionCheck.ALWAYS_SUBMITTED);
            long t0 = System.nanoTime();
            worker.start();
            while (queue.metrics().delivered() < BACKLOG) {
                Thread.sleep(5);
            }
            long drainNanos = System.nanoTime() - t0;
            worker.stop();
            Runtime rt = Runtime.getRuntime();
            return String.format("%s: enqueued %d in %d ms (%.0f us each), drained in %d ms = %.0f conversions/s,"
                            + " heap used %d MB", label, BACKLOG, enqueueNanos / 1_000_000,
                    enqueueNanos / 1000.0 / BACKLOG, drainNanos / 1_000_000, BACKLOG * 1e9 / drainNanos,
                    (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
        }
    }
}
