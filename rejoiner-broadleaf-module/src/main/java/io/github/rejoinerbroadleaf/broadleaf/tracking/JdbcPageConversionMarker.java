package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.order.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * {@link PageConversionMarker} on a table with the order id as primary key
 * ({@code RJ_PAGE_CONVERSION}), in the store's own database: the first INSERT wins, every later one
 * fails on the key. Atomic across threads and cluster nodes without locks; one short statement on
 * its own auto-commit connection, only when a confirmation page renders.
 *
 * <p>Remaining gap (documented): the mark is written when the page renders, before the browser has
 * run the script; a shopper who closes the page before Rejoiner's library loads loses the
 * JavaScript conversion (the REST conversion from checkout still reaches Rejoiner).
 */
public class JdbcPageConversionMarker implements PageConversionMarker {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPageConversionMarker.class);

    public static final String TABLE = "RJ_PAGE_CONVERSION";
    static final String DDL = "CREATE TABLE " + TABLE + " (ORDER_ID BIGINT NOT NULL, ORDER_NUMBER VARCHAR(255), "
            + "CONVERTED_AT TIMESTAMP NOT NULL, CONSTRAINT PK_" + TABLE + " PRIMARY KEY (ORDER_ID))";
    private static final String INSERT = "INSERT INTO " + TABLE + " (ORDER_ID, ORDER_NUMBER, CONVERTED_AT) VALUES (?, ?, ?)";

    /** Longest the confirmation page waits for the mark; a timeout skips the page's sendConversion (REST still converts). */
    static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcPageConversionMarker(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** @param clock the time written as {@code CONVERTED_AT} */
    public JdbcPageConversionMarker(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the table when missing (init-method); safe when several nodes start at once. */
    public void createTableIfMissing() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            if (tableExists(c)) {
                return;
            }
            try (Statement st = c.createStatement()) {
                st.execute(DDL);
                LOG.info("Created Rejoiner table {}", TABLE);
            } catch (SQLException e) {
                if (!tableExists(c)) {
                    throw e;
                }
            }
        }
    }

    private static boolean tableExists(Connection c) {
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public boolean claim(Order order) {
        if (order == null || order.getId() == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS); // on the confirmation page's request path
                ps.setLong(1, order.getId());
                String number = order.getOrderNumber();
                ps.setString(2, number != null && number.length() > 255 ? number.substring(0, 255) : number);
                ps.setTimestamp(3, new Timestamp(clock.millis()));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark order " + order.getId() + " as converted: " + e.getMessage(), e);
        }
    }

    /** SQLState class 23 is "integrity constraint violation" on every supported database. */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
