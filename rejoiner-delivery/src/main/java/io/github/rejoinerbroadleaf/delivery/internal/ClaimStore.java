package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import static io.github.rejoinerbroadleaf.delivery.internal.QueueRows.COLUMNS;
import static io.github.rejoinerbroadleaf.delivery.internal.QueueRows.QUEUE_TABLE;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.placeholders;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.rollbackQuietly;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.setTime;

/**
 * The delivery side of {@code RJ_CONVERSION_QUEUE}: claiming due rows, leases, and recording
 * outcomes. Every write names the claim's version, so a node that lost its claim cannot overwrite
 * the outcome of the node that took it over. Each method borrows a connection for one or a few
 * short statements (the claim and a batch of outcomes in one short transaction each); nothing here
 * waits on the network.
 */
public final class ClaimStore {

    /*
     * Due rows are found by two queries rather than one with an OR: each branch is served by its own
     * index (RJ_CQ_IX_LEASE, RJ_CQ_IX_DUE) in sort order, while the OR made PostgreSQL scan and sort
     * the whole backlog on every claim.
     */
    private static final String EXPIRED_LEASES = "STATUS = 'SENDING' AND LEASE_UNTIL <= ?";
    private static final String EXPIRED_LEASES_ORDER = "LEASE_UNTIL, ID";
    private static final String QUEUED_DUE = "STATUS = 'QUEUED' AND NEXT_ATTEMPT_AT <= ?";
    private static final String QUEUED_DUE_ORDER = "NEXT_ATTEMPT_AT, ID";

    private final QueueDatabase db;

    public ClaimStore(QueueDatabase db) {
        this.db = db;
    }

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
        try (Connection c = db.connection()) {
            Dialect d = db.dialect(c);
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
                startClaimTransaction(c, d);
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

    private void selectDue(Connection c, Dialect d, String where, String orderBy, Instant now, int limit,
            String onlySite, Collection<String> excluded, Predicate<String> siteAllowed,
            List<QueuedConversion> into) throws SQLException {
        String sql = dueSql(d, where, orderBy, limit, onlySite != null, excluded.size());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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
                    QueuedConversion row = QueueRows.map(rs);
                    if (siteAllowed.test(row.site())) {
                        into.add(row);
                    }
                }
            }
        }
    }

    /**
     * What the claim's transaction runs first, after auto-commit is off: the dialect's
     * {@link Dialect#claimTransactionSetting} (PostgreSQL: index order whatever its statistics).
     * Public for tests that look at how the database plans the claim in that transaction.
     */
    public static void startClaimTransaction(Connection c, Dialect d) throws SQLException {
        String setting = d.claimTransactionSetting();
        if (setting != null) {
            try (Statement st = c.createStatement()) {
                st.execute(setting);
            }
        }
    }

    /**
     * The claim's query for QUEUED rows whose next attempt is due (one parameter: now), as run on
     * {@code d}; for tests that look at how the database plans it.
     */
    public static String queuedDueSql(Dialect d, int limit) {
        return dueSql(d, QUEUED_DUE, QUEUED_DUE_ORDER, limit, false, 0);
    }

    private static String dueSql(Dialect d, String where, String orderBy, int limit, boolean onlySite, int excluded) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ").append(QUEUE_TABLE)
                .append(" WHERE ").append(where);
        if (onlySite) {
            sql.append(" AND SITE = ?");
        }
        if (excluded > 0) {
            sql.append(" AND SITE NOT IN (").append(placeholders(excluded)).append(')');
        }
        sql.append(" ORDER BY ").append(orderBy).append(d.limit(limit));
        if (d.supportsSkipLocked()) {
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        return sql.toString();
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
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        try (Connection c = db.open()) {
            List<QueuedConversion> rows = new ArrayList<QueuedConversion>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, nodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(QueueRows.map(rs));
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
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, claim.version() + 1);
            setTime(ps, 2, now);
            ps.setLong(3, claim.id());
            ps.setInt(4, claim.version());
            return ps.executeUpdate() == 1;
        }
    }
}
