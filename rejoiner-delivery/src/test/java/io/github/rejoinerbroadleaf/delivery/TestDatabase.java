package io.github.rejoinerbroadleaf.delivery;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One isolated database per test: a fresh in-memory HSQLDB or H2 database, or a fresh schema in
 * the PostgreSQL server named by {@code REJOINER_TEST_POSTGRES_URL}. Several pools can be opened on
 * the same database to play several nodes.
 */
abstract class TestDatabase implements AutoCloseable {

    static final String POSTGRES_ENV = "REJOINER_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "REJOINER_TEST_MARIADB_URL";

    private final List<TestPool> pools = new ArrayList<>();

    /** A new connection pool on this test's database (a new "node"). */
    final synchronized TestPool newPool() {
        TestPool pool = createPool();
        pools.add(pool);
        return pool;
    }

    abstract String name();

    /** A JDBC URL (with credentials) another process can open this database with. */
    String url() {
        throw new UnsupportedOperationException(name() + " is in-memory: other processes cannot open it");
    }

    protected abstract TestPool createPool();

    protected abstract void dropDatabase() throws SQLException;

    @Override
    public synchronized void close() throws SQLException {
        pools.forEach(TestPool::close);
        dropDatabase();
    }

    static TestDatabase hsqldb() {
        return inMemory("HSQLDB", "jdbc:hsqldb:mem:rj" + randomName(), "SA");
    }

    static TestDatabase h2() {
        return inMemory("H2", "jdbc:h2:mem:rj" + randomName() + ";DB_CLOSE_DELAY=-1", "sa");
    }

    private static String randomName() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** An in-memory database of its own, dropped with {@code SHUTDOWN}. */
    private static TestDatabase inMemory(final String name, final String url, final String user) {
        return new TestDatabase() {
            @Override
            String name() {
                return name;
            }

            @Override
            protected TestPool createPool() {
                return new TestPool(url, user, "");
            }

            @Override
            protected void dropDatabase() throws SQLException {
                try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        };
    }

    /**
     * Skips the calling test when PostgreSQL is not configured, except on CI ({@code CI=true})
     * where a missing server must fail the build rather than silently test less.
     */
    static String postgresUrlOrSkip() {
        return urlOrSkip(POSTGRES_ENV, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/rejoiner_test"
                + "?user=rejoiner&password=rejoiner");
    }

    /** Like {@link #postgresUrlOrSkip()}, for MariaDB ({@code REJOINER_TEST_MARIADB_URL}). */
    static String mariadbUrlOrSkip() {
        return urlOrSkip(MARIADB_ENV, "MariaDB", "jdbc:mariadb://127.0.0.1:3306/rejoiner_test"
                + "?user=rejoiner&password=rejoiner");
    }

    private static String urlOrSkip(String env, String server, String example) {
        String url = System.getenv(env);
        if (url == null || url.trim().isEmpty()) {
            String message = env + " is not set (e.g. " + example + "), so the " + server + " queue tests cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI must provide a " + server + " server");
            }
            Assumptions.assumeTrue(false, message + "; skipped");
        }
        return url.trim();
    }

    /**
     * A fresh database (MariaDB's schema) on the server of {@code REJOINER_TEST_MARIADB_URL}; the
     * URL's own database is only used to connect for CREATE/DROP DATABASE.
     */
    static TestDatabase mariadb() throws SQLException {
        String baseUrl = mariadbUrlOrSkip();
        String database = "rj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        String url = withDatabase(baseUrl, database);
        return new TestDatabase() {
            @Override
            String name() {
                return "MariaDB";
            }

            @Override
            String url() {
                return url;
            }

            @Override
            protected TestPool createPool() {
                return new TestPool(url, null, null);
            }

            @Override
            protected void dropDatabase() throws SQLException {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + database);
                }
            }
        };
    }

    /** jdbc:mariadb://host:port/db?params with another db. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String hostPart = pathStart < 0 || (query >= 0 && pathStart > query) ? url.substring(0, query < 0 ? url.length() : query)
                : url.substring(0, pathStart);
        return hostPart + "/" + database + params;
    }

    static TestDatabase postgres() throws SQLException {
        String baseUrl = postgresUrlOrSkip();
        String schema = "rj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase() {
            @Override
            String name() {
                return "PostgreSQL";
            }

            @Override
            String url() {
                return url;
            }

            @Override
            protected TestPool createPool() {
                return new TestPool(url, null, null);
            }

            @Override
            protected void dropDatabase() throws SQLException {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        };
    }
}
