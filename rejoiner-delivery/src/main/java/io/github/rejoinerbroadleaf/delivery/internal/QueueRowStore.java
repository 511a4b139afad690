package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.QueueFilter;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.rejoinerbroadleaf.delivery.internal.QueueRows.COLUMNS;
import static io.github.rejoinerbroadleaf.delivery.internal.QueueRows.QUEUE_TABLE;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.getTime;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.isUniqueViolation;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.placeholders;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.setTime;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.truncate;

/**
 * The enqueue and the operations side of {@code RJ_CONVERSION_QUEUE}: inserting rows, and what the
 * admin screen and the JMX view read and change (counts, paging, retry, discard, retention purge).
 * Every method borrows a connection in auto-commit mode for one or a few short statements.
 */
public final class QueueRowStore {

    private final QueueDatabase db;

    public QueueRowStore(QueueDatabase db) {
        this.db = db;
    }

    /**
     * Inserts a QUEUED row due at {@code now}, holding either its body or a reference to build it from.
     *
     * @return false when a row with the same site, operation and order key already exists
     */
    public boolean insert(String site, LeadOperation operation, String orderKey, String payload, String reference,
            Instant now, Instant confirmedAt) throws SQLException {
        String sql = "INSERT INTO " + QUEUE_TABLE + " (SITE, OPERATION, ORDER_KEY, PAYLOAD, STATUS, ATTEMPTS,"
                + " NEXT_ATTEMPT_AT, VERSION, CREATED_AT, QUEUED_AT, UPDATED_AT, CONFIRMED_AT)"
                + " VALUES (?, ?, ?, ?, 'QUEUED', 0, ?, 0, ?, ?, ?, ?)";
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            ps.setString(2, operation.name());
            ps.setString(3, orderKey);
            ps.setString(4, QueueRows.stored(payload, reference));
            setTime(ps, 5, now);
            setTime(ps, 6, now);
            setTime(ps, 7, now);
            setTime(ps, 8, now);
            setTime(ps, 9, confirmedAt);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- operations

    /** Row counts by site, then status. */
    public Map<String, Map<QueueStatus, Long>> countBySiteAndStatus() throws SQLException {
        String sql = "SELECT SITE, STATUS, COUNT(*) FROM " + QUEUE_TABLE + " GROUP BY SITE, STATUS";
        Map<String, Map<QueueStatus, Long>> out = new TreeMap<String, Map<QueueStatus, Long>>();
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<QueueStatus, Long> bySite = out.get(rs.getString(1));
                if (bySite == null) {
                    bySite = zeroCounts();
                    out.put(rs.getString(1), bySite);
                }
                bySite.put(QueueStatus.valueOf(rs.getString(2)), rs.getLong(3));
            }
        }
        return out;
    }

    public static Map<QueueStatus, Long> zeroCounts() {
        Map<QueueStatus, Long> m = new EnumMap<QueueStatus, Long>(QueueStatus.class);
        for (QueueStatus s : QueueStatus.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    /** Earliest QUEUED_AT of a QUEUED or SENDING row, or null when nothing is pending. */
    public Instant oldestPendingQueuedAt() throws SQLException {
        String sql = "SELECT MIN(QUEUED_AT) FROM " + QUEUE_TABLE + " WHERE STATUS IN ('QUEUED', 'SENDING')";
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? getTime(rs, 1) : null;
        }
    }

    public List<QueuedConversion> list(QueueFilter filter) throws SQLException {
        List<Object> args = new ArrayList<Object>();
        String where = where(filter, args);
        try (Connection c = db.open()) {
            String sql = "SELECT " + COLUMNS + " FROM " + QUEUE_TABLE + where + " ORDER BY CREATED_AT DESC, ID DESC"
                    + db.dialect(c).limitOffset(filter.limit(), filter.offset());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<QueuedConversion> out = new ArrayList<QueuedConversion>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(QueueRows.map(rs));
                    }
                }
                return out;
            }
        }
    }

    /** Number of rows matching the filter's criteria (ignores paging). */
    public long count(QueueFilter filter) throws SQLException {
        List<Object> args = new ArrayList<Object>();
        String sql = "SELECT COUNT(*) FROM " + QUEUE_TABLE + where(filter, args);
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(QueueFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder();
        if (f.status() != null) {
            w.append(" AND STATUS = ?");
            args.add(f.status().name());
        }
        if (f.site() != null) {
            w.append(" AND SITE = ?");
            args.add(f.site());
        }
        if (f.orderKey() != null) {
            w.append(" AND ORDER_KEY = ?");
            args.add(f.orderKey());
        }
        return w.length() == 0 ? "" : " WHERE" + w.substring(4);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, (String) args.get(i));
        }
    }

    public QueuedConversion find(long id) throws SQLException {
        return findOne("ID = ?", id);
    }

    public QueuedConversion find(String site, LeadOperation operation, String orderKey) throws SQLException {
        return findOne("SITE = ? AND OPERATION = ? AND ORDER_KEY = ?", site, operation.name(), orderKey);
    }

    private QueuedConversion findOne(String where, Object... args) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + QUEUE_TABLE + " WHERE " + where;
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? QueueRows.map(rs) : null;
            }
        }
    }

    /** FAILED or DISCARDED back to QUEUED, due now, with a fresh attempt count and max age. */
    public boolean retry(long id, Instant now) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'QUEUED', NEXT_ATTEMPT_AT = ?, QUEUED_AT = ?,"
                + " ATTEMPTS = 0, RETRYING_SINCE = NULL, LEASE_UNTIL = NULL, VERSION = VERSION + 1, UPDATED_AT = ?"
                + " WHERE ID = ? AND STATUS IN ('FAILED', 'DISCARDED')";
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, now);
            setTime(ps, 2, now);
            setTime(ps, 3, now);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * A QUEUED or FAILED row to DISCARDED; a SENDING row only once its lease has expired (its node
     * died), never while a node may be sending it: that send could reach Rejoiner after the row
     * was shown as discarded.
     */
    public boolean discard(long id, Instant now, String reason) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'DISCARDED', LEASE_UNTIL = NULL,"
                + " LAST_ERROR = ?, VERSION = VERSION + 1, UPDATED_AT = ?"
                + " WHERE ID = ? AND (STATUS IN ('QUEUED', 'FAILED') OR (STATUS = 'SENDING' AND LEASE_UNTIL <= ?))";
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, truncate(reason));
            setTime(ps, 2, now);
            ps.setLong(3, id);
            setTime(ps, 4, now);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Deletes SENT rows sent before {@code cutoff} and DISCARDED rows last changed before it, at most
     * {@code batchSize} per statement so that no statement holds locks for long.
     *
     * @return rows deleted
     */
    public int purge(Instant cutoff, int batchSize) throws SQLException {
        int total = 0;
        try (Connection c = db.open()) {
            String select = "SELECT ID FROM " + QUEUE_TABLE + " WHERE (STATUS = 'SENT' AND SENT_AT < ?)"
                    + " OR (STATUS = 'DISCARDED' AND UPDATED_AT < ?)" + db.dialect(c).limit(batchSize);
            while (true) {
                List<Long> ids = new ArrayList<Long>();
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    setTime(ps, 1, cutoff);
                    setTime(ps, 2, cutoff);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return total;
                }
                // The status condition is repeated: a row retried since the SELECT must survive.
                String delete = "DELETE FROM " + QUEUE_TABLE + " WHERE ID IN (" + placeholders(ids.size())
                        + ") AND STATUS IN ('SENT', 'DISCARDED')";
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                    total += ps.executeUpdate();
                }
                if (ids.size() < batchSize) {
                    return total;
                }
            }
        }
    }
}
