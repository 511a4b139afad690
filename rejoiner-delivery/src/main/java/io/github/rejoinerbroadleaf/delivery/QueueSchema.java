package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.internal.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the queue tables ({@code RJ_CONVERSION_QUEUE}, {@code RJ_SITE_DELIVERY_STATE}) when they
 * are missing. The DDL for each database is a resource next to this class
 * ({@code schema-hsqldb.sql}, {@code schema-h2.sql}, {@code schema-postgresql.sql},
 * {@code schema-mysql.sql}), so that a DBA who manages the schema can run it by hand instead.
 */
public final class QueueSchema {

    private static final Logger LOG = LoggerFactory.getLogger(QueueSchema.class);
    private static final Pattern TABLE_OF = Pattern.compile(
            "^CREATE\\s+(?:TABLE\\s+(\\w+)|(?:UNIQUE\\s+)?INDEX\\s+\\w+\\s+ON\\s+(\\w+))",
            Pattern.CASE_INSENSITIVE);

    private QueueSchema() {
    }

    /**
     * Detects the database from the JDBC metadata and creates each table (with its indexes) that
     * the connection's default schema lacks. Safe to call from several nodes at once: a node that
     * loses the race to create a table checks that the table now exists and carries on.
     *
     * @return the tables created
     * @throws SQLException when the database is unsupported or a table could not be created
     */
    public static List<String> createIfMissing(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            Dialect dialect = Dialect.detect(c.getMetaData());
            Map<String, Boolean> existed = new HashMap<String, Boolean>();
            List<String> created = new ArrayList<String>();
            for (String statement : statements(dialect)) {
                String table = tableOf(statement);
                Boolean had = existed.get(table);
                if (had == null) {
                    had = tableExists(c, table);
                    existed.put(table, had);
                }
                if (had) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    st.execute(statement);
                } catch (SQLException e) {
                    if (!statement.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE") || !tableExists(c, table)) {
                        throw e;
                    }
                    // Another node created it concurrently, indexes included (or about to be).
                    existed.put(table, Boolean.TRUE);
                    continue;
                }
                if (!created.contains(table)) {
                    created.add(table);
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created Rejoiner delivery tables {} ({})", created, dialect);
            }
            return created;
        }
    }

    /** The DDL statements for a database product name as JDBC reports it (e.g. "PostgreSQL"). */
    public static List<String> ddl(String databaseProductName) {
        return statements(Dialect.fromProductName(databaseProductName));
    }

    static List<String> statements(Dialect dialect) {
        String text = read(dialect.schemaResource());
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<String>();
        for (String s : withoutComments.toString().split(";")) {
            String trimmed = s.trim();
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    private static String tableOf(String statement) {
        Matcher m = TABLE_OF.matcher(statement);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected DDL statement: " + statement);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /**
     * Probes with a query rather than {@code DatabaseMetaData.getTables} so that the answer is
     * about the connection's own schema / search path, whatever the identifier case rules are.
     */
    private static boolean tableExists(Connection c, String table) {
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String read(String resource) {
        try (InputStream in = QueueSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
