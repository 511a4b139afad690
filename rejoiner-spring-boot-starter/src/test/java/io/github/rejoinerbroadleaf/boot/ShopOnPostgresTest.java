package io.github.rejoinerbroadleaf.boot;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.rejoinerbroadleaf.boot.shop.ShopApplication;

/**
 * The shop on the PostgreSQL server of {@code REJOINER_TEST_POSTGRES_URL}, in a schema of its own that
 * is dropped when the context closes. Skipped without the variable, failed without it on CI.
 */
@SpringBootTest(classes = {ShopApplication.class, ShopOnPostgresTest.DropSchema.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShopOnPostgresTest extends ShopApplicationTest {

    static final String POSTGRES_ENV = "REJOINER_TEST_POSTGRES_URL";
    static final FakeRejoiner REJOINER = new FakeRejoiner();
    static final String SCHEMA = "rj_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    @BeforeAll
    static void needsPostgres() {
        String url = System.getenv(POSTGRES_ENV);
        if (url == null || url.trim().isEmpty()) {
            String message = POSTGRES_ENV + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/rejoiner_test"
                    + "?user=rejoiner&password=rejoiner), so the shop cannot run on PostgreSQL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI must provide a PostgreSQL server");
            }
            Assumptions.assumeTrue(false, message + "; skipped");
        }
    }

    static String baseUrl() {
        return System.getenv(POSTGRES_ENV).trim();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        String base = baseUrl();
        shopProperties(registry, REJOINER, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void stopRejoiner() throws IOException {
        REJOINER.close();
    }

    @Override
    FakeRejoiner rejoiner() {
        return REJOINER;
    }

    /** Drops the test's schema once the worker has stopped (lifecycle stop precedes bean destruction). */
    @TestConfiguration(proxyBeanMethods = false)
    static class DropSchema {
        @Bean
        DisposableBean dropTestSchema(DataSource dataSource) {
            return () -> {
                try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
                }
            };
        }
    }
}
