package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The admin's save and read over plain JDBC, on one database per subclass: every declared setting
 * gets its column (in a new table, or added to an older one) and round-trips typed by its kind, so
 * adding an admin-stored setting needs only its declaration.
 */
abstract class SettingsTableContract {

    private DataSource dataSource;
    private RejoinerSettingsDaoImpl dao;
    private String serverUrl;
    private String dropOnServer;

    /** A fresh, empty database (schema) of this kind, dropped by {@link #dropDatabase}. */
    abstract DataSource createDatabase() throws Exception;

    void dropDatabase() throws Exception {
        if (dropOnServer != null) {
            onServer(serverUrl, dropOnServer);
        }
    }

    /** The boolean column type an older version (Hibernate's schema update) created on this database. */
    abstract String olderBooleanType();

    @BeforeEach
    void open() throws Exception {
        dataSource = createDatabase();
        dao = new RejoinerSettingsDaoImpl(new JdbcSettingsTable(dataSource, 5));
    }

    @AfterEach
    void drop() throws Exception {
        dropDatabase();
    }

    @Test
    void everyDeclaredSettingRoundTripsThroughTheTableTheAdminCreates() {
        RejoinerSettingsRecord saved = record();
        Map<SettingKey, String> expected = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingsForm.editable()) {
            saved.setValue(key, sample(key.declaration()));
            expected.put(key, sample(key.declaration()));
        }
        dao.save(saved);

        RejoinerSettingsRecord read = dao.read(RejoinerSettingsRecord.DEFAULT_SITE);
        Map<SettingKey, String> actual = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingsForm.editable()) {
            actual.put(key, read.value(key));
        }
        assertEquals(expected, actual);
    }

    @Test
    void anOlderTableKeepsItsRowAndGainsTheColumnsOfNewDeclarations() throws Exception {
        execute("CREATE TABLE RJ_ADMIN_SETTINGS (SITE_KEY VARCHAR(100) NOT NULL, SITE_ID VARCHAR(100), API_SECRET VARCHAR(255),"
                + " TRACKING_ENABLED " + olderBooleanType() + ", RESTORE_LINK_DAYS INTEGER, UPDATED_AT TIMESTAMP,"
                + " UPDATED_BY VARCHAR(255), PRIMARY KEY (SITE_KEY))");
        execute("INSERT INTO RJ_ADMIN_SETTINGS (SITE_KEY, SITE_ID, API_SECRET, TRACKING_ENABLED, RESTORE_LINK_DAYS)"
                + " VALUES ('default', 'site-1', 's3cret', " + (olderBooleanType().startsWith("BIT") ? "0" : "FALSE") + ", 7)");

        RejoinerSettingsRecord record = dao.read(RejoinerSettingsRecord.DEFAULT_SITE);
        record.setValue(SettingKey.AUTOMATIC_PLACEMENT, "false");
        record.setValue(SettingKey.CONSENT_COOKIE, "consent");
        dao.save(record);

        Map<SettingKey, String> stored = new JdbcSettingsTable(dataSource, 5).read(RejoinerSettingsRecord.DEFAULT_SITE);
        assertEquals(Map.of(SettingKey.SITE_ID, "site-1", SettingKey.API_SECRET, "s3cret", SettingKey.TRACKING_ENABLED, "false",
                SettingKey.RESTORE_LINK_DAYS, "7", SettingKey.AUTOMATIC_PLACEMENT, "false", SettingKey.CONSENT_COOKIE, "consent"), stored);
    }

    @Test
    void aSecondSaveUpdatesTheRowAndAnUnsetValueClearsItsColumn() throws Exception {
        RejoinerSettingsRecord record = record();
        record.setValue(SettingKey.SITE_ID, "site-1");
        record.setValue(SettingKey.TRACKING_ENABLED, "false");
        record.setValue(SettingKey.RESTORE_LINK_DAYS, "9");
        dao.save(record);
        record.setValue(SettingKey.TRACKING_ENABLED, null);
        record.setValue(SettingKey.RESTORE_LINK_DAYS, null);
        dao.save(record);

        assertEquals(Map.of(SettingKey.SITE_ID, "site-1"), new JdbcSettingsTable(dataSource, 5).read(RejoinerSettingsRecord.DEFAULT_SITE));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM RJ_ADMIN_SETTINGS")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void nothingSavedReadsAsNoRow() {
        assertNull(dao.read(RejoinerSettingsRecord.DEFAULT_SITE));
    }

    private static RejoinerSettingsRecord record() {
        RejoinerSettingsRecord record = new RejoinerSettingsRecord();
        record.setSiteKey(RejoinerSettingsRecord.DEFAULT_SITE);
        return record;
    }

    /** A value of the setting's kind that fills its column to the declared length. */
    private static String sample(Setting s) {
        switch (s.kind()) {
            case FLAG:
                return "false";
            case NUMBER:
                return "12";
            default:
                StringBuilder sb = new StringBuilder(s.name());
                while (sb.length() < s.columnLength()) {
                    sb.append('x');
                }
                return sb.substring(0, s.columnLength());
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Creates this test's own schema or database on the shared server named by the variable
     * (skipped without it), dropped after the test; returns its name. The statements take it as {@code %s}.
     */
    final String createOnServer(String env, String create, String drop) throws SQLException {
        serverUrl = urlOrSkip(env);
        String name = "rj_settings_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        onServer(serverUrl, String.format(create, name));
        dropOnServer = String.format(drop, name);
        return name;
    }

    final String serverUrl() {
        return serverUrl;
    }

    /** Runs one statement on the server of the URL. */
    static void onServer(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The server URL from the environment; skipped without it, except on CI where it must be set. */
    static String urlOrSkip(String env) {
        String url = System.getenv(env);
        if (url == null || url.trim().isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(env + " is not set; CI must provide the server");
            }
            Assumptions.assumeTrue(false, env + " is not set; skipped");
        }
        return url.trim();
    }
}
