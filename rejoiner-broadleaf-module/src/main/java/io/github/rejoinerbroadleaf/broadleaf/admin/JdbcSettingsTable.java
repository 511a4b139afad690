package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>The admin's screen writes through here as well ({@link #write}); before its first read or write it
 * calls {@link #createOrAddColumns}, which creates the table when it is missing and adds the column of a
 * declaration the table lacks, so a new admin-stored setting needs nothing but its declaration.
 */
public class JdbcSettingsTable {

    static final String TABLE = "RJ_ADMIN_SETTINGS";
    private static final String SELECT = "SELECT * FROM " + TABLE + " WHERE SITE_KEY = ?";
    private static final String NO_ROW = "SELECT * FROM " + TABLE + " WHERE 1 = 0";
    private static final String KEY_COLUMN = "SITE_KEY VARCHAR(100) NOT NULL";
    private static final String UPDATED_AT = "UPDATED_AT";
    private static final String UPDATED_BY = "UPDATED_BY";

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

    /**
     * Creates the table when it is missing and adds each declared column it lacks (existing columns
     * and rows are left as they are). Types are portable: VARCHAR(length), INTEGER, and the database's
     * boolean type.
     */
    public void createOrAddColumns() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // DDL runs on its own
            }
            Map<String, String> wanted = columnDefinitions(c.getMetaData().getDatabaseProductName());
            // asked with a query rather than the metadata, which would also see a same-named table of another schema
            Set<String> present = columnsOrNull(c);
            if (present == null) {
                StringBuilder create = new StringBuilder("CREATE TABLE ").append(TABLE).append(" (").append(KEY_COLUMN);
                for (Map.Entry<String, String> column : wanted.entrySet()) {
                    create.append(", ").append(column.getKey()).append(' ').append(column.getValue());
                }
                try (Statement st = c.createStatement()) {
                    st.execute(create.append(", PRIMARY KEY (SITE_KEY))").toString());
                } catch (SQLException raced) {
                    if (columnsOrNull(c) == null) { // else another node created it meanwhile: its columns are checked below
                        throw raced;
                    }
                }
                present = columnsOrNull(c);
            }
            for (Map.Entry<String, String> column : wanted.entrySet()) {
                if (present == null || present.contains(column.getKey())) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + TABLE + " ADD " + column.getKey() + " " + column.getValue());
                } catch (SQLException raced) {
                    Set<String> now = columnsOrNull(c);
                    if (now == null || !now.contains(column.getKey())) {
                        throw raced;
                    }
                }
            }
        }
    }

    /**
     * Stores the site's values (a key without a value is cleared): updates its row, or inserts it when
     * there is none. Each value is written as its declaration's kind: flags as booleans, numbers as
     * integers, everything else as text.
     */
    public void write(String siteKey, Map<SettingKey, String> values, Date updatedAt, String updatedBy) throws SQLException {
        List<SettingKey> keys = SettingsForm.editable();
        StringBuilder update = new StringBuilder("UPDATE ").append(TABLE).append(" SET ");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(TABLE).append(" (");
        for (SettingKey key : keys) {
            update.append(key.declaration().column()).append(" = ?, ");
            insert.append(key.declaration().column()).append(", ");
        }
        update.append(UPDATED_AT).append(" = ?, ").append(UPDATED_BY).append(" = ? WHERE SITE_KEY = ?");
        insert.append(UPDATED_AT).append(", ").append(UPDATED_BY).append(", SITE_KEY) VALUES (");
        for (int i = 0; i < keys.size() + 2; i++) {
            insert.append("?, ");
        }
        insert.append("?)");
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true); // one statement that counts: the update, else the insert
            }
            if (execute(c, update.toString(), keys, values, siteKey, updatedAt, updatedBy) == 0) {
                execute(c, insert.toString(), keys, values, siteKey, updatedAt, updatedBy);
            }
        }
    }

    private int execute(Connection c, String sql, List<SettingKey> keys, Map<SettingKey, String> values, String siteKey,
            Date updatedAt, String updatedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            int i = 1;
            for (SettingKey key : keys) {
                String value = SettingsValidator.trim(values.get(key));
                switch (key.declaration().kind()) {
                    case FLAG:
                        ps.setObject(i++, value == null ? null : Boolean.valueOf(value), Types.BOOLEAN);
                        break;
                    case NUMBER:
                        ps.setObject(i++, value == null ? null : Integer.valueOf(value), Types.INTEGER);
                        break;
                    default:
                        ps.setString(i++, value);
                }
            }
            ps.setTimestamp(i++, updatedAt == null ? null : new Timestamp(updatedAt.getTime()));
            ps.setString(i++, updatedBy);
            ps.setString(i, siteKey);
            return ps.executeUpdate();
        }
    }

    /** The columns after the key, in order: the audit pair, then one per declaration. */
    static Map<String, String> columnDefinitions(String databaseProduct) {
        String product = databaseProduct == null ? "" : databaseProduct.toLowerCase(Locale.ROOT);
        String booleanType = booleanType(product);
        Map<String, String> columns = new LinkedHashMap<String, String>();
        columns.put(UPDATED_AT, product.contains("microsoft") ? "DATETIME2" : "TIMESTAMP"); // SQL Server's TIMESTAMP is a row version
        columns.put(UPDATED_BY, "VARCHAR(255)");
        for (SettingKey key : SettingsForm.editable()) {
            Setting s = key.declaration();
            columns.put(s.column(), s.kind() == Setting.Kind.FLAG ? booleanType
                    : s.kind() == Setting.Kind.NUMBER ? "INTEGER" : "VARCHAR(" + s.columnLength() + ")");
        }
        return columns;
    }

    /** The boolean column type of a database (those without one get a small number, which JDBC reads as a boolean). */
    private static String booleanType(String product) {
        if (product.contains("oracle") || product.contains("db2")) {
            return "SMALLINT";
        }
        return product.contains("microsoft") ? "BIT" : "BOOLEAN";
    }

    /** The table's column names (upper case), or null when it cannot be queried (missing). */
    private static Set<String> columnsOrNull(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(NO_ROW)) {
            return columnNames(rs.getMetaData());
        } catch (SQLException e) {
            return null;
        }
    }

    private static Set<String> columnNames(ResultSetMetaData meta) throws SQLException {
        Set<String> columns = new HashSet<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
        }
        return columns;
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
        Set<String> columns = columnNames(rs.getMetaData());
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
