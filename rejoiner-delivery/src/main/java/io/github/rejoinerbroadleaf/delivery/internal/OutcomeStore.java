package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static io.github.rejoinerbroadleaf.delivery.internal.QueueRows.QUEUE_TABLE;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.rollbackQuietly;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.setInteger;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.setTime;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.truncate;

/**
 * Writes the outcomes of claims ({@link RowUpdate}) into {@code RJ_CONVERSION_QUEUE}, one at a time
 * or a batch in one transaction, each guarded by its claim's version.
 */
public final class OutcomeStore {

    private final QueueDatabase db;

    public OutcomeStore(QueueDatabase db) {
        this.db = db;
    }

    /**
     * Records the result of a claim.
     *
     * @return false when the claim had been lost (lease taken over, row discarded by an operator)
     */
    public boolean finish(Claim claim, RowUpdate u, Instant now) throws SQLException {
        return finishAll(Collections.singletonList(claim), Collections.singletonList(u),
                Collections.singletonList(now))[0];
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
        try (Connection c = db.connection()) {
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
}
