package io.github.rejoinerbroadleaf.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link DeliveryStatusMXBean} of one node; {@link #register()} / {@link #unregister()} with the
 * application's lifecycle. Getters never throw: a database that cannot be read shows as -1.
 *
 * <p>This class registers an inner view rather than being the MXBean itself, so that a Spring
 * {@code MBeanExporter} with auto-detection (Broadleaf defines one) does not register the same bean
 * a second time under its own name and fail the start-up.
 */
public final class DeliveryStatus {

    public static final String DOMAIN = "io.github.rejoinerbroadleaf";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatus.class);
    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private final ConversionQueue queue;
    private final DeliveryWorker worker;
    private final MBeanServer server;
    private ObjectName registeredAs;

    private Snapshot snapshot;
    private final DeliveryStatusMXBean view = new View();

    public DeliveryStatus(ConversionQueue queue, DeliveryWorker worker) {
        this(queue, worker, ManagementFactory.getPlatformMBeanServer());
    }

    public DeliveryStatus(ConversionQueue queue, DeliveryWorker worker, MBeanServer server) {
        this.queue = queue;
        this.worker = worker;
        this.server = server;
    }

    public ObjectName objectName() {
        try {
            return new ObjectName(DOMAIN + ":type=Delivery,node=" + ObjectName.quote(queue.settings().nodeId()));
        } catch (Exception e) {
            throw new IllegalStateException("Invalid JMX name for node " + queue.settings().nodeId(), e);
        }
    }

    /** Registers the bean, replacing one of the same node id (a context that was restarted in place). */
    public synchronized void register() {
        ObjectName name = objectName();
        try {
            try {
                server.registerMBean(view, name);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(name);
                server.registerMBean(view, name);
            }
            registeredAs = name;
        } catch (Exception e) {
            LOG.warn("Could not register the Rejoiner delivery MBean {}; delivery is not affected", name, e);
        }
    }

    public synchronized void unregister() {
        if (registeredAs == null) {
            return;
        }
        try {
            server.unregisterMBean(registeredAs);
        } catch (Exception e) {
            LOG.debug("Rejoiner delivery MBean {} was unregistered already", registeredAs, e);
        }
        registeredAs = null;
    }

    /** The attributes, read by a monitoring tool. */
    public DeliveryStatusMXBean view() {
        return view;
    }

    private final class View implements DeliveryStatusMXBean {
        @Override
        public String getNodeId() {
            return queue.settings().nodeId();
        }

        @Override
        public boolean isRunning() {
            return worker != null && worker.isRunning();
        }

        @Override
        public long getQueuedRows() {
            return snapshot().count(QueueStatus.QUEUED);
        }

        @Override
        public long getSendingRows() {
            return snapshot().count(QueueStatus.SENDING);
        }

        @Override
        public long getSentRows() {
            return snapshot().count(QueueStatus.SENT);
        }

        @Override
        public long getFailedRows() {
            return snapshot().count(QueueStatus.FAILED);
        }

        @Override
        public long getDiscardedRows() {
            return snapshot().count(QueueStatus.DISCARDED);
        }

        @Override
        public long getOldestQueuedAgeSeconds() {
            return snapshot().oldestAgeSeconds;
        }

        @Override
        public int getInFlight() {
            return worker == null ? 0 : worker.inFlight();
        }

        @Override
        public long getSentCount() {
            return queue.metrics().delivered();
        }

        @Override
        public long getFailedCount() {
            return queue.metrics().failed();
        }

        @Override
        public long getRetriedCount() {
            return queue.metrics().retried();
        }

        @Override
        public long getDiscardedCount() {
            return queue.metrics().discarded() + queue.metrics().discardedUnsubmitted()
                    + queue.metrics().discardedUnbuildable();
        }

        @Override
        public long getReclaimedCount() {
            return queue.metrics().reclaimedLeases();
        }

        @Override
        public boolean isPaused() {
            return snapshot().pausedSites.length > 0;
        }

        @Override
        public String[] getPausedSites() {
            return snapshot().pausedSites.clone();
        }

        @Override
        public String getLastError() {
            return queue.metrics().lastError();
        }

        @Override
        public String getLastErrorTime() {
            Instant at = queue.metrics().lastErrorAt();
            return at == null ? null : at.toString();
        }
    }

    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.takenAt > CACHE_NANOS) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(long takenAt) {
        Snapshot s = new Snapshot(takenAt);
        try {
            s.counts = queue.countByStatus();
            s.oldestAgeSeconds = queue.oldestPendingAge().map(Duration::getSeconds).orElse(0L);
            List<String> paused = new ArrayList<String>();
            for (SiteDeliveryState state : queue.siteStates()) {
                if (state.paused()) {
                    paused.add(state.site() + ": " + state.reason() + " (HTTP " + state.lastHttpStatus() + ")");
                }
            }
            s.pausedSites = paused.toArray(new String[0]);
        } catch (RuntimeException e) {
            LOG.debug("Rejoiner delivery status could not be read", e);
        }
        return s;
    }

    private static final class Snapshot {
        final long takenAt;
        Map<QueueStatus, Long> counts;
        long oldestAgeSeconds = -1;
        String[] pausedSites = new String[0];

        Snapshot(long takenAt) {
            this.takenAt = takenAt;
        }

        long count(QueueStatus status) {
            return counts == null ? -1 : counts.get(status);
        }
    }
}
