package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code -Dsample.db.url} alone picks the driver, dialect and schema handling; explicit -D values win. */
class SampleSettingsTest {

    private Properties saved;

    @BeforeEach
    void saveSystemProperties() {
        saved = (Properties) System.getProperties().clone();
        for (String key : List.of("sample.db.url", "sample.db.driver", "sample.db.user", "sample.db.password",
                "sample.db.validationQuery", "blPU.hibernate.hbm2ddl.auto", "blPU.hibernate.dialect",
                "blCMSStorage.hibernate.dialect", "blSecurePU.hibernate.dialect", "blCMSStorage.hibernate.hbm2ddl.auto",
                "blSecurePU.hibernate.hbm2ddl.auto")) {
            System.clearProperty(key);
        }
    }

    @AfterEach
    void restoreSystemProperties() {
        System.setProperties(saved);
    }

    @Test
    void theDefaultIsAnInMemoryDatabaseBuiltAfreshAtEveryStart() {
        SampleSettings.applyDefaults();

        assertEquals(List.of(SampleSettings.EMBEDDED_URL, "org.hsqldb.jdbcDriver", "org.hibernate.dialect.HSQLDialect",
                        "create-drop"),
                List.of(System.getProperty("sample.db.url"), System.getProperty("sample.db.driver"),
                        System.getProperty("blPU.hibernate.dialect"), System.getProperty("blPU.hibernate.hbm2ddl.auto")));
    }

    @Test
    void postgresUrlPicksItsDriverDialectAndTheUrlsCredentials() {
        assertEquals(List.of(SampleSettings.Database.POSTGRESQL, "rejoiner", "secret"), List.of(
                SampleSettings.Database.of("jdbc:postgresql://db:5432/shop?user=rejoiner&password=secret"),
                SampleSettings.urlParameter("jdbc:postgresql://db:5432/shop?user=rejoiner&password=secret", "user"),
                SampleSettings.urlParameter("jdbc:postgresql://db:5432/shop?user=rejoiner&password=secret", "password")));
    }

    @Test
    void mariaDbAndMysqlUrlsUseTheMariaDbDriverAndTheMysqlDialect() {
        assertEquals(List.of("org.mariadb.jdbc.Driver", "org.hibernate.dialect.MySQL5InnoDBDialect",
                        SampleSettings.Database.MARIADB),
                List.of(SampleSettings.Database.of("jdbc:mariadb://db/shop").driver,
                        SampleSettings.Database.of("jdbc:mariadb://db/shop").dialect,
                        SampleSettings.Database.of("jdbc:mysql://db/shop")));
    }

    @Test
    void anUnknownDatabaseIsRefusedWithTheSupportedOnesNamed() {
        assertThrows(IllegalArgumentException.class, () -> SampleSettings.Database.of("jdbc:oracle:thin:@db:1521:shop"));
    }

    @Test
    void theMavenStartedStoreTakesTheDatabaseFromTheEnvironment() {
        String url = "jdbc:hsqldb:file:" + tempDir() + "/fromenv";

        SampleSettings.applyDefaults(Map.of(SampleSettings.DB_URL_VARIABLE, url));

        assertEquals(List.of(url, "create"), List.of(System.getProperty("sample.db.url"),
                System.getProperty("blPU.hibernate.hbm2ddl.auto")));
    }

    @Test
    void aSystemPropertyBeatsTheEnvironmentsDatabase() {
        System.setProperty("sample.db.url", SampleSettings.EMBEDDED_URL);

        SampleSettings.applyDefaults(Map.of(SampleSettings.DB_URL_VARIABLE, "jdbc:postgresql://db/unused"));

        assertEquals(SampleSettings.EMBEDDED_URL, System.getProperty("sample.db.url"));
    }

    @Test
    void anExplicitHbm2ddlSettingWins() {
        System.setProperty("blPU.hibernate.hbm2ddl.auto", "validate");

        SampleSettings.applyDefaults();

        assertEquals("validate", System.getProperty("blPU.hibernate.hbm2ddl.auto"));
    }

    @Test
    void anEmptyPersistentDatabaseIsCreatedAndSeeded() {
        System.setProperty("sample.db.url", "jdbc:hsqldb:file:" + tempDir() + "/empty");

        SampleSettings.applyDefaults();

        assertEquals("create", System.getProperty("blPU.hibernate.hbm2ddl.auto"));
    }

    @Test
    void aPersistentDatabaseWithTheStoresTablesIsUpdatedNeverDropped() throws Exception {
        String url = "jdbc:hsqldb:file:" + tempDir() + "/existing";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE BLC_PRODUCT (PRODUCT_ID BIGINT)");
            st.execute("SHUTDOWN");
        }
        System.setProperty("sample.db.url", url);

        SampleSettings.applyDefaults();

        assertEquals("update", System.getProperty("blPU.hibernate.hbm2ddl.auto"));
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("sample-db").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
