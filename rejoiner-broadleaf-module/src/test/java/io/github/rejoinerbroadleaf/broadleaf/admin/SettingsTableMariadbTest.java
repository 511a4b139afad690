package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;

/** On the MariaDB server of {@code REJOINER_TEST_MARIADB_URL}, in a database of its own. */
class SettingsTableMariadbTest extends SettingsTableContract {

    @Override
    DataSource createDatabase() throws Exception {
        String database = createOnServer("REJOINER_TEST_MARIADB_URL", "CREATE DATABASE %s CHARACTER SET utf8mb4", "DROP DATABASE %s");
        // jdbc:mariadb://host:port/db?params with this test's database
        String url = serverUrl();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?');
        return new MariaDbDataSource(url.substring(0, path) + "/" + database + (query < 0 ? "" : url.substring(query)));
    }

    @Override
    String olderBooleanType() {
        return "BIT(1)"; // what Hibernate's MySQL dialect created for the entity's Boolean fields
    }
}
