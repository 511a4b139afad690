package io.github.rejoinerbroadleaf.delivery;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static io.github.rejoinerbroadleaf.core.LeadOperation.CONVERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checkout must never see an exception from the queue. */
class EnqueueSafetyTest {

    private static ConversionQueue queueOnBrokenDatabase() throws SQLException {
        DataSource broken = Mockito.mock(DataSource.class);
        Mockito.when(broken.getConnection()).thenThrow(new SQLTransientConnectionException("pool exhausted"));
        return new ConversionQueue(broken, DeliverySettings.defaults());
    }

    @Test
    void enqueueOnAFailingDatabaseAnswersFalseAndCountsTheFailure() throws Exception {
        ConversionQueue queue = queueOnBrokenDatabase();

        boolean queued = queue.enqueue("site", CONVERT, "1001", "{}");

        assertEquals(List.of(false, 1L), List.of(queued, queue.metrics().enqueueFailures()));
    }

    @Test
    void enqueueOfInvalidInputAnswersFalse() throws Exception {
        ConversionQueue queue = queueOnBrokenDatabase();

        List<Boolean> results = List.of(queue.enqueue(null, CONVERT, "1", "{}"), queue.enqueue("s", null, "1", "{}"),
                queue.enqueue("s", CONVERT, "", "{}"), queue.enqueue("s", CONVERT, "1", null),
                queue.enqueue("s".repeat(101), CONVERT, "1", "{}"));

        assertEquals(List.of(false, false, false, false, false), results);
    }

    @Test
    void operationsCallsReportDatabaseFailures() throws Exception {
        ConversionQueue queue = queueOnBrokenDatabase();

        assertThrows(QueueAccessException.class, queue::countByStatus);
    }

    @Test
    void workerPollFailureDoesNotKillTheWorker() throws Exception {
        ConversionQueue queue = queueOnBrokenDatabase();
        DeliveryWorker worker = new DeliveryWorker(queue, site -> null, SubmissionCheck.ALWAYS_SUBMITTED);

        worker.start();
        Thread.sleep(100);
        boolean running = worker.isRunning();
        worker.stop();

        assertEquals(List.of(true, java.util.Set.of()), List.of(running, Await.deliveryThreads()));
    }
}
