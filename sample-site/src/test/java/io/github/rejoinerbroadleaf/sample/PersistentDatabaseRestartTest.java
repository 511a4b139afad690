package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample store on a persistent database, started the way docs/cluster.md starts a node (its own
 * JVM, {@code -Dsample.db.url} and nothing else about the database): the first start on an empty
 * database creates and seeds it, an order's conversion reaches the sandbox, and a restart keeps the
 * catalog, the order and its delivery record (no drop, no second seed). Runs on a fresh database on
 * the servers of {@code REJOINER_TEST_POSTGRES_URL} and {@code REJOINER_TEST_MARIADB_URL}, dropped
 * afterwards; skipped without them, failed without them on CI.
 */
class PersistentDatabaseRestartTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern UP = Pattern.compile("Sample store is up at http://localhost:(\\d+)/");
    private static final int SEEDED_PRODUCTS = 13;

    @Test
    void postgresqlKeepsTheStoreAndItsDeliveriesAcrossARestart() throws Exception {
        restartKeepsEverything(serverUrlOrSkip("REJOINER_TEST_POSTGRES_URL", "PostgreSQL"));
    }

    @Test
    void mariadbKeepsTheStoreAndItsDeliveriesAcrossARestart() throws Exception {
        restartKeepsEverything(serverUrlOrSkip("REJOINER_TEST_MARIADB_URL", "MariaDB"));
    }

    private void restartKeepsEverything(String serverUrl) throws Exception {
        String name = "rj_sample_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String url = withDatabase(serverUrl, name);
        execute(serverUrl, "CREATE DATABASE " + name);
        try {
            String first;
            try (StoreProcess store = StoreProcess.start(url, name + "-1")) {
                first = new Shopper(store.port).placeOrder("restart-1@example.com", "/hot-sauces/habanero-hellfire", "1", "1");
                awaitSent(url, first);
            }
            try (StoreProcess store = StoreProcess.start(url, name + "-2")) {
                assertEquals(List.of(SEEDED_PRODUCTS, 1, "SENT"), List.of(count(url, "SELECT COUNT(*) FROM BLC_PRODUCT"),
                                count(url, "SELECT COUNT(*) FROM BLC_ORDER WHERE ORDER_NUMBER = '" + first + "'"),
                                status(url, first)),
                        "after the restart: seeded products, the first order, its conversion's status");
                String second = new Shopper(store.port).placeOrder("restart-2@example.com", "/hot-sauces/green-ghost", "2", "1");
                awaitSent(url, second);
            }
        } finally {
            execute(serverUrl, "DROP DATABASE " + name);
        }
    }

    /** The URL of the server's test database, or a skip (a failure on CI) when it is not set. */
    private static String serverUrlOrSkip(String env, String server) {
        String url = System.getenv(env);
        if (url == null || url.trim().isEmpty()) {
            String message = env + " is not set, so the sample store cannot be started on " + server;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI must provide a " + server + " server");
            }
            Assumptions.assumeTrue(false, message + "; skipped");
        }
        return url.trim();
    }

    /** The same server URL naming another database: {@code jdbc:x://host:port/<name>?params}. */
    static String withDatabase(String serverUrl, String name) {
        Matcher m = Pattern.compile("^(jdbc:[a-z]+://[^/?]+/)[^?;]*(.*)$").matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:<db>://host/database URL: " + serverUrl.replaceAll("password=[^&]*", "password=..."));
        }
        return m.group(1) + name + m.group(2);
    }

    private static void awaitSent(String url, String orderNumber) throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        String status = status(url, orderNumber);
        while (!"SENT".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = status(url, orderNumber);
        }
        assertEquals("SENT", status, "conversion of order " + orderNumber + " within " + DELIVERY_TIMEOUT);
    }

    private static String status(String url, String orderNumber) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement st = c.prepareStatement("SELECT STATUS FROM RJ_CONVERSION_QUEUE WHERE ORDER_KEY = ?")) {
            st.setString(1, orderNumber);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The sample store in a JVM of its own, on the class path Maven resolves for it. */
    private static final class StoreProcess implements AutoCloseable {

        final Process process;
        final int port;

        private StoreProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static StoreProcess start(String dbUrl, String logName) throws Exception {
            String classpath = Paths.get("target", "classes").toAbsolutePath() + File.pathSeparator
                    + new String(Files.readAllBytes(Paths.get("target", "runtime-classpath.txt")), StandardCharsets.UTF_8).trim();
            List<String> command = new ArrayList<>(Arrays.asList(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "-Xmx512m", "-Dserver.port=0", "-Dserver.host=127.0.0.1", "-Dsample.db.url=" + dbUrl,
                    "-cp", classpath, SampleStore.class.getName()));
            Path log = Paths.get("target", logName + ".log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove(SampleSettings.DB_URL_VARIABLE);
            Process process = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher up = UP.matcher(read(log));
                if (up.find()) {
                    return new StoreProcess(process, Integer.parseInt(up.group(1)));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the sample store exited with " + process.exitValue() + "; see " + log);
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new AssertionError("the sample store did not start within " + START_TIMEOUT + "; see " + log);
        }

        private static String read(Path log) throws IOException {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        }

        /** Stops it as Ctrl-C does (Jetty's shutdown hook), so that the restart finds what a real stop leaves. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
