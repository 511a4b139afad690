package io.github.rejoinerbroadleaf.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.rejoinerbroadleaf.delivery.QueueSchema;

/** Creates the queue tables at start-up, or (with {@code rejoiner.delivery.initialize-schema=false}) checks that they exist. */
final class QueueTables {

    static final String PROPERTY = "rejoiner.delivery.initialize-schema";
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private QueueTables() {
    }

    static void prepare(DataSource dataSource, boolean create) {
        if (create) {
            try {
                QueueSchema.createIfMissing(dataSource);
            } catch (SQLException | RuntimeException e) {
                throw new IllegalStateException("The Rejoiner delivery tables could not be created (" + e.getMessage()
                        + "). Fix the database access, or create them with the schema-*.sql script of rejoiner-delivery "
                        + "for this database and set " + PROPERTY + "=false.", e);
            }
            return;
        }
        List<String> missing;
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            missing = missingTables(c, QueueSchema.ddl(product));
        } catch (SQLException e) {
            throw new IllegalStateException("The Rejoiner delivery tables could not be checked: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new InvalidRejoinerPropertiesException(Collections.singletonList(new InvalidRejoinerPropertiesException.Problem(
                    PROPERTY, "is false and the queue's database (" + product + ") lacks the tables " + missing
                    + ": create them with the schema-*.sql script of rejoiner-delivery for " + product
                    + " (io/github/rejoinerbroadleaf/delivery/ in its jar), or set it to true")));
        }
    }

    /** The tables the DDL creates that the connection's schema does not have. */
    private static List<String> missingTables(Connection c, List<String> ddl) {
        List<String> missing = new ArrayList<String>();
        for (String statement : ddl) {
            Matcher m = CREATE_TABLE.matcher(statement.trim());
            if (m.find() && !exists(c, m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    private static boolean exists(Connection c, String table) {
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
