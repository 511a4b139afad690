package io.github.rejoinerbroadleaf.delivery;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * A minimal pooled DataSource over DriverManager, standing in for the store's pool (opening a
 * PostgreSQL connection per statement would dominate every timing). Connections come back in
 * auto-commit mode, like a real pool hands them out.
 */
final class TestPool implements DataSource, AutoCloseable {

    private final String url;
    private final Properties props;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean cut;

    TestPool(String url, String user, String password) {
        this.url = url;
        this.props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
    }

    /**
     * Pulls this node's cable: every later connection is refused. A worker cut off and stopped is, to
     * the queue, a node that died: it can neither give its rows back nor record an outcome.
     */
    void cut() {
        cut = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (cut) {
            throw new java.sql.SQLTransientConnectionException("test: this node lost its database");
        }
        Connection raw = idle.poll();
        if (raw == null) {
            raw = DriverManager.getConnection(url, props);
            synchronized (all) {
                all.add(raw);
            }
        }
        return wrap(raw);
    }

    private Connection wrap(Connection raw) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!closed[0]) {
                                closed[0] = true;
                                if (!raw.isClosed()) {
                                    if (!raw.getAutoCommit()) {
                                        raw.rollback();
                                        raw.setAutoCommit(true);
                                    }
                                    idle.offer(raw);
                                }
                            }
                            return null;
                        case "isClosed":
                            return closed[0] || raw.isClosed();
                        default:
                            try {
                                return method.invoke(raw, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            all.clear();
        }
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
