package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;

import java.sql.ResultSet;
import java.sql.SQLException;

import static io.github.rejoinerbroadleaf.delivery.internal.Sql.getInteger;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.getTime;

/** The columns of {@code RJ_CONVERSION_QUEUE} and how a row is read. */
final class QueueRows {

    static final String QUEUE_TABLE = "RJ_CONVERSION_QUEUE";

    static final String COLUMNS = "ID, SITE, OPERATION, ORDER_KEY, PAYLOAD, STATUS, ATTEMPTS, "
            + "NEXT_ATTEMPT_AT, LEASE_UNTIL, CLAIMED_BY, VERSION, CREATED_AT, QUEUED_AT, UPDATED_AT, "
            + "CONFIRMED_AT, SENT_AT, RETRYING_SINCE, LAST_HTTP_STATUS, LAST_ERROR";

    /**
     * Marks a PAYLOAD that holds a reference for the store's payload builder rather than a body: a
     * JSON body starts with '{', so rows queued before references existed read as bodies.
     */
    static final String REFERENCE_PREFIX = "ref:";

    private QueueRows() {
    }

    /** What PAYLOAD holds for a row queued with a body or with a reference. */
    static String stored(String payload, String reference) {
        return payload != null ? payload : REFERENCE_PREFIX + reference;
    }

    static QueuedConversion map(ResultSet rs) throws SQLException {
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
