package io.github.rejoinerbroadleaf.delivery.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * JDBC helpers shared by the queue's stores. Timestamps are written and read with a UTC calendar
 * so that nodes in different time zones agree; they always come from the caller's clock, never from
 * the database's NOW().
 */
public final class Sql {

    /** Longest text kept in LAST_ERROR; the column is VARCHAR(2000). */
    public static final int MAX_ERROR_LENGTH = 2000;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Sql() {
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

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    static String placeholders(int n) {
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

    static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static Integer getInteger(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
