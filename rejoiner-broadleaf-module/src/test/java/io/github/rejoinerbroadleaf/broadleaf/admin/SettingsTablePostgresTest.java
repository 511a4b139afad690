package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** On the PostgreSQL server of {@code REJOINER_TEST_POSTGRES_URL}, in a schema of its own. */
class SettingsTablePostgresTest extends SettingsTableContract {

    @Override
    DataSource createDatabase() throws Exception {
        String schema = createOnServer("REJOINER_TEST_POSTGRES_URL", "CREATE SCHEMA %s", "DROP SCHEMA %s CASCADE");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(serverUrl() + (serverUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return dataSource;
    }

    @Override
    String olderBooleanType() {
        return "BOOLEAN";
    }
}
