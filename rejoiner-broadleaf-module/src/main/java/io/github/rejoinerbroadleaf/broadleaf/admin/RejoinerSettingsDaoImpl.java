package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Plain-JDBC implementation over {@link JdbcSettingsTable} (the module's data source, outside JPA),
 * with the columns the setting declarations name. At the admin's start-up ({@link #prepareTable}), or
 * else on first use, it creates the table or adds the columns of new declarations, so adding an
 * admin-stored setting needs no entity field and no DDL by hand.
 */
public class RejoinerSettingsDaoImpl implements RejoinerSettingsDao {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerSettingsDaoImpl.class);

    private final JdbcSettingsTable table;
    private volatile boolean columnsChecked;

    public RejoinerSettingsDaoImpl(JdbcSettingsTable table) {
        this.table = table;
    }

    /** Start-up: creates or completes the table now; a failure is logged and tried again on first use. */
    public void prepareTable() {
        try {
            checkColumns();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not create or complete table {} at start-up (tried again when the settings screen is used): {}",
                    JdbcSettingsTable.TABLE, e.toString());
        }
    }

    @Override
    public RejoinerSettingsRecord read(String siteKey) {
        try {
            checkColumns();
            Map<SettingKey, String> values = table.read(siteKey);
            if (values.isEmpty()) {
                return null;
            }
            RejoinerSettingsRecord record = new RejoinerSettingsRecord();
            record.setSiteKey(siteKey);
            for (Map.Entry<SettingKey, String> value : values.entrySet()) {
                record.setValue(value.getKey(), value.getValue());
            }
            return record;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void save(RejoinerSettingsRecord record) {
        try {
            checkColumns();
            Map<SettingKey, String> values = new EnumMap<SettingKey, String>(SettingKey.class);
            for (SettingKey key : SettingsForm.editable()) {
                values.put(key, record.value(key));
            }
            table.write(record.getSiteKey(), values, record.getUpdatedAt(), record.getUpdatedBy());
        } catch (SQLException e) {
            throw failure("save", e);
        }
    }

    private void checkColumns() throws SQLException {
        if (!columnsChecked) {
            table.createOrAddColumns();
            columnsChecked = true;
        }
    }

    // the drivers' messages name the table or column at fault, not the values written
    private static IllegalStateException failure(String verb, SQLException e) {
        return new IllegalStateException("could not " + verb + " the Rejoiner settings in " + JdbcSettingsTable.TABLE + ": " + e, e);
    }
}
