package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Starts one real sample store (Broadleaf, Jetty, in-memory HSQLDB) for the whole test run and
 * hands it to test classes as a parameter. Starting Broadleaf costs ~20 s, so it happens once.
 */
public final class RunningStore implements BeforeAllCallback, ParameterResolver {

    private static final String DB_URL = "jdbc:hsqldb:mem:sample-store-test";

    private static SampleStore store;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startOnce(context);
    }

    private static synchronized void startOnce(ExtensionContext context) throws Exception {
        if (store != null) {
            return;
        }
        System.setProperty("sample.db.url", DB_URL);
        // Deliver queued conversions quickly so tests need not wait for the 5 s default poll.
        System.setProperty("rejoiner.delivery.pollIntervalMillis", "200");
        store = SampleStore.start(0);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .put(RunningStore.class.getName(), (ExtensionContext.Store.CloseableResource) store::stop);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == SampleStore.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return store;
    }

    /** A connection to the store's own database, for asserting what checkout saved. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection(DB_URL, "sa", "");
    }
}
