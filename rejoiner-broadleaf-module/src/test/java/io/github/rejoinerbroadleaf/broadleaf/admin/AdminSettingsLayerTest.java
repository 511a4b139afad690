package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin layer reads its row with plain JDBC, bounded in time; a failing or hanging read keeps
 * the last values read, and a store without the table simply has no admin values.
 */
class AdminSettingsLayerTest {

    private static final String URL = "jdbc:hsqldb:mem:admin-settings-layer";

    private final MovableClock clock = new MovableClock();
    private final SwitchableDataSource dataSource = new SwitchableDataSource(hsqldb());
    private AdminSettingsLayer layer;

    @BeforeEach
    void createTable() throws Exception {
        try (Connection c = hsqldb().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE RJ_ADMIN_SETTINGS IF EXISTS");
            // as an older version created it: no AUTOMATIC_PLACEMENT column
            st.executeUpdate("CREATE TABLE RJ_ADMIN_SETTINGS (SITE_KEY VARCHAR(100) PRIMARY KEY, SITE_ID VARCHAR(100),"
                    + " DOMAIN_NAME VARCHAR(255), API_SECRET VARCHAR(255), TRACKING_ENABLED BOOLEAN, RESTORE_LINK_DAYS INT)");
            st.executeUpdate("INSERT INTO RJ_ADMIN_SETTINGS VALUES ('default', 'site-1', '.shop.test', 's3cret', FALSE, 7)");
        }
        layer = new AdminSettingsLayer(new JdbcSettingsTable(dataSource, 1), "default", 200, clock);
    }

    @AfterEach
    void close() {
        dataSource.release();
        layer.close();
    }

    @Test
    void readsTheSavedRowAndLeavesMissingColumnsUnset() {
        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        assertEquals(".shop.test", layer.get(SettingKey.DOMAIN));
        assertEquals("false", layer.get(SettingKey.TRACKING_ENABLED));
        assertEquals("7", layer.get(SettingKey.RESTORE_LINK_DAYS));
        assertNull(layer.get(SettingKey.AUTOMATIC_PLACEMENT));
    }

    @Test
    void aStoreWithoutTheTableHasNoAdminValues() throws Exception {
        try (Connection c = hsqldb().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE RJ_ADMIN_SETTINGS");
        }

        assertNull(layer.get(SettingKey.SITE_ID));
    }

    @Test
    void aFailingReadKeepsTheLastValuesRead() {
        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        dataSource.fail.set(new SQLException("connection refused"));
        clock.advance(Duration.ofSeconds(2));

        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        assertEquals(1, dataSource.failures, "the read was tried again");
    }

    @Test
    void aHangingReadReturnsWithinTheTimeoutWithTheLastValues() {
        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        dataSource.hang = new CountDownLatch(1);
        clock.advance(Duration.ofSeconds(2));

        long started = System.nanoTime();
        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMillis < 2000, "waited " + waitedMillis + " ms with a 200 ms bound");
    }

    @Test
    void afterSavingTheAdminSeesTheNewRowAtOnce() throws Exception {
        assertEquals("site-1", layer.get(SettingKey.SITE_ID));
        try (Connection c = hsqldb().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE RJ_ADMIN_SETTINGS SET SITE_ID = 'site-2'");
        }
        layer.invalidate();

        assertEquals("site-2", layer.get(SettingKey.SITE_ID));
    }

    private static JDBCDataSource hsqldb() {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(URL);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** A data source that can be told to fail or to hang on the next connection. */
    private static final class SwitchableDataSource implements DataSource {
        final DataSource target;
        final AtomicReference<SQLException> fail = new AtomicReference<>();
        volatile CountDownLatch hang;
        volatile int failures;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        void release() {
            CountDownLatch h = hang;
            if (h != null) {
                h.countDown();
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            SQLException e = fail.get();
            if (e != null) {
                failures++;
                throw e;
            }
            CountDownLatch h = hang;
            if (h != null) {
                try {
                    h.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
