package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.ClaimStore;
import io.github.rejoinerbroadleaf.delivery.internal.Dialect;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue contract on PostgreSQL, each test in a schema of its own; needs
 * {@code REJOINER_TEST_POSTGRES_URL} (skipped without it, failed without it on CI).
 */
class PostgresQueueTest extends QueueContractTest {
    @Override
    TestDatabase openDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    /**
     * A backlog in a table PostgreSQL has not analysed yet (new, or grown since autovacuum last
     * looked) must still be claimed in index order: planned from the stale statistics, the claim
     * sorted every due row on each claim and the drain fell to a few hundred rows a second.
     */
    @Test
    void aBacklogTheStatisticsDoNotKnowIsClaimedInIndexOrder() throws Exception {
        enqueue("first");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // An outage's backlog arriving at once: 10 000 due rows of 1 KB, faster than autovacuum analyses.
            st.execute("INSERT INTO RJ_CONVERSION_QUEUE (SITE, OPERATION, ORDER_KEY, PAYLOAD, STATUS, NEXT_ATTEMPT_AT,"
                    + " CREATED_AT, QUEUED_AT, UPDATED_AT) SELECT SITE, OPERATION, ORDER_KEY || '-' || g, repeat('x', 1000),"
                    + " STATUS, NEXT_ATTEMPT_AT, CREATED_AT, QUEUED_AT, UPDATED_AT FROM RJ_CONVERSION_QUEUE,"
                    + " generate_series(1, 10000) g");
        }
        String plan = claimPlan();

        assertTrue(plan.contains("Index Scan using rj_cq_ix_due"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    /** How PostgreSQL plans the claim of due rows, in a transaction started as the claim starts its own. */
    private String claimPlan() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ClaimStore.startClaimTransaction(c, Dialect.POSTGRESQL);
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + ClaimStore.queuedDueSql(Dialect.POSTGRESQL, 16))) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().plusSeconds(3600)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return plan.toString();
        }
    }
}
