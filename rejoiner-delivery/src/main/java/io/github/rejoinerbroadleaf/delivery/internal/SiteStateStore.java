package io.github.rejoinerbroadleaf.delivery.internal;

import io.github.rejoinerbroadleaf.delivery.SiteDeliveryState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.rejoinerbroadleaf.delivery.internal.Sql.getInteger;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.getTime;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.isUniqueViolation;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.setTime;
import static io.github.rejoinerbroadleaf.delivery.internal.Sql.truncate;

/**
 * {@code RJ_SITE_DELIVERY_STATE}: the per-site pause after 401/403/404, shared by all nodes, and
 * the right to send a paused site's next probe.
 */
public final class SiteStateStore {

    static final String SITE_TABLE = "RJ_SITE_DELIVERY_STATE";

    private final QueueDatabase db;

    public SiteStateStore(QueueDatabase db) {
        this.db = db;
    }

    public List<SiteDeliveryState> siteStates() throws SQLException {
        String sql = "SELECT SITE, STATE, REASON, PAUSED_SINCE, PROBE_AT, LAST_HTTP_STATUS, LAST_ERROR, UPDATED_AT"
                + " FROM " + SITE_TABLE + " ORDER BY SITE";
        List<SiteDeliveryState> out = new ArrayList<SiteDeliveryState>();
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql);
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
        try (Connection c = db.open()) {
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
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        try (Connection c = db.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            setTime(ps, 1, now);
            ps.setString(2, site);
            return ps.executeUpdate() == 1;
        }
    }
}
