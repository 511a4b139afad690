package io.github.rejoinerbroadleaf.delivery.internal;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few differences between the supported databases: DDL resource, and whether candidates can be
 * selected with {@code FOR UPDATE SKIP LOCKED} so that concurrent nodes pick disjoint rows instead
 * of racing for the same ones. Everything else is plain SQL that runs on all of them.
 */
public enum Dialect {
    HSQLDB("hsqldb", false),
    H2("h2", false),
    POSTGRESQL("postgresql", true),
    // MySQL 8 has SKIP LOCKED but 5.7 and older MariaDB don't; the version claim is enough.
    MYSQL("mysql", false);

    private final String name;
    private final boolean skipLocked;

    Dialect(String name, boolean skipLocked) {
        this.name = name;
        this.skipLocked = skipLocked;
    }

    public static Dialect detect(DatabaseMetaData meta) throws SQLException {
        return fromProductName(meta.getDatabaseProductName());
    }

    public static Dialect fromProductName(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("hsql")) {
            return HSQLDB;
        }
        if (p.equals("h2") || p.startsWith("h2 ")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalStateException("Unsupported database for the Rejoiner delivery queue: " + product
                + " (supported: HSQLDB, H2, PostgreSQL, MySQL/MariaDB)");
    }

    /** Resource name of the DDL, relative to the delivery package. */
    public String schemaResource() {
        return "/io/github/rejoinerbroadleaf/delivery/schema-" + name + ".sql";
    }

    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    /** {@code LIMIT n} is understood by all four databases; kept here for the next one that doesn't. */
    public String limit(int limit) {
        return " LIMIT " + limit;
    }

    public String limitOffset(int limit, int offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }
}
