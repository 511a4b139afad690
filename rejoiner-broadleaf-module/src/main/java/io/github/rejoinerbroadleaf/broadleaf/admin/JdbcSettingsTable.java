package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the admin's settings row ({@code RJ_ADMIN_SETTINGS}) with plain JDBC on its own pooled
 * connection, the way the delivery queue reads its table: outside any JPA persistence context and
 * any Spring transaction of the request, so a failure here can never roll back or clear the
 * store's EntityManager. The storefront therefore needs neither the admin's persistence-unit entry
 * nor its entity. Columns the table lacks (created by an older version) read as unset.
 */
public class JdbcSettingsTable {

    static final String TABLE = "RJ_ADMIN_SETTINGS";
    private static final String SELECT = "SELECT * FROM " + TABLE + " WHERE SITE_KEY = ?";

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    /**
     * @param queryTimeoutSeconds JDBC query timeout (whole seconds, at least 1)
     */
    public JdbcSettingsTable(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = Math.max(1, queryTimeoutSeconds);
    }

    /** The stored values of the site's row by key (blank values left out); empty when there is no row. */
    public Map<SettingKey, String> read(String siteKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // a read of one row: no transaction of ours left open on a pooled connection
            }
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return SettingsRecords.values(rs.next() ? record(rs) : null);
                }
            }
        }
    }

    /** Whether the table exists (asked only after a failed read, to tell "not installed" from "broken"). */
    public boolean tableExists() {
        try (Connection c = dataSource.getConnection()) {
            for (String name : new String[] {TABLE, TABLE.toLowerCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException | RuntimeException e) {
            return true; // unknown: report the read failure as such
        }
    }

    private static RejoinerSettingsRecord record(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> columns = new HashSet<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
        }
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setSiteKey(string(rs, columns, "SITE_KEY"));
        r.setApiGeneration(string(rs, columns, "API_GENERATION"));
        r.setSiteId(string(rs, columns, "SITE_ID"));
        r.setDomain(string(rs, columns, "DOMAIN_NAME"));
        r.setApiKey(string(rs, columns, "API_KEY"));
        r.setApiSecret(string(rs, columns, "API_SECRET"));
        r.setApiUrl(string(rs, columns, "API_URL"));
        r.setJsUrl(string(rs, columns, "JS_URL"));
        r.setTrackingEnabled(bool(rs, columns, "TRACKING_ENABLED"));
        r.setAutomaticPlacement(bool(rs, columns, "AUTOMATIC_PLACEMENT"));
        r.setConversionsEnabled(bool(rs, columns, "CONVERSIONS_ENABLED"));
        r.setCampaignType(string(rs, columns, "CAMPAIGN_TYPE"));
        r.setCampaignIds(string(rs, columns, "CAMPAIGN_IDS"));
        r.setUntrackedPagePatterns(string(rs, columns, "UNTRACKED_PAGE_PATTERNS"));
        r.setConsentCookie(string(rs, columns, "CONSENT_COOKIE"));
        r.setItemIdentity(string(rs, columns, "ITEM_IDENTITY"));
        if (columns.contains("RESTORE_LINK_DAYS")) {
            int days = rs.getInt("RESTORE_LINK_DAYS");
            r.setRestoreLinkDays(rs.wasNull() ? null : Integer.valueOf(days));
        }
        return r;
    }

    private static String string(ResultSet rs, Set<String> columns, String column) throws SQLException {
        return columns.contains(column) ? rs.getString(column) : null;
    }

    private static Boolean bool(ResultSet rs, Set<String> columns, String column) throws SQLException {
        if (!columns.contains(column)) {
            return null;
        }
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : Boolean.valueOf(value);
    }
}
