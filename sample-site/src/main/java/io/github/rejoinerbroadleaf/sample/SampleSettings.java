package io.github.rejoinerbroadleaf.sample;

/**
 * Start-up settings of the sample store. Each one is a JVM system property that Broadleaf's
 * property placeholders fall back to, so {@code -Dsample.db.url=...} overrides the default.
 */
final class SampleSettings {

    static final int DEFAULT_PORT = 8080;

    private SampleSettings() {
    }

    /** {@code -Dserver.port}, else env {@code PORT}, else 8080. */
    static int port() {
        String value = System.getProperty("server.port");
        if (value == null || value.trim().isEmpty()) {
            value = System.getenv("PORT");
        }
        if (value == null || value.trim().isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT / server.port is not a number: " + value, e);
        }
    }

    static final String DEFAULT_HOST = "127.0.0.1";

    /** {@code -Dserver.host}, else env {@code HOST}, else 127.0.0.1 (loopback only); {@code 0.0.0.0} for all interfaces. */
    static String host() {
        String value = System.getProperty("server.host");
        if (value == null || value.trim().isEmpty()) {
            value = System.getenv("HOST");
        }
        return value == null || value.trim().isEmpty() ? DEFAULT_HOST : value.trim();
    }

    /** The host name for the store's own URLs: {@code localhost} when bound to loopback or all interfaces. */
    static String urlHost() {
        String host = host();
        boolean local = host.equals(DEFAULT_HOST) || host.equals("0.0.0.0") || host.equals("localhost")
                || host.equals("::") || host.equals("::1");
        return local ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }

    static final String EMBEDDED_URL = "jdbc:hsqldb:mem:samplestore;sql.syntax_mys=false";
    /** A table of the seeded catalog: present means the schema was created (and seeded) before. */
    static final String PROBE_TABLE = "BLC_PRODUCT";
    private static final String[] UNITS = {"blPU", "blCMSStorage", "blSecurePU"};

    /** What the sample derives from a JDBC URL. */
    enum Database {
        HSQLDB("org.hsqldb.jdbcDriver", "org.hibernate.dialect.HSQLDialect",
                "SELECT 1 FROM INFORMATION_SCHEMA.SYSTEM_USERS"),
        POSTGRESQL("org.postgresql.Driver", "org.hibernate.dialect.PostgreSQL82Dialect", "SELECT 1"),
        MARIADB("org.mariadb.jdbc.Driver", "org.hibernate.dialect.MySQL5InnoDBDialect", "SELECT 1");

        final String driver;
        final String dialect;
        final String validationQuery;

        Database(String driver, String dialect, String validationQuery) {
            this.driver = driver;
            this.dialect = dialect;
            this.validationQuery = validationQuery;
        }

        static Database of(String url) {
            if (url.startsWith("jdbc:hsqldb:")) {
                return HSQLDB;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
                return MARIADB;
            }
            throw new IllegalArgumentException("sample.db.url must be an HSQLDB, PostgreSQL or MariaDB/MySQL JDBC URL"
                    + " (jdbc:hsqldb:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:)");
        }

        /** In-memory HSQLDB: nothing survives the process, so the schema is always built afresh. */
        static boolean inMemory(String url) {
            return url.startsWith("jdbc:hsqldb:mem:");
        }
    }

    /** The environment variable for {@code sample.db.url}, for the Maven-started store (whose {@code -D} stays in Maven). */
    static final String DB_URL_VARIABLE = "SAMPLE_DB_URL";

    static void applyDefaults() {
        applyDefaults(System.getenv());
    }

    /**
     * Fills in every start-up setting not given as a system property: {@code -Dsample.db.url}
     * (else the environment's {@value #DB_URL_VARIABLE}) alone picks the driver, dialect, validation query and the credentials in the URL. The schema
     * of a persistent database is created and seeded only when it is empty ({@value #PROBE_TABLE}
     * missing) and updated otherwise, never dropped; {@code -DblPU.hibernate.hbm2ddl.auto=...} (and
     * the other units' keys) override that.
     */
    static void applyDefaults(java.util.Map<String, String> env) {
        String fromEnv = env.get(DB_URL_VARIABLE);
        defaultProperty("sample.db.url", fromEnv == null || fromEnv.trim().isEmpty() ? EMBEDDED_URL : fromEnv.trim());
        String url = System.getProperty("sample.db.url").trim();
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            // The MariaDB driver serves MySQL too, but accepts the mysql scheme only when asked to.
            url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
            System.setProperty("sample.db.url", url);
        }
        Database db = Database.of(url);
        defaultProperty("sample.db.driver", db.driver);
        defaultProperty("sample.db.user", db == Database.HSQLDB ? "sa" : urlParameter(url, "user"));
        defaultProperty("sample.db.password", db == Database.HSQLDB ? "" : urlParameter(url, "password"));
        defaultProperty("sample.db.validationQuery", db.validationQuery);
        for (String unit : UNITS) {
            defaultProperty(unit + ".hibernate.dialect", db.dialect);
        }
        if (System.getProperty("blPU.hibernate.hbm2ddl.auto") == null) {
            System.setProperty("blPU.hibernate.hbm2ddl.auto", Database.inMemory(url) ? "create-drop"
                    : hasSchema(System.getProperty("sample.db.driver"), url, System.getProperty("sample.db.user"),
                    System.getProperty("sample.db.password")) ? "update" : "create");
        }
        defaultProperty("blCMSStorage.hibernate.hbm2ddl.auto", "update");
        defaultProperty("blSecurePU.hibernate.hbm2ddl.auto", "update");
        // Broadleaf picks its runtime-properties by environment; the sample has one set.
        defaultProperty("runtime.environment", "development");
    }

    /** Whether the store's tables exist; a database that cannot be reached fails the start here, clearly. */
    static boolean hasSchema(String driver, String url, String user, String password) {
        try {
            Class.forName(driver);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JDBC driver " + driver + " is not on the classpath", e);
        }
        java.util.Properties props = new java.util.Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, props)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeQuery("SELECT COUNT(*) FROM " + PROBE_TABLE + " WHERE 1 = 0").close();
                return true;
            } catch (java.sql.SQLException missing) {
                return false;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot connect to sample.db.url: " + e.getMessage(), e);
        }
    }

    /** A query parameter of a JDBC URL ({@code ?user=..&password=..}), or "" when absent. */
    static String urlParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return "";
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return "";
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
