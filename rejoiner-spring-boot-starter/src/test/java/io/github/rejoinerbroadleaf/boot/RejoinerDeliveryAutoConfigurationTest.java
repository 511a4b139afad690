package io.github.rejoinerbroadleaf.boot;

import static io.github.rejoinerbroadleaf.boot.StarterFixtures.VALID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.h2Url;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoiner;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoinerWithH2;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import io.github.rejoinerbroadleaf.delivery.LeadSenderProvider;
import io.github.rejoinerbroadleaf.delivery.QueueSchema;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;

/** The queue, its worker and RejoinerConversions: conditions, properties and replaceable beans. */
class RejoinerDeliveryAutoConfigurationTest {

    @Test
    void withoutADataSourceThereIsNoQueueButTheRestWorks() {
        rejoiner().withPropertyValues(VALID).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ConversionQueue.class);
            assertThat(context).doesNotHaveBean(RejoinerConversions.class);
            assertThat(context).hasSingleBean(RejoinerTracking.class);
        });
    }

    @Test
    void withADataSourceTheQueueWorkerAndConversionsApiAreThere() {
        rejoinerWithH2().withPropertyValues(VALID).run(context -> {
            assertThat(context).hasSingleBean(ConversionQueue.class);
            assertThat(context).hasSingleBean(DeliveryWorker.class);
            assertThat(context).hasSingleBean(RejoinerDeliveryLifecycle.class);
            assertThat(context.getBean(RejoinerConversions.class).site()).isEqualTo("site-1");
        });
    }

    @Test
    void theTablesAreCreatedAtStartUp() {
        rejoinerWithH2().withPropertyValues(VALID).run(context ->
                assertThat(context.getBean(ConversionQueue.class).countByStatus().get(QueueStatus.QUEUED)).isZero());
    }

    @Test
    void deliveryEnabledFalseLeavesTheQueueOut() {
        rejoinerWithH2().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ConversionQueue.class);
            assertThat(context).doesNotHaveBean(DeliveryWorker.class);
            assertThat(context).doesNotHaveBean(RejoinerConversions.class);
        });
    }

    @Test
    void withoutSchemaInitializationMissingTablesFailStartUpNamingTheProperty() {
        rejoinerWithH2().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.initialize-schema=false").run(context ->
                assertThat(RejoinerPropertiesTest.problems(context)).containsExactly("rejoiner.delivery.initialize-schema"));
    }

    @Test
    void withoutSchemaInitializationExistingTablesAreUsed() throws SQLException {
        String url = h2Url();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa"); // as Boot's DataSource connects
        QueueSchema.createIfMissing(ds);
        rejoiner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(VALID).withPropertyValues("spring.datasource.url=" + url,
                        "rejoiner.delivery.initialize-schema=false")
                .run(context -> assertThat(context).hasSingleBean(ConversionQueue.class));
    }

    @Test
    void severalDataSourcesWithoutAPrimaryOneMustBeChosenByName() {
        rejoiner().withPropertyValues(VALID).withUserConfiguration(TwoDataSources.class).run(context ->
                assertThat(RejoinerPropertiesTest.problems(context)).containsExactly("rejoiner.delivery.data-source"));
    }

    @Test
    void dataSourcePropertyPicksTheBean() {
        rejoiner().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.data-source=secondDataSource")
                .withUserConfiguration(TwoDataSources.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(hasQueueTable(context, "firstDataSource")).isFalse();
                    assertThat(hasQueueTable(context, "secondDataSource")).isTrue();
                });
    }

    @Test
    void aDataSourceNameThatIsNoBeanFailsStartUp() {
        rejoinerWithH2().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.data-source=nope").run(context ->
                assertThat(RejoinerPropertiesTest.problems(context)).containsExactly("rejoiner.delivery.data-source"));
    }

    @Test
    void deliveryTuningReachesTheSettings() {
        rejoinerWithH2().withPropertyValues(VALID).withPropertyValues("rejoiner.delivery.threads=3",
                "rejoiner.delivery.batch-size=20", "rejoiner.delivery.poll-interval=750ms", "rejoiner.delivery.max-age=12",
                "rejoiner.delivery.retention-days=9", "rejoiner.delivery.shutdown-timeout=4s").run(context -> {
                    DeliverySettings s = context.getBean(ConversionQueue.class).settings();
                    assertThat(s.workerThreads()).isEqualTo(3);
                    assertThat(s.batchSize()).isEqualTo(20);
                    assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(750));
                    assertThat(s.maxAge()).as("a bare number of max-age is hours").isEqualTo(Duration.ofHours(12));
                    assertThat(s.retentionDays()).isEqualTo(9);
                    assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(4));
                });
    }

    @Test
    void theWorkerRunsWithTheContextAndStopsWithIt() {
        ConfigurableApplicationContext[] kept = new ConfigurableApplicationContext[1];
        DeliveryWorker[] worker = new DeliveryWorker[1];
        rejoinerWithH2().withPropertyValues(VALID).run(context -> {
            worker[0] = context.getBean(DeliveryWorker.class);
            kept[0] = context.getSourceApplicationContext();
            assertThat(worker[0].isRunning()).isTrue();
        });
        assertThat(kept[0].isActive()).isFalse();
        assertThat(worker[0].isRunning()).isFalse();
    }

    @Test
    void conversionsAreQueuedOnceUnderTheSiteId() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(NothingSent.class).run(context -> {
            RejoinerConversions conversions = context.getBean(RejoinerConversions.class);
            assertThat(conversions.convert("1001", conversion())).isTrue();
            assertThat(conversions.convert("1001", conversion())).isFalse();
            assertThat(context.getBean(ConversionQueue.class).find("site-1", LeadOperation.CONVERT, "1001")).isPresent();
        });
    }

    @Test
    void withConversionsOffNothingIsQueued() {
        rejoinerWithH2().withPropertyValues("rejoiner.site-id=site-1", "rejoiner.conversions-enabled=false").run(context -> {
            assertThat(context.getBean(RejoinerConversions.class).convert("1001", conversion())).isFalse();
            assertThat(context.getBean(ConversionQueue.class).find("site-1", LeadOperation.CONVERT, "1001")).isEmpty();
        });
    }

    @Test
    void withConversionsOffTheWorkerHasNoSender() {
        rejoinerWithH2().withPropertyValues("rejoiner.site-id=site-1", "rejoiner.conversions-enabled=false").run(context ->
                assertThat(context.getBean(LeadSenderProvider.class).forSite("site-1")).isNull());
    }

    @Test
    void theDefaultSubmissionCheckTrustsTheCaller() {
        rejoinerWithH2().withPropertyValues(VALID).run(context ->
                assertThat(context.getBean(SubmissionCheck.class).isSubmitted("site-1", "any")).isTrue());
    }

    @Test
    void applicationBeansReplaceEveryDeliveryPiece() {
        rejoinerWithH2().withPropertyValues(VALID).withUserConfiguration(OwnDeliveryBeans.class).run(context -> {
            assertThat(context.getBean(SubmissionCheck.class)).isSameAs(OwnDeliveryBeans.CHECK);
            assertThat(context.getBean(LeadSenderProvider.class)).isSameAs(OwnDeliveryBeans.SENDERS);
            assertThat(context.getBean(DeliverySettings.class).workerThreads()).isEqualTo(5);
            assertThat(context.getBean(ConversionQueue.class).settings().workerThreads()).isEqualTo(5);
            assertThat(context.getBean(RejoinerConversions.class).site()).isEqualTo("own-site");
        });
    }

    static LeadConversion conversion() {
        return LeadConversion.builder().email("shopper@example.com").build();
    }

    private static boolean hasQueueTable(org.springframework.context.ApplicationContext context, String name) {
        try (Connection c = context.getBean(name, DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM RJ_CONVERSION_QUEUE").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource firstDataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(h2Url());
            return ds;
        }

        @Bean
        DataSource secondDataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(h2Url());
            return ds;
        }
    }

    /** Rows stay QUEUED: no site has a sender. */
    @Configuration(proxyBeanMethods = false)
    static class NothingSent {
        @Bean
        LeadSenderProvider noSender() {
            return site -> null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDeliveryBeans {
        static final SubmissionCheck CHECK = (site, order) -> false;
        static final LeadSenderProvider SENDERS = site -> null;

        @Bean
        SubmissionCheck ownCheck() {
            return CHECK;
        }

        @Bean
        LeadSenderProvider ownSenders() {
            return SENDERS;
        }

        @Bean
        DeliverySettings ownSettings() {
            return DeliverySettings.builder().workerThreads(5).build();
        }

        @Bean
        RejoinerConversions ownConversions(ConversionQueue queue) {
            return new RejoinerConversions(queue, "own-site", true);
        }
    }
}
