package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.hsqldb.jdbc.JDBCDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** On an in-memory HSQLDB database of its own. */
class SettingsTableHsqldbTest extends SettingsTableContract {

    private final String url = "jdbc:hsqldb:mem:settings-" + UUID.randomUUID();

    @Override
    DataSource createDatabase() {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("SA");
        return dataSource;
    }

    @Override
    void dropDatabase() throws Exception {
        onServer(url + ";user=SA", "SHUTDOWN");
    }

    @Override
    String olderBooleanType() {
        return "BOOLEAN";
    }
}
