package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.github.rejoinerbroadleaf.delivery.ScriptedSender.payload;
import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JMX view, read by attribute name as a monitoring tool does. */
class DeliveryStatusTest {

    private TestDatabase db;
    private TestClock clock;
    private ConversionQueue queue;
    private ScriptedSender sender;
    private DeliveryWorker worker;
    private MBeanServer server;
    private DeliveryStatus status;
    private ObjectName name;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.hsqldb();
        var ds = db.newPool();
        QueueSchema.createIfMissing(ds);
        clock = new TestClock();
        queue = new ConversionQueue(ds, DeliverySettings.builder().nodeId("shop-1:8080").build(), clock);
        sender = new ScriptedSender();
        worker = new DeliveryWorker(queue, site -> sender, SubmissionCheck.ALWAYS_SUBMITTED);
        server = MBeanServerFactory.newMBeanServer();
        status = new DeliveryStatus(queue, worker, server);
        status.register();
        name = new ObjectName("io.github.rejoinerbroadleaf:type=Delivery,node=\"shop-1:8080\"");
    }

    @AfterEach
    void tearDown() throws Exception {
        status.unregister();
        db.close();
    }

    private Object attr(String attribute) throws Exception {
        return server.getAttribute(name, attribute);
    }

    @Test
    void registersUnderTheModulesDomainWithTheNodeId() {
        assertTrue(server.isRegistered(name));
    }

    @Test
    void unregisterRemovesIt() {
        status.unregister();

        assertFalse(server.isRegistered(name));
    }

    @Test
    void backlogByStatusAndOldestQueuedAge() throws Exception {
        queue.enqueue("site-1", CONVERT, "a", payload("a"));
        sender.always(ScriptedSender.status(Kind.REJECTED, 400, "bad"));
        worker.runOnce();
        queue.enqueue("site-1", CONVERT, "b", payload("b"));
        queue.enqueue("site-1", CONVERT, "c", payload("c"));
        clock.advance(Duration.ofMinutes(2));

        assertEquals(List.of(2L, 0L, 0L, 1L, 0L, 120L),
                List.of(attr("QueuedRows"), attr("SendingRows"), attr("SentRows"), attr("FailedRows"),
                        attr("DiscardedRows"), attr("OldestQueuedAgeSeconds")));
    }

    @Test
    void counters() throws Exception {
        for (String key : List.of("ok", "retry", "dead", "gone")) {
            queue.enqueue("site-1", CONVERT, key, payload(key));
        }
        queue.discard(queue.find("site-1", CONVERT, "gone").get().id());
        sender.answering(key -> key.equals("retry") ? ScriptedSender.unavailable(null)
                : key.equals("dead") ? ScriptedSender.status(Kind.REJECTED, 400, "bad") : ScriptedSender.ok());
        worker.runOnce();

        assertEquals(List.of(1L, 1L, 1L, 1L),
                List.of(attr("SentCount"), attr("FailedCount"), attr("RetriedCount"), attr("DiscardedCount")));
    }

    @Test
    void pausedStateReasonAndLastError() throws Exception {
        queue.enqueue("site-1", CONVERT, "a", payload("a"));
        sender.always(ScriptedSender.status(Kind.CREDENTIALS, 403, "Forbidden"));
        worker.runOnce();

        assertEquals(Arrays.asList(true, List.of("site-1: CREDENTIALS (HTTP 403)"), "HTTP 403 for site site-1: Forbidden"),
                Arrays.asList(attr("Paused"), Arrays.asList((String[]) attr("PausedSites")), attr("LastError")));
    }

    @Test
    void unreadableDatabaseShowsMinusOneInsteadOfFailing() throws Exception {
        db.close();

        assertEquals(-1L, attr("QueuedRows"));
    }
}
