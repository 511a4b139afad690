package io.github.rejoinerbroadleaf.boot;

import static io.github.rejoinerbroadleaf.boot.StarterFixtures.VALID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoinerWithH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** The health indicator and the meters, with Actuator present or not. */
class RejoinerActuatorTest {

    private MockWebServer rejoiner;

    @BeforeEach
    void startRejoiner() throws IOException {
        rejoiner = new MockWebServer();
        rejoiner.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopRejoiner() throws IOException {
        rejoiner.shutdown();
    }

    private ApplicationContextRunner runner() {
        return rejoinerWithH2().withPropertyValues(VALID).withPropertyValues(
                "rejoiner.api-url=" + rejoiner.url("/").toString(), "rejoiner.delivery.poll-interval=50ms");
    }

    private ApplicationContextRunner withMetrics() {
        return runner().withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
    }

    @Test
    void healthIsUpWithBacklogDetails() {
        runner().run(context -> {
            Health health = context.getBean("rejoinerHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("backlog", 0L).containsEntry("failed", 0L)
                    .doesNotContainKey("pausedSites");
        });
    }

    @Test
    void healthIsDownWhileRejoinerRefusesTheCredentials() {
        rejoiner.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"bad signature\"}"));
        runner().run(context -> {
            context.getBean(RejoinerConversions.class).convert("1001", RejoinerDeliveryAutoConfigurationTest.conversion());
            HealthIndicator indicator = context.getBean("rejoinerHealthIndicator", HealthIndicator.class);
            assertThat(Poll.until(Duration.ofSeconds(15), () -> indicator.health().getStatus().equals(Status.DOWN))).isTrue();
            Health health = indicator.health();
            assertThat(health.getDetails()).containsEntry("backlog", 1L).containsKey("oldestPendingAgeSeconds");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> paused = (List<Map<String, Object>>) health.getDetails().get("pausedSites");
            assertThat(paused).singleElement().satisfies(site -> {
                assertThat(site).containsEntry("site", "site-1").containsEntry("reason", "CREDENTIALS")
                        .containsEntry("lastHttpStatus", 401);
            });
        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner().withPropertyValues("management.health.rejoiner.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean("rejoinerHealthIndicator"));
    }

    @Test
    void withoutActuatorThereIsNoHealthIndicator() {
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("rejoinerHealthIndicator");
        });
    }

    @Test
    void withoutMicrometerThereAreNoMeters() {
        runner().withClassLoader(new FilteredClassLoader(MeterBinder.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RejoinerMetrics.class);
        });
    }

    @Test
    void metersCountADeliveryAndTimeItsCall() {
        rejoiner.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
        withMetrics().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(RejoinerConversions.class).convert("1001", RejoinerDeliveryAutoConfigurationTest.conversion());
            assertThat(Poll.until(Duration.ofSeconds(15),
                    () -> registry.get("rejoiner.delivery.sent").functionCounter().count() == 1)).isTrue();
            assertThat(registry.get("rejoiner.delivery.latency").tag("operation", "convert").tag("outcome", "delivered")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("rejoiner.delivery.enqueued").functionCounter().count()).isEqualTo(1);
        });
    }

    @Test
    void everyDocumentedMeterIsRegistered() {
        withMetrics().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            for (String counter : new String[] {"sent", "failed", "retried", "discarded", "enqueued"}) {
                assertThat(registry.find("rejoiner.delivery." + counter).functionCounter()).as(counter).isNotNull();
            }
            assertThat(registry.find("rejoiner.delivery.backlog").gauge()).isNotNull();
            assertThat(registry.find("rejoiner.delivery.oldest.age").timeGauge()).isNotNull();
        });
    }

    @Test
    void aRetriedCallIsCountedAsRetried() {
        rejoiner.enqueue(new MockResponse().setResponseCode(503));
        withMetrics().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(RejoinerConversions.class).convert("1001", RejoinerDeliveryAutoConfigurationTest.conversion());
            assertThat(Poll.until(Duration.ofSeconds(15),
                    () -> registry.get("rejoiner.delivery.retried").functionCounter().count() == 1)).isTrue();
            assertThat(registry.get("rejoiner.delivery.latency").tag("outcome", "transient").timer().count()).isEqualTo(1);
        });
    }
}
