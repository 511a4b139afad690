package io.github.rejoinerbroadleaf.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.QueueSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The queue gauges: what they read and how often they go to the database. */
class RejoinerMetricsTest {

    /** The time the test sets; queue and meters read it through {@link #clock}. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = mock(Clock.class);
    private ConversionQueue queue;
    private MeterRegistry registry;

    @BeforeEach
    void queueWithMeters() throws SQLException {
        when(clock.instant()).thenAnswer(invocation -> now.get());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(StarterFixtures.h2Url());
        QueueSchema.createIfMissing(ds);
        queue = new ConversionQueue(ds, DeliverySettings.defaults(), clock);
        registry = new SimpleMeterRegistry();
        new RejoinerMetrics(queue, clock).bindTo(registry);
    }

    private double backlog() {
        return registry.get("rejoiner.delivery.backlog").gauge().value();
    }

    @Test
    void backlogCountsQueuedRows() {
        queue.enqueue("s", LeadOperation.CONVERT, "1", "{}");
        queue.enqueue("s", LeadOperation.CONVERT, "2", "{}");
        assertThat(backlog()).isEqualTo(2.0);
    }

    @Test
    void theQueueIsReadAgainOnlyAfterTheInterval() {
        queue.enqueue("s", LeadOperation.CONVERT, "1", "{}");
        assertThat(backlog()).isEqualTo(1.0);
        queue.enqueue("s", LeadOperation.CONVERT, "2", "{}");
        assertThat(backlog()).as("within the interval").isEqualTo(1.0);
        now.set(now.get().plus(RejoinerMetrics.QUEUE_READ_INTERVAL));
        assertThat(backlog()).isEqualTo(2.0);
    }

    @Test
    void oldestAgeIsTheWaitOfTheOldestPendingRow() {
        queue.enqueue("s", LeadOperation.CONVERT, "1", "{}");
        now.set(now.get().plus(Duration.ofSeconds(42)));
        assertThat(registry.get("rejoiner.delivery.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(42.0);
    }
}
