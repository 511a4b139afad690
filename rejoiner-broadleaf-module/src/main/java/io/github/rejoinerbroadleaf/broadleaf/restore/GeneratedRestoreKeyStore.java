package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The restore-link key used when the store configures none: 32 random bytes generated once and
 * kept in the module's own table {@code RJ_RESTORE_LINK_KEY}, which no admin screen shows. Every
 * node of the store reads the same rows, and they survive restarts.
 *
 * <p>Read and written with plain JDBC on the module's data source ({@code blRejoinerDataSource}),
 * like the settings row and the delivery queue: the first read happens on a storefront request (a
 * cart's restore link), and a JPA transaction there could roll back and clear the request's
 * open-session-in-view EntityManager. The table is created here when it is missing, so the
 * storefront needs no persistence-unit entry.
 *
 * <p>Earlier versions kept the key as Broadleaf System Property {@value #PROPERTY_NAME}, readable and
 * editable in the admin's System Properties screen. On first use such a key is moved into the table
 * (outstanding links keep working) and the System Property row is deleted.
 *
 * <p>Two nodes starting for the very first time at the same moment may each write a row. All rows
 * are accepted, the oldest signs, and the list is re-read every few minutes, so the nodes converge
 * without a lock.
 */
public class GeneratedRestoreKeyStore {

    /** Name of the System Property that held the generated key in earlier versions (moved on first use). */
    public static final String PROPERTY_NAME = "rejoiner.restoreLinkKey.generated";
    static final String TABLE = "RJ_RESTORE_LINK_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedRestoreKeyStore.class);
    private static final long REFRESH_MILLIS = 5 * 60 * 1000L;
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final String CREATE = "CREATE TABLE " + TABLE
            + " (KEY_ID BIGINT NOT NULL, KEY_VALUE VARCHAR(100) NOT NULL, CREATED_AT TIMESTAMP, PRIMARY KEY (KEY_ID))";
    private static final String SELECT = "SELECT KEY_VALUE FROM " + TABLE + " ORDER BY CREATED_AT, KEY_ID";
    private static final String INSERT = "INSERT INTO " + TABLE + " (KEY_ID, KEY_VALUE, CREATED_AT) VALUES (?, ?, ?)";
    private static final String LEGACY_SELECT = "SELECT PROPERTY_VALUE FROM BLC_SYSTEM_PROPERTY WHERE PROPERTY_NAME = ?";
    private static final String LEGACY_DELETE = "DELETE FROM BLC_SYSTEM_PROPERTY WHERE PROPERTY_NAME = ?";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private volatile List<String> cached;
    private volatile long cachedAt;

    public GeneratedRestoreKeyStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public GeneratedRestoreKeyStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The generated keys, oldest (the signing one) first; never empty. Creates the key on first use. */
    public List<String> keys() {
        List<String> keys = cached;
        if (keys != null && clock.millis() - cachedAt < REFRESH_MILLIS) {
            return keys;
        }
        synchronized (this) {
            if (cached != null && clock.millis() - cachedAt < REFRESH_MILLIS) {
                return cached;
            }
            List<String> read;
            try {
                read = readOrCreate();
            } catch (SQLException | RuntimeException e) {
                if (cached != null) {
                    // a failed refresh keeps the keys already known (they cannot have been removed by the module)
                    LOG.warn("Could not re-read the generated restore-link keys; keeping the known ones: {}", e.toString());
                    cachedAt = clock.millis();
                    return cached;
                }
                throw new IllegalStateException("the generated restore-link key could not be read or stored in " + TABLE + ": " + e, e);
            }
            cached = Collections.unmodifiableList(read);
            cachedAt = clock.millis();
            return cached;
        }
    }

    private List<String> readOrCreate() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // each statement on its own: no transaction of ours left open on a pooled connection
            }
            if (!tableExists(c)) {
                try (Statement st = c.createStatement()) {
                    st.execute(CREATE);
                } catch (SQLException raced) {
                    if (!tableExists(c)) { // another node created it meanwhile: fine
                        throw raced;
                    }
                }
            }
            List<String> keys = read(c);
            if (keys.isEmpty()) {
                create(c);
                keys = read(c);
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("no restore-link key in " + TABLE + " after storing one");
            }
            return keys;
        }
    }

    private static List<String> read(Connection c) throws SQLException {
        List<String> values = new ArrayList<String>();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS); // read on a storefront request: bounded
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(1);
                    if (value != null && !value.trim().isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    /** Moves a key of an earlier version out of the System Properties, or generates a new one. */
    private void create(Connection c) throws SQLException {
        List<String> legacy = legacyKeys(c);
        if (!legacy.isEmpty()) {
            for (String value : legacy) {
                store(c, value);
            }
            try (PreparedStatement ps = c.prepareStatement(LEGACY_DELETE)) {
                ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                ps.setString(1, PROPERTY_NAME);
                ps.executeUpdate();
            }
            LOG.info("Moved the cart restore link key out of Broadleaf's System Properties into {}", TABLE);
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        store(c, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        LOG.info("Generated the cart restore link key and stored it in {}", TABLE);
    }

    /** The key of an earlier version; none when Broadleaf's table is not there (a store without it). */
    private static List<String> legacyKeys(Connection c) throws SQLException {
        List<String> values = new ArrayList<String>();
        if (!exists(c, "BLC_SYSTEM_PROPERTY")) {
            return values;
        }
        try (PreparedStatement ps = c.prepareStatement(LEGACY_SELECT)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, PROPERTY_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(1);
                    if (value != null && !value.trim().isEmpty()) {
                        values.add(value.trim());
                    }
                }
            }
        }
        return values;
    }

    private void store(Connection c, String value) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            // an id no other node picks in practice: time in ms times 2^20 plus random bits
            ps.setLong(1, (now << 20) | (random.nextInt() & 0xFFFFF));
            ps.setString(2, value);
            ps.setTimestamp(3, new Timestamp(now));
            ps.executeUpdate();
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        return exists(c, TABLE);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
