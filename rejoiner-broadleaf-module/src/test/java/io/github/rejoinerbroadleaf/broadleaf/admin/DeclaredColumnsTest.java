package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.Test;

import javax.persistence.Column;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The admin's columns come from the setting declarations alone: the JPA entity kept for older
 * persistence units maps no setting, and the declared names are those existing tables already have.
 */
class DeclaredColumnsTest {

    @Test
    void theEntityMapsOnlyTheKeyAndAuditColumnsSoANewSettingNeedsNoField() {
        Set<String> mapped = new TreeSet<>();
        for (Field field : RejoinerSettingsRecord.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                mapped.add(column.name());
            }
        }
        assertEquals(Set.of("SITE_KEY", "UPDATED_AT", "UPDATED_BY"), mapped);
    }

    @Test
    void eachDeclarationGetsAPortableColumnTypeOfItsKindAndLength() {
        Map<String, String> oracle = JdbcSettingsTable.columnDefinitions("Oracle");
        Map<String, String> sqlServer = JdbcSettingsTable.columnDefinitions("Microsoft SQL Server");
        Map<String, String> postgres = JdbcSettingsTable.columnDefinitions("PostgreSQL");
        assertEquals(List.of("SMALLINT", "BIT", "BOOLEAN"), List.of(oracle.get("TRACKING_ENABLED"),
                sqlServer.get("TRACKING_ENABLED"), postgres.get("TRACKING_ENABLED")));
        assertEquals(List.of("INTEGER", "VARCHAR(255)", "VARCHAR(2000)", "TIMESTAMP", "DATETIME2"), List.of(postgres.get("RESTORE_LINK_DAYS"),
                postgres.get("API_SECRET"), postgres.get("UNTRACKED_PAGE_PATTERNS"), postgres.get("UPDATED_AT"), sqlServer.get("UPDATED_AT")));
    }

    @Test
    void theColumnsAreThoseOfExistingDatabases() {
        List<String> columns = new ArrayList<>();
        for (SettingKey key : SettingsForm.editable()) {
            columns.add(key.declaration().column());
        }
        assertEquals(List.of("API_GENERATION", "SITE_ID", "DOMAIN_NAME", "API_KEY", "API_SECRET", "JS_URL", "API_URL",
                "TRACKING_ENABLED", "AUTOMATIC_PLACEMENT", "CONVERSIONS_ENABLED", "CAMPAIGN_TYPE", "CAMPAIGN_IDS",
                "UNTRACKED_PAGE_PATTERNS", "CONSENT_COOKIE", "RESTORE_LINK_DAYS", "ITEM_IDENTITY"), columns);
    }
}
