package io.github.rejoinerbroadleaf.boot;

import static io.github.rejoinerbroadleaf.boot.StarterFixtures.VALID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoinerWithH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;

/** The remaining beans an application can replace, and what follows from the queue's absence. */
class ReplaceableBeansTest {

    @Test
    void anApplicationQueueIsUsedAndTheStarterCreatesNoTables() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(OwnQueue.class).run(context -> {
            assertThat(context.getBean(ConversionQueue.class)).isSameAs(context.getBean("ownQueue"));
            assertThat(context.getBean(RejoinerConversions.class).queue()).isSameAs(context.getBean("ownQueue"));
            assertThat(hasQueueTable(context.getBean("dataSource", DataSource.class))).isFalse();
        });
    }

    @Test
    void anApplicationWorkerAndLifecycleReplaceTheStarters() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(OwnWorker.class).run(context -> {
            assertThat(context.getBean(DeliveryWorker.class)).isSameAs(context.getBean("ownWorker"));
            assertThat(context.getBean(RejoinerDeliveryLifecycle.class).worker()).isSameAs(context.getBean("ownWorker"));
        });
    }

    @Test
    void anApplicationHealthIndicatorNamedRejoinerReplacesTheStarters() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(OwnHealth.class).run(context -> {
            assertThat(context).doesNotHaveBean(RejoinerHealthIndicator.class);
            assertThat(context.getBean("rejoinerHealthIndicator", HealthIndicator.class).health().getDetails())
                    .containsEntry("own", true);
        });
    }

    @Test
    void anApplicationMetricsBeanReplacesTheStarters() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(OwnMetrics.class).run(context ->
                assertThat(context.getBean(RejoinerMetrics.class)).isSameAs(context.getBean("ownMetrics")));
    }

    @Test
    void withoutTheQueueThereIsNoHealthIndicatorAndNoMeters() {
        rejoinerWithH2().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RejoinerHealthIndicator.class);
            assertThat(context).doesNotHaveBean(RejoinerMetrics.class);
        });
    }

    private static boolean hasQueueTable(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM RJ_CONVERSION_QUEUE").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnQueue {
        @Bean
        ConversionQueue ownQueue() {
            JdbcDataSource elsewhere = new JdbcDataSource();
            elsewhere.setURL(StarterFixtures.h2Url());
            return new ConversionQueue(elsewhere, DeliverySettings.defaults());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnWorker {
        @Bean
        DeliveryWorker ownWorker(ConversionQueue queue) {
            return new DeliveryWorker(queue, site -> null, SubmissionCheck.ALWAYS_SUBMITTED);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealth {
        @Bean
        HealthIndicator rejoinerHealthIndicator() {
            return () -> Health.up().withDetail("own", true).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {
        @Bean
        RejoinerMetrics ownMetrics(ConversionQueue queue) {
            return new RejoinerMetrics(queue);
        }
    }
}
