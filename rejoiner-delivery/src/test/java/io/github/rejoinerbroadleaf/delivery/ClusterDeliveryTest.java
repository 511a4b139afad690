package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.rejoinerbroadleaf.delivery.ScriptedSender.payload;
import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes (own pools, own threads, own node ids) drain one queue while conversions are still
 * being enqueued; the fake Rejoiner must see every order accepted exactly once. Some first
 * attempts fail transiently so that retries race with fresh claims too. Real clock.
 */
class ClusterDeliveryTest {

    private TestDatabase db;
    private final List<DeliveryWorker> workers = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        workers.forEach(w -> w.stop(Duration.ofSeconds(10)));
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoNodesOnPostgresDeliverTenThousandConversionsExactlyOnce() throws Exception {
        db = TestDatabase.postgres();
        assertEquals(Map.of(), lostOrDuplicated(10_000));
    }

    @Test
    void twoNodesOnMariaDbDeliverFiveThousandConversionsExactlyOnce() throws Exception {
        db = TestDatabase.mariadb();
        assertEquals(Map.of(), lostOrDuplicated(5_000));
    }

    @Test
    void twoNodesOnHsqldbDeliverEveryConversionExactlyOnce() throws Exception {
        db = TestDatabase.hsqldb();
        assertEquals(Map.of(), lostOrDuplicated(2_000));
    }

    /** @return order keys accepted other than once, with their count */
    private Map<String, Integer> lostOrDuplicated(int orders) throws Exception {
        QueueSchema.createIfMissing(db.newPool());
        java.util.Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        DeliveryOutcome unavailable = DeliveryOutcome.of(DeliveryOutcome.Kind.TRANSIENT, 503, "", null);
        ScriptedSender rejoiner = new ScriptedSender().answering(key ->
                Math.floorMod(key.hashCode(), 17) == 0 && failedOnce.add(key) ? unavailable : ScriptedSender.ok());
        List<ConversionQueue> nodes = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            ConversionQueue queue = new ConversionQueue(db.newPool(), DeliverySettings.builder().nodeId(node)
                    .pollInterval(Duration.ofMillis(20)).initialBackoff(Duration.ofMillis(10))
                    .maxBackoff(Duration.ofMillis(50)).build());
            nodes.add(queue);
            DeliveryWorker worker = new DeliveryWorker(queue, site -> rejoiner, SubmissionCheck.ALWAYS_SUBMITTED);
            workers.add(worker);
            worker.start();
        }

        ExecutorService checkout = Executors.newFixedThreadPool(2);
        List<Future<?>> enqueues = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            ConversionQueue queue = nodes.get(n);
            int first = n;
            enqueues.add(checkout.submit(() -> {
                for (int i = first; i < orders; i += 2) {
                    queue.enqueue("site-1", CONVERT, "order-" + i, payload("order-" + i));
                }
            }));
        }
        for (Future<?> f : enqueues) {
            f.get(180, TimeUnit.SECONDS);   // one commit per enqueue: slow on a busy disk
        }
        checkout.shutdown();
        Await.until(orders + " rows SENT", Duration.ofSeconds(180),
                () -> nodes.get(0).countByStatus().get(QueueStatus.SENT) == orders);

        Map<String, Integer> wrong = new TreeMap<>();
        for (int i = 0; i < orders; i++) {
            int accepted = rejoiner.acceptedFor("order-" + i);
            if (accepted != 1) {
                wrong.put("order-" + i, accepted);
            }
        }
        return wrong;
    }
}
