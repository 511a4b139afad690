package io.github.rejoinerbroadleaf.delivery.internal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The queue's data source and its detected dialect, shared by the stores of one queue. */
public final class QueueDatabase {

    private final DataSource dataSource;
    private volatile Dialect dialect;

    public QueueDatabase(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource is required");
        }
        this.dataSource = dataSource;
    }

    public Dialect dialect() throws SQLException {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = dialect(c);
            }
        }
        return d;
    }

    Dialect dialect(Connection c) throws SQLException {
        Dialect d = dialect;
        if (d == null) {
            d = Dialect.detect(c.getMetaData());
            dialect = d;
        }
        return d;
    }

    /** A pooled connection as the pool hands it out (for the stores' own transactions). */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** A pooled connection in auto-commit mode, whatever the pool's default. */
    Connection open() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
