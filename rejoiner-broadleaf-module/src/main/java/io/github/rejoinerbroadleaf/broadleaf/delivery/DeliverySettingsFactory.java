package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.settings.StartupSetting;
import io.github.rejoinerbroadleaf.settings.StartupSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

/**
 * Builds {@link DeliverySettings} from the start-up settings ({@link StartupSetting}), keeping
 * every value inside bounds that preserve the delivery guarantees: a value outside them is clamped
 * and the clamp logged at WARN with the property's name, so that a typo never stops the store.
 *
 * <p>The one rule that matters most: the HTTP call deadline ({@code rejoiner.http.callTimeoutMillis},
 * which OkHttp applies to connect + write + read together) is the worker's send timeout and is at
 * most half the lease, so that a live node's send always ends before another node may take its row.
 */
public final class DeliverySettingsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySettingsFactory.class);

    static final Duration MIN_LEASE = Duration.ofSeconds(StartupSetting.DELIVERY_LEASE_SECONDS.declaration().min());
    static final Duration MAX_LEASE = Duration.ofSeconds(StartupSetting.DELIVERY_LEASE_SECONDS.declaration().max());
    static final Duration MIN_BACKOFF = Duration.ofSeconds(StartupSetting.DELIVERY_INITIAL_BACKOFF_SECONDS.declaration().min());
    static final Duration MAX_BACKOFF = Duration.ofSeconds(StartupSetting.DELIVERY_INITIAL_BACKOFF_SECONDS.declaration().max());
    static final Duration MIN_PROBE = Duration.ofSeconds(StartupSetting.DELIVERY_PROBE_INTERVAL_SECONDS.declaration().min());
    static final Duration MAX_PROBE = Duration.ofSeconds(StartupSetting.DELIVERY_PROBE_INTERVAL_SECONDS.declaration().max());
    static final Duration MIN_CALL = Duration.ofSeconds(1);

    private DeliverySettingsFactory() {
    }

    /** From the declared start-up settings ({@code rejoiner.delivery.*}, {@code rejoiner.http.callTimeoutMillis}). */
    public static DeliverySettings create(StartupSettings s) {
        return create(s.intNumber(StartupSetting.DELIVERY_THREADS), s.intNumber(StartupSetting.DELIVERY_BATCH_SIZE),
                s.number(StartupSetting.DELIVERY_POLL_INTERVAL_MILLIS), s.number(StartupSetting.DELIVERY_MAX_AGE_HOURS),
                s.intNumber(StartupSetting.DELIVERY_RETENTION_DAYS), s.number(StartupSetting.DELIVERY_LEASE_SECONDS),
                s.number(StartupSetting.DELIVERY_INITIAL_BACKOFF_SECONDS), s.number(StartupSetting.DELIVERY_PROBE_INTERVAL_SECONDS),
                s.text(StartupSetting.DELIVERY_NODE_ID), s.number(StartupSetting.HTTP_CALL_TIMEOUT_MILLIS));
    }

    /** The pre-1.x signature: defaults for everything it does not name. */
    public static DeliverySettings create(int workerThreads, int batchSize, long pollIntervalMillis,
                                          long maxAgeHours, int retentionDays) {
        return create(workerThreads, batchSize, pollIntervalMillis, maxAgeHours, retentionDays, 120, 30, 300, "",
                30000);
    }

    /**
     * @param leaseSeconds          {@code rejoiner.delivery.leaseSeconds}, 30..3600
     * @param initialBackoffSeconds {@code rejoiner.delivery.initialBackoffSeconds}, 1..3600
     * @param probeIntervalSeconds  {@code rejoiner.delivery.probeIntervalSeconds}, 10..3600
     * @param nodeId                {@code rejoiner.delivery.nodeId}; empty for {@link #defaultNodeId}
     * @param callTimeoutMillis     {@code rejoiner.http.callTimeoutMillis}; 0 (no limit) or more than
     *                              half the lease is clamped to half the lease
     */
    public static DeliverySettings create(int workerThreads, int batchSize, long pollIntervalMillis,
                                          long maxAgeHours, int retentionDays, long leaseSeconds,
                                          long initialBackoffSeconds, long probeIntervalSeconds, String nodeId,
                                          long callTimeoutMillis) {
        Duration lease = clamp("rejoiner.delivery.leaseSeconds", Duration.ofSeconds(leaseSeconds), MIN_LEASE, MAX_LEASE);
        Duration initialBackoff = clamp("rejoiner.delivery.initialBackoffSeconds",
                Duration.ofSeconds(initialBackoffSeconds), MIN_BACKOFF, MAX_BACKOFF);
        Duration probe = clamp("rejoiner.delivery.probeIntervalSeconds", Duration.ofSeconds(probeIntervalSeconds),
                MIN_PROBE, MAX_PROBE);
        return DeliverySettings.builder()
                .workerThreads(workerThreads)
                .batchSize(batchSize)
                .pollInterval(Duration.ofMillis(pollIntervalMillis))
                .maxAge(Duration.ofHours(maxAgeHours))
                .retentionDays(retentionDays)
                .leaseDuration(lease)
                .sendTimeout(callDeadline(callTimeoutMillis, lease))
                .initialBackoff(initialBackoff)
                .maxBackoff(MAX_BACKOFF)
                .probeInterval(probe)
                .nodeId(nodeId == null || nodeId.trim().isEmpty() ? defaultNodeId(System.getProperties(), System.getenv())
                        : nodeId.trim())
                .build();
    }

    /** The HTTP call deadline actually used: the configured one, at most half the lease, at least 1 s. */
    static Duration callDeadline(long callTimeoutMillis, Duration lease) {
        Duration half = lease.dividedBy(2);
        if (callTimeoutMillis <= 0 || Duration.ofMillis(callTimeoutMillis).compareTo(half) > 0) {
            LOG.warn("rejoiner.http.callTimeoutMillis={} is {} half the delivery lease ({} ms,"
                    + " rejoiner.delivery.leaseSeconds={}): a slower call could be sent again by another node while"
                    + " it is still running. Using {} ms.", callTimeoutMillis, callTimeoutMillis <= 0
                    ? "unlimited, not within" : "more than", half.toMillis(), lease.getSeconds(), half.toMillis());
            return half;
        }
        return Duration.ofMillis(Math.max(MIN_CALL.toMillis(), callTimeoutMillis));
    }

    /** A per-call timeout (connect, read, write) never longer than the call deadline. */
    public static long withinDeadline(long timeoutMillis, DeliverySettings settings) {
        long deadline = settings.sendTimeout().toMillis();
        return timeoutMillis <= 0 || timeoutMillis > deadline ? deadline : timeoutMillis;
    }

    /**
     * Host name and HTTP port ({@code server.port}, {@code PORT}), stable across restarts so that a
     * restarted node takes back its own unfinished rows at once. Without a known port two nodes on
     * one host would share an id, so a random suffix is used instead (then rows of a dead node wait
     * for their lease): set {@code rejoiner.delivery.nodeId} in that case.
     */
    static String defaultNodeId(java.util.Properties props, Map<String, String> env) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String port = props.getProperty("server.port");
        if (port == null || port.trim().isEmpty()) {
            port = env.get("PORT");
        }
        if (port == null || port.trim().isEmpty()) {
            String id = DeliverySettings.defaults().nodeId();
            LOG.info("Rejoiner delivery node id {} (random: set rejoiner.delivery.nodeId, or server.port, so that a"
                    + " restarted node takes back its unfinished deliveries at once)", id);
            return id;
        }
        String id = host + ":" + port.trim();
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }

    private static Duration clamp(String property, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            Duration used = value.compareTo(min) < 0 ? min : max;
            LOG.warn("{}={} s is outside {}..{} s; using {} s", property, value.getSeconds(), min.getSeconds(),
                    max.getSeconds(), used.getSeconds());
            return used;
        }
        return value;
    }
}
