package io.github.rejoinerbroadleaf.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliveryMetrics;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The delivery queue's meters:
 * <ul>
 * <li>{@code rejoiner.delivery.sent}, {@code .failed}, {@code .retried}, {@code .discarded},
 * {@code .enqueued}: counters of this node (discarded: orders never confirmed as submitted);</li>
 * <li>{@code rejoiner.delivery.backlog}: rows queued or being sent, all nodes;</li>
 * <li>{@code rejoiner.delivery.oldest.age}: how long the oldest of them has waited (seconds);</li>
 * <li>{@code rejoiner.delivery.latency}: duration of each REST call to Rejoiner, tagged
 * {@code operation} and {@code outcome} (delivered, rejected, credentials, configuration, transient).</li>
 * </ul>
 * The two queue gauges read the database at most every {@link #QUEUE_READ_INTERVAL}, and report NaN
 * while it cannot be read.
 */
public class RejoinerMetrics implements MeterBinder, DeliveryCallObserver {

    static final Duration QUEUE_READ_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RejoinerMetrics.class);

    private final ConversionQueue queue;
    private final Clock clock;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<MeterRegistry>();
    private Instant readAt;
    private double backlog = Double.NaN;
    private double oldestAgeSeconds = Double.NaN;

    public RejoinerMetrics(ConversionQueue queue) {
        this(queue, Clock.systemUTC());
    }

    /** @param clock decides when the queue gauges read the database again */
    public RejoinerMetrics(ConversionQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DeliveryMetrics m = queue.metrics();
        counter(registry, "rejoiner.delivery.sent", m, DeliveryMetrics::delivered, "Conversions Rejoiner accepted (this node)");
        counter(registry, "rejoiner.delivery.failed", m, DeliveryMetrics::failed,
                "Rows that became FAILED: rejected by Rejoiner or retried past the max age (this node)");
        counter(registry, "rejoiner.delivery.retried", m, DeliveryMetrics::retried,
                "Transient failures rescheduled with backoff (this node)");
        counter(registry, "rejoiner.delivery.discarded", m, DeliveryMetrics::discardedUnsubmitted,
                "Rows discarded because the order was never confirmed as submitted (this node)");
        counter(registry, "rejoiner.delivery.enqueued", m, DeliveryMetrics::enqueued, "Rows queued (this node)");
        Gauge.builder("rejoiner.delivery.backlog", this, RejoinerMetrics::backlog)
                .description("Rows queued or being sent (all nodes)").register(registry);
        TimeGauge.builder("rejoiner.delivery.oldest.age", this, TimeUnit.SECONDS, RejoinerMetrics::oldestAgeSeconds)
                .description("How long the oldest row queued or being sent has waited (all nodes)").register(registry);
        registries.add(registry);
    }

    @Override
    public void callFinished(LeadOperation operation, DeliveryOutcome outcome, Duration duration) {
        for (MeterRegistry registry : registries) {
            Timer.builder("rejoiner.delivery.latency")
                    .description("Duration of each REST call to Rejoiner")
                    .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome.kind().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .record(duration);
        }
    }

    private static void counter(MeterRegistry registry, String name, DeliveryMetrics metrics,
            ToDoubleFunction<DeliveryMetrics> count, String description) {
        FunctionCounter.builder(name, metrics, count).description(description).register(registry);
    }

    double backlog() {
        refresh();
        return backlog;
    }

    double oldestAgeSeconds() {
        refresh();
        return oldestAgeSeconds;
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        if (readAt != null && Duration.between(readAt, now).compareTo(QUEUE_READ_INTERVAL) < 0) {
            return;
        }
        readAt = now;
        try {
            Map<QueueStatus, Long> counts = queue.countByStatus();
            backlog = counts.get(QueueStatus.QUEUED) + counts.get(QueueStatus.SENDING);
            Optional<Duration> oldest = queue.oldestPendingAge();
            oldestAgeSeconds = oldest.isPresent() ? oldest.get().toMillis() / 1000.0 : 0;
        } catch (RuntimeException e) {
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            LOG.debug("Rejoiner queue gauges could not read the queue: {}", e.toString());
        }
    }
}
