package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated restore-link key: plain JDBC, its own table, created on first use, moved from a System Property. */
class GeneratedRestoreKeyStoreTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private JDBCDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:keys-" + UUID.randomUUID());
        dataSource.setUser("sa");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void createsItsTableAndOneKeyOnFirstUse() throws Exception {
        List<String> keys = new GeneratedRestoreKeyStore(dataSource, clock).keys();

        assertEquals(1, keys.size());
        assertEquals(43, keys.get(0).length()); // 32 random bytes, base64url without padding
        assertEquals(1, count("SELECT COUNT(*) FROM RJ_RESTORE_LINK_KEY"));
    }

    @Test
    void everyNodeReadsTheSameKeyAfterARestart() {
        String first = new GeneratedRestoreKeyStore(dataSource, clock).keys().get(0);

        assertEquals(first, new GeneratedRestoreKeyStore(dataSource, clock).keys().get(0));
    }

    @Test
    void twoKeysWrittenByRacingNodesAreBothAcceptedAndTheOldestSigns() throws Exception {
        sql("CREATE TABLE RJ_RESTORE_LINK_KEY (KEY_ID BIGINT NOT NULL, KEY_VALUE VARCHAR(100) NOT NULL, CREATED_AT TIMESTAMP, PRIMARY KEY (KEY_ID))");
        sql("INSERT INTO RJ_RESTORE_LINK_KEY VALUES (2, 'newer', TIMESTAMP '2026-01-02 00:00:00')");
        sql("INSERT INTO RJ_RESTORE_LINK_KEY VALUES (1, 'older', TIMESTAMP '2026-01-01 00:00:00')");

        assertEquals(List.of("older", "newer"), new GeneratedRestoreKeyStore(dataSource, clock).keys());
    }

    @Test
    void aKeyOfAnEarlierVersionIsMovedOutOfTheSystemProperties() throws Exception {
        sql("CREATE TABLE BLC_SYSTEM_PROPERTY (BLC_SYSTEM_PROPERTY_ID BIGINT PRIMARY KEY, PROPERTY_NAME VARCHAR(255), PROPERTY_VALUE VARCHAR(255))");
        sql("INSERT INTO BLC_SYSTEM_PROPERTY VALUES (1, '" + GeneratedRestoreKeyStore.PROPERTY_NAME + "', 'legacy-key')");

        assertEquals(List.of("legacy-key"), new GeneratedRestoreKeyStore(dataSource, clock).keys());
        assertEquals(0, count("SELECT COUNT(*) FROM BLC_SYSTEM_PROPERTY"));
    }

    @Test
    void aFailedRefreshKeepsTheKeysAlreadyKnown() throws Exception {
        MovableClock time = new MovableClock();
        GeneratedRestoreKeyStore store = new GeneratedRestoreKeyStore(dataSource, time);
        List<String> known = store.keys();
        sql("DROP TABLE RJ_RESTORE_LINK_KEY");
        sql("CREATE TABLE RJ_RESTORE_LINK_KEY (BROKEN INT)"); // every read now fails

        time.advance(Duration.ofMinutes(10));

        assertEquals(known, store.keys());
    }

    @Test
    void withoutADatabaseTheFailureNamesTheTable() {
        dataSource.setUrl("jdbc:hsqldb:mem:gone;ifexists=true");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GeneratedRestoreKeyStore(dataSource, clock).keys());
        assertTrue(e.getMessage().contains("RJ_RESTORE_LINK_KEY"), e.getMessage());
    }

    @Test
    void separateDatabasesGetDifferentKeys() throws Exception {
        String first = new GeneratedRestoreKeyStore(dataSource, clock).keys().get(0);
        database();

        assertNotEquals(first, new GeneratedRestoreKeyStore(dataSource, clock).keys().get(0));
    }
}
