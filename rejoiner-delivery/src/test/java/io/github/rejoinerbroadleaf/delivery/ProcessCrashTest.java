package io.github.rejoinerbroadleaf.delivery;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.rejoinerbroadleaf.delivery.ScriptedSender.payload;
import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two delivery nodes in child JVMs ({@link CrashChild}) drain one queue on a real database through
 * a fake Rejoiner that answers slowly, hangs and drops connections; one node is killed with SIGKILL
 * while it is sending, then started again with the same node id. Every conversion must be accepted,
 * none lost, and the only duplicates allowed are rows the killed node had in flight (claimed and
 * not yet recorded) at the kill, read from the database right after it.
 *
 * <p>The fake's faults never lose an accepted call: a hang or a dropped connection happens before
 * the fake accepts the order (as a Rejoiner that failed would not have processed it), so every
 * duplicate it counts comes from the kill.
 */
class ProcessCrashTest {

    private static final int ORDERS = 300;

    private MockWebServer rejoiner;
    private TestDatabase db;
    private final List<Process> children = new ArrayList<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (rejoiner != null) {
            rejoiner.shutdown();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void killedNodeOnPostgresLosesNothingAndDuplicatesOnlyItsRowsInFlight() throws Exception {
        db = TestDatabase.postgres();
        killOneNodeMidDelivery();
    }

    @Test
    void killedNodeOnMariaDbLosesNothingAndDuplicatesOnlyItsRowsInFlight() throws Exception {
        db = TestDatabase.mariadb();
        killOneNodeMidDelivery();
    }

    private void killOneNodeMidDelivery() throws Exception {
        DataSource ds = db.newPool();
        QueueSchema.createIfMissing(ds);
        ConversionQueue queue = new ConversionQueue(ds, DeliverySettings.builder().nodeId("test").build());
        for (int i = 0; i < ORDERS; i++) {
            queue.enqueue("site-1", CONVERT, "order-" + i, payload("order-" + i));
        }
        long t0 = System.nanoTime();
        startFakeRejoiner();
        String endpoint = rejoiner.url("/api/1.0/site/abc/").toString();

        Process nodeA = child(endpoint, "node-a");
        child(endpoint, "node-b");
        System.out.printf("%s: enqueued, fake up, children ready after %.1f s%n", db.name(), (System.nanoTime() - t0) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acceptedTotal() < ORDERS / 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        nodeA.destroyForcibly();                       // SIGKILL: no shutdown hook, no give-back
        nodeA.waitFor(10, TimeUnit.SECONDS);
        int inFlightAtKill = claimedBy(ds, "node-a");
        System.out.printf("%s: killed after %.1f s%n", db.name(), (System.nanoTime() - t0) / 1e9);
        child(endpoint, "node-a");                     // same node id: takes its rows back at once
        System.out.printf("%s: node-a restarted after %.1f s%n", db.name(), (System.nanoTime() - t0) / 1e9);

        Await.until("every row is SENT", Duration.ofSeconds(40),
                () -> queue.countByStatus().get(QueueStatus.SENT) == ORDERS);
        System.out.printf("%s: %d orders, killed node-a with %d rows in flight; %d requests; drained %.1f s after the"
                + " enqueue%n", db.name(), ORDERS, inFlightAtKill, requests.get(), (System.nanoTime() - t0) / 1e9);
        Map<String, Integer> lost = new TreeMap<>();
        int duplicates = 0;
        for (int i = 0; i < ORDERS; i++) {
            int n = accepted.getOrDefault("order-" + i, new AtomicInteger()).get();
            if (n == 0) {
                lost.put("order-" + i, n);
            }
            duplicates += Math.max(0, n - 1);
        }
        assertEquals(Map.of(), lost);
        assertTrue(inFlightAtKill > 0 && inFlightAtKill <= 16,
                "the kill must hit a node with rows in flight, at most maxInFlight (16): " + inFlightAtKill);
        System.out.printf("%s: %d duplicates%n", db.name(), duplicates);
        assertTrue(duplicates <= inFlightAtKill, duplicates + " duplicates, " + inFlightAtKill + " in flight at the kill");
    }

    private void startFakeRejoiner() throws Exception {
        rejoiner = new MockWebServer();
        rejoiner.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String key = ScriptedSender.keyOf(request.getBody().readUtf8());
                int n = requests.incrementAndGet();
                if (n % 41 == 0) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);            // hang
                }
                if (n % 29 == 0) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST); // dropped
                }
                if (n % 31 == 0) {
                    return new MockResponse().setResponseCode(503).setHeader("Retry-After", "1");
                }
                accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                // Every answer takes a while, some much longer, so that sends are in flight at the kill.
                long delay = n % 9 == 0 ? 150 : 10;
                return new MockResponse().setResponseCode(200).setBody("{}")
                        .setHeadersDelay(delay, TimeUnit.MILLISECONDS);
            }
        });
        rejoiner.setServerSocketFactory(new NoDelayServerSockets());
        rejoiner.start();
    }

    private int acceptedTotal() {
        return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static int claimedBy(DataSource ds, String node) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM RJ_CONVERSION_QUEUE WHERE STATUS = 'SENDING' AND CLAIMED_BY = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Starts a node and waits for its READY line. */
    private Process child(String endpoint, String nodeId) throws Exception {
        List<String> command = List.of(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.url(), endpoint, nodeId);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (Exception ignored) {
                        // the child is gone
                    }
                }, "child-output-" + nodeId);
                drain.setDaemon(true);
                drain.start();
                return p;
            }
            seen.add(line);
        }
        throw new IllegalStateException("node " + nodeId + " did not start:\n" + String.join("\n", seen));
    }
}
