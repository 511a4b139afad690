package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueueFilter;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;
import io.github.rejoinerbroadleaf.delivery.SiteDeliveryState;
import io.github.rejoinerbroadleaf.core.LeadOperation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * All SQL of the queue. Every method borrows a connection, runs one or a few short statements and
 * gives it back, in auto-commit except for the claim (one short transaction); nothing here waits
 * on the network. Timestamps are written and read with a UTC calendar so that nodes in different
 * time zones agree, and always come from the caller's clock, never from the database's NOW().
 */
public final class JdbcQueueStore {

    public static final String QUEUE_TABLE = "RJ_CONVERSION_QUEUE";
    public static final String SITE_TABLE = "RJ_SITE_DELIVERY_STATE";

    /** Longest text kept in LAST_ERROR; the column is VARCHAR(2000). */
    public static final int MAX_ERROR_LENGTH = 2000;

    private static final String COLUMNS = "ID, SITE, OPERATION, ORDER_KEY, PAYLOAD, STATUS, ATTEMPTS, "
            + "NEXT_ATTEMPT_AT, LEASE_UNTIL, CLAIMED_BY, VERSION, CREATED_AT, QUEUED_AT, UPDATED_AT, "
            + "CONFIRMED_AT, SENT_AT, RETRYING_SINCE, LAST_HTTP_STATUS, LAST_ERROR";

    /*
     * Due rows are found by two queries rather than one with an OR: each branch is served by its own
     * index (RJ_CQ_IX_LEASE, RJ_CQ_IX_DUE) in sort order, while the OR made PostgreSQL scan and sort
     * the whole backlog on every claim.
     */
    private static final String EXPIRED_LEASES = "STATUS = 'SENDING' AND LEASE_UNTIL <= ?";
    private static final String EXPIRED_LEASES_ORDER = "LEASE_UNTIL, ID";
    private static final String QUEUED_DUE = "STATUS = 'QUEUED' AND NEXT_ATTEMPT_AT <= ?";
    private static final String QUEUED_DUE_ORDER = "NEXT_ATTEMPT_AT, ID";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final DataSource dataSource;
    private volatile Dialect dialect;

    public JdbcQueueStore(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource is required");
        }
        this.dataSource = dataSource;
    }

    // ---------------------------------------------------------------- enqueue

    /**
     * Marks a PAYLOAD that holds a reference for the store's payload builder rather than a body: a
     * JSON body starts with '{', so rows queued before references existed read as bodies.
     */
    static final String REFERENCE_PREFIX = "ref:";

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
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            ps.setString(2, operation.name());
            ps.setString(3, orderKey);
            ps.setString(4, payload != null ? payload : REFERENCE_PREFIX + reference);
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

    /** SQLState class 23 is "integrity constraint violation" on every database we support. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- claiming

    /**
     * Claims up to {@code limit} due rows for {@code nodeId}: QUEUED rows whose next attempt has
     * come, and SENDING rows whose lease has expired (their node died or stalled). Each claim is an
     * optimistic {@code UPDATE ... WHERE ID = ? AND VERSION = ?}, so of two nodes that read the same
     * candidate only one gets it; on PostgreSQL the candidates are also locked with SKIP LOCKED so
     * that concurrent nodes read different rows in the first place.
     *
     * @param onlySite     restrict to one site (probing), or null
     * @param excluded     sites not to claim (paused or without sender)
     * @param siteAllowed  last check per candidate's site before claiming it
     */
    public List<Claim> claimDue(Instant now, int limit, String onlySite, Collection<String> excluded,
            Predicate<String> siteAllowed, String nodeId, Instant leaseUntil) throws SQLException {
        if (limit <= 0) {
            return new ArrayList<Claim>();
        }
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialect(c);
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            // InnoDB's default REPEATABLE READ locks the gaps of the index ranges the claim reads, which
            // blocks (and deadlocks with) concurrent enqueues; the claim needs no more than READ COMMITTED.
            boolean readCommitted = d.isMysql() && isolation != Connection.TRANSACTION_READ_COMMITTED;
            if (readCommitted) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            c.setAutoCommit(false);
            try {
                // Stranded rows of dead nodes first, then rows waiting for their first or next attempt.
                List<QueuedConversion> candidates = new ArrayList<QueuedConversion>();
                selectDue(c, d, EXPIRED_LEASES, EXPIRED_LEASES_ORDER, now, limit, onlySite, excluded,
                        siteAllowed, candidates);
                if (candidates.size() < limit) {
                    selectDue(c, d, QUEUED_DUE, QUEUED_DUE_ORDER, now, limit - candidates.size(), onlySite,
                            excluded, siteAllowed, candidates);
                }
                List<Claim> claims = candidates.isEmpty() ? new ArrayList<Claim>()
                        : claim(c, candidates, now, nodeId, leaseUntil);
                c.commit();
                return claims;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                if (readCommitted) {
                    c.setTransactionIsolation(isolation);
                }
            }
        }
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may simply be run again. */
    public static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (t instanceof java.sql.SQLTransactionRollbackException || (state != null && state.startsWith("40"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void selectDue(Connection c, Dialect d, String where, String orderBy, Instant now, int limit,
            String onlySite, Collection<String> excluded, Predicate<String> siteAllowed,
            List<QueuedConversion> into) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ").append(QUEUE_TABLE)
                .append(" WHERE ").append(where);
        if (onlySite != null) {
            sql.append(" AND SITE = ?");
        }
        if (!excluded.isEmpty()) {
            sql.append(" AND SITE NOT IN (").append(placeholders(excluded.size())).append(')');
        }
        sql.append(" ORDER BY ").append(orderBy).append(d.limit(limit));
        if (d.supportsSkipLocked()) {
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            setTime(ps, i++, now);
            if (onlySite != null) {
                ps.setString(i++, onlySite);
            }
            for (String site : excluded) {
                ps.setString(i++, site);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QueuedConversion row = map(rs);
                    if (siteAllowed.test(row.site())) {
                        into.add(row);
                    }
                }
            }
        }
    }

    private List<Claim> claim(Connection c, List<QueuedConversion> candidates, Instant now, String nodeId,
            Instant leaseUntil) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'SENDING', VERSION = ?, LEASE_UNTIL = ?,"
                + " CLAIMED_BY = ?, UPDATED_AT = ? WHERE ID = ? AND VERSION = ?";
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (QueuedConversion row : candidates) {
                ps.setInt(1, row.version() + 1);
                setTime(ps, 2, leaseUntil);
                ps.setString(3, nodeId);
                setTime(ps, 4, now);
                ps.setLong(5, row.id());
                ps.setInt(6, row.version());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<Claim> claims = new ArrayList<Claim>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            QueuedConversion row = candidates.get(i);
            boolean won = counts[i] == 1
                    || (counts[i] == Statement.SUCCESS_NO_INFO && ownsClaim(c, row.id(), row.version() + 1, nodeId));
            if (won) {
                claims.add(new Claim(row, row.version() + 1, leaseUntil, row.status() == QueueStatus.SENDING, false));
            }
        }
        return claims;
    }

    /** For drivers that answer a batch without per-row counts. */
    private boolean ownsClaim(Connection c, long id, int version, String nodeId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + QUEUE_TABLE
                + " WHERE ID = ? AND VERSION = ? AND CLAIMED_BY = ? AND STATUS = 'SENDING'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /** Extends a claim's lease; false when the claim was lost meanwhile. */
    public boolean renewLease(Claim claim, Instant now, Instant leaseUntil) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET LEASE_UNTIL = ?, VERSION = ?, UPDATED_AT = ?"
                + " WHERE ID = ? AND VERSION = ? AND STATUS = 'SENDING'";
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, leaseUntil);
            ps.setInt(2, claim.version() + 1);
            setTime(ps, 3, now);
            ps.setLong(4, claim.id());
            ps.setInt(5, claim.version());
            if (ps.executeUpdate() == 1) {
                claim.renewed(claim.version() + 1, leaseUntil);
                return true;
            }
            return false;
        }
    }

    /**
     * Records the result of a claim.
     *
     * @return false when the claim had been lost (lease taken over, row discarded by an operator)
     */
    public boolean finish(Claim claim, RowUpdate u, Instant now) throws SQLException {
        return finishAll(java.util.Collections.singletonList(claim), java.util.Collections.singletonList(u),
                java.util.Collections.singletonList(now))[0];
    }

    private static final String FINISH = "UPDATE " + QUEUE_TABLE + " SET STATUS = ?, NEXT_ATTEMPT_AT = ?,"
            + " ATTEMPTS = ATTEMPTS + ?, SENT_AT = ?, LAST_HTTP_STATUS = ?, LAST_ERROR = ?, CONFIRMED_AT = ?,"
            + " RETRYING_SINCE = ?, LEASE_UNTIL = NULL, VERSION = ?, UPDATED_AT = ?, PAYLOAD = COALESCE(?, PAYLOAD)"
            + " WHERE ID = ? AND VERSION = ?";

    /**
     * Records the results of several claims in one transaction (one commit, so one disk flush, for
     * the lot), each update still guarded by its claim's version.
     *
     * @return per claim, false when it had been lost (lease taken over, row discarded)
     */
    public boolean[] finishAll(List<Claim> claims, List<RowUpdate> updates, List<Instant> nows) throws SQLException {
        boolean[] won = new boolean[claims.size()];
        if (claims.isEmpty()) {
            return won;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            boolean single = claims.size() == 1;
            if (!single) {
                c.setAutoCommit(false);
            } else if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                int[] counts;
                try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                    for (int i = 0; i < claims.size(); i++) {
                        Claim claim = claims.get(i);
                        QueuedConversion row = claim.row();
                        RowUpdate u = updates.get(i);
                        ps.setString(1, u.status.name());
                        setTime(ps, 2, u.nextAttemptAt != null ? u.nextAttemptAt : row.nextAttemptAt());
                        ps.setInt(3, u.attemptsDelta);
                        setTime(ps, 4, u.sentAt);
                        setInteger(ps, 5, u.httpStatus != null ? u.httpStatus : row.lastHttpStatus());
                        ps.setString(6, truncate(u.error));
                        setTime(ps, 7, u.confirmedAt != null ? u.confirmedAt : row.confirmedAt());
                        setTime(ps, 8, u.retryingSince);
                        ps.setInt(9, claim.version() + 1);
                        setTime(ps, 10, nows.get(i));
                        ps.setString(11, u.payload);
                        ps.setLong(12, claim.id());
                        ps.setInt(13, claim.version());
                        if (single) {
                            won[0] = ps.executeUpdate() == 1;
                            return won;
                        }
                        ps.addBatch();
                    }
                    counts = ps.executeBatch();
                }
                for (int i = 0; i < claims.size(); i++) {
                    won[i] = counts[i] == 1 || (counts[i] == Statement.SUCCESS_NO_INFO
                            && hasVersion(c, claims.get(i).id(), claims.get(i).version() + 1, updates.get(i).status));
                }
                c.commit();
                return won;
            } catch (SQLException | RuntimeException e) {
                if (!single) {
                    rollbackQuietly(c);
                }
                throw e;
            } finally {
                if (c.getAutoCommit() != autoCommit) {
                    c.setAutoCommit(autoCommit);
                }
            }
        }
    }

    /** For drivers that answer a batch without per-row counts. */
    private boolean hasVersion(Connection c, long id, int version, QueueStatus status) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + QUEUE_TABLE + " WHERE ID = ? AND VERSION = ? AND STATUS = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, status.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /**
     * Takes back, due now, every row still claimed by {@code nodeId}: run by a worker as it starts,
     * before it claims anything, so these are claims of a previous process with the same node id
     * that died (their sends may have reached Rejoiner: possible duplicates).
     *
     * @return the rows taken back
     */
    public List<QueuedConversion> reclaimOwn(String nodeId, Instant now) throws SQLException {
        String select = "SELECT " + COLUMNS + " FROM " + QUEUE_TABLE + " WHERE STATUS = 'SENDING' AND CLAIMED_BY = ?";
        String update = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'QUEUED', LEASE_UNTIL = NULL, NEXT_ATTEMPT_AT = ?,"
                + " VERSION = ?, UPDATED_AT = ? WHERE ID = ? AND VERSION = ?";
        List<QueuedConversion> taken = new ArrayList<QueuedConversion>();
        try (Connection c = open()) {
            List<QueuedConversion> rows = new ArrayList<QueuedConversion>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(map(rs));
                    }
                }
            }
            for (QueuedConversion row : rows) {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    setTime(ps, 1, now);
                    ps.setInt(2, row.version() + 1);
                    setTime(ps, 3, now);
                    ps.setLong(4, row.id());
                    ps.setInt(5, row.version());
                    if (ps.executeUpdate() == 1) {
                        taken.add(row);
                    }
                }
            }
        }
        return taken;
    }

    /** Gives a claimed row back untouched (shutdown, site paused or switched off meanwhile). */
    public boolean release(Claim claim, Instant now) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'QUEUED', LEASE_UNTIL = NULL, VERSION = ?,"
                + " UPDATED_AT = ? WHERE ID = ? AND VERSION = ?";
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, claim.version() + 1);
            setTime(ps, 2, now);
            ps.setLong(3, claim.id());
            ps.setInt(4, claim.version());
            return ps.executeUpdate() == 1;
        }
    }

    // ---------------------------------------------------------------- site state

    public List<SiteDeliveryState> siteStates() throws SQLException {
        String sql = "SELECT SITE, STATE, REASON, PAUSED_SINCE, PROBE_AT, LAST_HTTP_STATUS, LAST_ERROR, UPDATED_AT"
                + " FROM " + SITE_TABLE + " ORDER BY SITE";
        List<SiteDeliveryState> out = new ArrayList<SiteDeliveryState>();
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String reason = rs.getString(3);
                out.add(new SiteDeliveryState(rs.getString(1), "PAUSED".equals(rs.getString(2)),
                        reason == null ? null : SiteDeliveryState.Reason.valueOf(reason), getTime(rs, 4),
                        getTime(rs, 5), getInteger(rs, 6), rs.getString(7), getTime(rs, 8)));
            }
        }
        return out;
    }

    /**
     * Pauses a site for all nodes.
     *
     * @return true if this call paused it, false if it was paused already (then only the last error
     *         is updated), so that exactly one node logs the pause
     */
    public boolean pauseSite(String site, SiteDeliveryState.Reason reason, int httpStatus, String error,
            Instant now, Instant probeAt) throws SQLException {
        try (Connection c = open()) {
            String pause = "UPDATE " + SITE_TABLE + " SET STATE = 'PAUSED', REASON = ?, PAUSED_SINCE = ?,"
                    + " PROBE_AT = ?, LAST_HTTP_STATUS = ?, LAST_ERROR = ?, UPDATED_AT = ?"
                    + " WHERE SITE = ? AND STATE <> 'PAUSED'";
            try (PreparedStatement ps = c.prepareStatement(pause)) {
                ps.setString(1, reason.name());
                setTime(ps, 2, now);
                setTime(ps, 3, probeAt);
                ps.setInt(4, httpStatus);
                ps.setString(5, truncate(error));
                setTime(ps, 6, now);
                ps.setString(7, site);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            String insert = "INSERT INTO " + SITE_TABLE + " (SITE, STATE, REASON, PAUSED_SINCE, PROBE_AT,"
                    + " LAST_HTTP_STATUS, LAST_ERROR, UPDATED_AT) VALUES (?, 'PAUSED', ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, site);
                ps.setString(2, reason.name());
                setTime(ps, 3, now);
                setTime(ps, 4, probeAt);
                ps.setInt(5, httpStatus);
                ps.setString(6, truncate(error));
                setTime(ps, 7, now);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
            String note = "UPDATE " + SITE_TABLE + " SET REASON = ?, LAST_HTTP_STATUS = ?, LAST_ERROR = ?,"
                    + " UPDATED_AT = ? WHERE SITE = ?";
            try (PreparedStatement ps = c.prepareStatement(note)) {
                ps.setString(1, reason.name());
                ps.setInt(2, httpStatus);
                ps.setString(3, truncate(error));
                setTime(ps, 4, now);
                ps.setString(5, site);
                ps.executeUpdate();
            }
            return false;
        }
    }

    /**
     * Takes the right to send the next probe of a paused site: of all nodes, only the one whose
     * update moves {@code PROBE_AT} forward sends it.
     */
    public boolean takeProbe(String site, Instant now, Instant nextProbeAt) throws SQLException {
        String sql = "UPDATE " + SITE_TABLE + " SET PROBE_AT = ?, UPDATED_AT = ?"
                + " WHERE SITE = ? AND STATE = 'PAUSED' AND PROBE_AT <= ?";
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, nextProbeAt);
            setTime(ps, 2, now);
            ps.setString(3, site);
            setTime(ps, 4, now);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Ends a pause; the reason, HTTP status and error of the pause are cleared with it, so that the
     * row no longer describes a problem that is over.
     *
     * @return true if the site was paused and is now active
     */
    public boolean resumeSite(String site, Instant now) throws SQLException {
        String sql = "UPDATE " + SITE_TABLE + " SET STATE = 'ACTIVE', REASON = NULL, PAUSED_SINCE = NULL,"
                + " PROBE_AT = NULL, LAST_HTTP_STATUS = NULL, LAST_ERROR = NULL, UPDATED_AT = ?"
                + " WHERE SITE = ? AND STATE = 'PAUSED'";
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, now);
            ps.setString(2, site);
            return ps.executeUpdate() == 1;
        }
    }

    // ---------------------------------------------------------------- operations

    /** Row counts by site, then status. */
    public Map<String, Map<QueueStatus, Long>> countBySiteAndStatus() throws SQLException {
        String sql = "SELECT SITE, STATUS, COUNT(*) FROM " + QUEUE_TABLE + " GROUP BY SITE, STATUS";
        Map<String, Map<QueueStatus, Long>> out = new TreeMap<String, Map<QueueStatus, Long>>();
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql);
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
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? getTime(rs, 1) : null;
        }
    }

    public List<QueuedConversion> list(QueueFilter filter) throws SQLException {
        List<Object> args = new ArrayList<Object>();
        String where = where(filter, args);
        try (Connection c = open()) {
            String sql = "SELECT " + COLUMNS + " FROM " + QUEUE_TABLE + where + " ORDER BY CREATED_AT DESC, ID DESC"
                    + dialect(c).limitOffset(filter.limit(), filter.offset());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<QueuedConversion> out = new ArrayList<QueuedConversion>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
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
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    /** FAILED or DISCARDED back to QUEUED, due now, with a fresh attempt count and max age. */
    public boolean retry(long id, Instant now) throws SQLException {
        String sql = "UPDATE " + QUEUE_TABLE + " SET STATUS = 'QUEUED', NEXT_ATTEMPT_AT = ?, QUEUED_AT = ?,"
                + " ATTEMPTS = 0, RETRYING_SINCE = NULL, LEASE_UNTIL = NULL, VERSION = VERSION + 1, UPDATED_AT = ?"
                + " WHERE ID = ? AND STATUS IN ('FAILED', 'DISCARDED')";
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        try (Connection c = open()) {
            String select = "SELECT ID FROM " + QUEUE_TABLE + " WHERE (STATUS = 'SENT' AND SENT_AT < ?)"
                    + " OR (STATUS = 'DISCARDED' AND UPDATED_AT < ?)" + dialect(c).limit(batchSize);
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

    // ---------------------------------------------------------------- plumbing

    public Dialect dialect() throws SQLException {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = dialect(c);
            }
        }
        return d;
    }

    private Dialect dialect(Connection c) throws SQLException {
        Dialect d = dialect;
        if (d == null) {
            d = Dialect.detect(c.getMetaData());
            dialect = d;
        }
        return d;
    }

    /** A pooled connection in auto-commit mode, whatever the pool's default. */
    private Connection open() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private static String placeholders(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    public static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }

    private static Calendar utc() {
        return new GregorianCalendar(UTC);
    }

    static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t), utc());
        }
    }

    static Instant getTime(ResultSet rs, int i) throws SQLException {
        Timestamp ts = rs.getTimestamp(i, utc());
        return ts == null ? null : ts.toInstant();
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static Integer getInteger(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static QueuedConversion map(ResultSet rs) throws SQLException {
        String stored = rs.getString(5);
        boolean reference = stored != null && stored.startsWith(REFERENCE_PREFIX);
        return QueuedConversion.builder()
                .id(rs.getLong(1))
                .site(rs.getString(2))
                .operation(LeadOperation.valueOf(rs.getString(3)))
                .orderKey(rs.getString(4))
                .payload(reference ? null : stored)
                .reference(reference ? stored.substring(REFERENCE_PREFIX.length()) : null)
                .status(QueueStatus.valueOf(rs.getString(6)))
                .attempts(rs.getInt(7))
                .nextAttemptAt(getTime(rs, 8))
                .leaseUntil(getTime(rs, 9))
                .claimedBy(rs.getString(10))
                .version(rs.getInt(11))
                .createdAt(getTime(rs, 12))
                .queuedAt(getTime(rs, 13))
                .updatedAt(getTime(rs, 14))
                .confirmedAt(getTime(rs, 15))
                .sentAt(getTime(rs, 16))
                .retryingSince(getTime(rs, 17))
                .lastHttpStatus(getInteger(rs, 18))
                .lastError(rs.getString(19))
                .build();
    }
}
