package io.github.rejoinerbroadleaf.boot;

import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's auto-configurations in an {@link ApplicationContextRunner}, and valid settings for them. */
final class StarterFixtures {

    static final String SITE_ID = "site-1";
    static final String API_KEY = "key-1";
    /** Distinctive, so that a test can search any output for it. */
    static final String API_SECRET = "s3cr3t-Never-Shown-7f2a";

    static final String[] VALID = {
            "rejoiner.site-id=" + SITE_ID,
            "rejoiner.domain=.shop.example",
            "rejoiner.api-key=" + API_KEY,
            "rejoiner.api-secret=" + API_SECRET,
    };

    private StarterFixtures() {
    }

    /** The four Rejoiner auto-configurations, no DataSource. */
    static ApplicationContextRunner rejoiner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                RejoinerAutoConfiguration.class, RejoinerDeliveryAutoConfiguration.class,
                RejoinerHealthAutoConfiguration.class, RejoinerMetricsAutoConfiguration.class));
    }

    /** As {@link #rejoiner()}, plus Boot's DataSource on a fresh in-memory H2 database. */
    static ApplicationContextRunner rejoinerWithH2() {
        return rejoiner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + h2Url());
    }

    static String h2Url() {
        return "jdbc:h2:mem:rj" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }
}
