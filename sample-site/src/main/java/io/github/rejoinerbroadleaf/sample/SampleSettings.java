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

    static void applyDefaults() {
        defaultProperty("sample.db.driver", "org.hsqldb.jdbcDriver");
        defaultProperty("sample.db.url", "jdbc:hsqldb:mem:samplestore;sql.syntax_mys=false");
        defaultProperty("sample.db.user", "sa");
        defaultProperty("sample.db.password", "");
        defaultProperty("sample.db.validationQuery", "SELECT 1 FROM INFORMATION_SCHEMA.SYSTEM_USERS");
        // Broadleaf picks its runtime-properties by environment; the sample has one set.
        defaultProperty("runtime.environment", "development");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
