package io.github.rejoinerbroadleaf.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.SiteDeliveryState;

/**
 * UP while conversions can be delivered; DOWN while Rejoiner has paused a site's deliveries by
 * refusing its credentials (401/403) or site id (404), until a probe succeeds or an operator
 * resumes it. Details: {@code backlog} (rows queued or being sent), {@code oldestPendingAge} (ISO-8601)
 * and {@code oldestPendingAgeSeconds}, {@code failed} (dead letters), and {@code pausedSites}.
 * A database failure reports DOWN with the error. No key, secret or payload appears in the details.
 */
public class RejoinerHealthIndicator extends AbstractHealthIndicator {

    private final ConversionQueue queue;

    public RejoinerHealthIndicator(ConversionQueue queue) {
        super("Rejoiner delivery health check failed");
        this.queue = queue;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<QueueStatus, Long> counts = queue.countByStatus();
        List<Map<String, Object>> paused = new ArrayList<Map<String, Object>>();
        for (SiteDeliveryState state : queue.siteStates()) {
            if (state.paused()) {
                Map<String, Object> site = new LinkedHashMap<String, Object>();
                site.put("site", state.site());
                site.put("reason", String.valueOf(state.reason()));
                site.put("pausedSince", String.valueOf(state.pausedSince()));
                site.put("lastHttpStatus", state.lastHttpStatus());
                site.put("nextProbeAt", String.valueOf(state.probeAt()));
                paused.add(site);
            }
        }
        if (paused.isEmpty()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("backlog", counts.get(QueueStatus.QUEUED) + counts.get(QueueStatus.SENDING));
        Optional<Duration> oldest = queue.oldestPendingAge();
        if (oldest.isPresent()) {
            builder.withDetail("oldestPendingAge", oldest.get().toString());
            builder.withDetail("oldestPendingAgeSeconds", oldest.get().getSeconds());
        }
        builder.withDetail("failed", counts.get(QueueStatus.FAILED));
        if (!paused.isEmpty()) {
            builder.withDetail("pausedSites", paused);
        }
    }
}
