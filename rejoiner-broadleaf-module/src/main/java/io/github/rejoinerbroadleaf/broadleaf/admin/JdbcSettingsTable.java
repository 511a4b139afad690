package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the admin's settings row ({@code RJ_ADMIN_SETTINGS}) with plain JDBC on its own pooled
 * connection, the way the delivery queue reads its table: outside any JPA persistence context and
 * any Spring transaction of the request, so a failure here can never roll back or clear the
 * store's EntityManager. The storefront therefore needs neither the admin's persistence-unit entry
 * nor its entity. The columns are those the {@link SettingKey} declarations name; columns the table
 * lacks (created by an older version) read as unset.
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
                    return rs.next() ? values(rs) : Collections.<SettingKey, String>emptyMap();
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

    /** Each declared column the row has, read as its kind; blank and NULL values left out. */
    private static Map<SettingKey, String> values(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> columns = new HashSet<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
        }
        Map<SettingKey, String> values = new EnumMap<SettingKey, String>(SettingKey.class);
        for (SettingKey key : SettingsForm.editable()) {
            String column = key.declaration().column();
            String value;
            switch (key.declaration().kind()) {
                case FLAG:
                    Boolean flag = bool(rs, columns, column);
                    value = flag == null ? null : flag.toString();
                    break;
                case NUMBER:
                    value = number(rs, columns, column);
                    break;
                default:
                    value = SettingsValidator.trim(string(rs, columns, column));
            }
            if (value != null) {
                values.put(key, value);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static String number(ResultSet rs, Set<String> columns, String column) throws SQLException {
        if (!columns.contains(column)) {
            return null;
        }
        long n = rs.getLong(column);
        return rs.wasNull() ? null : Long.toString(n);
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
