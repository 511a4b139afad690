package io.github.rejoinerbroadleaf.broadleaf.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Column;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import org.junit.jupiter.api.Test;

/**
 * The admin's entity maps exactly the settings whose declarations name a column, each in that
 * column (names unchanged, so existing RJ_ADMIN_SETTINGS rows still load), with the declared length.
 */
class EntityColumnsTest {

    @Test
    void everyStoredSettingHasItsDeclaredColumnAndNothingElseIsMapped() {
        Set<String> declared = new TreeSet<>();
        for (SettingKey key : SettingsForm.editable()) {
            declared.add(key.camelName() + " " + key.declaration().column() + " " + key.declaration().columnLength());
        }
        Set<String> mapped = new TreeSet<>();  // field order is not defined
        for (Field field : RejoinerSettingsRecord.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null && !List.of("siteKey", "updatedAt", "updatedBy").contains(field.getName())) {
                mapped.add(field.getName() + " " + column.name() + " " + (column.length() == 255 && !isText(field) ? 0 : column.length()));
            }
        }
        assertEquals(declared, mapped);
    }

    /** JPA's default length (255) means nothing for a Boolean or Integer column. */
    private static boolean isText(Field field) {
        return field.getType() == String.class;
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

    @Test
    void valuesRoundTripThroughTheColumnTypes() {
        RejoinerSettingsRecord r = new RejoinerSettingsRecord();
        r.setValue(SettingKey.TRACKING_ENABLED, "false");
        r.setValue(SettingKey.RESTORE_LINK_DAYS, " 12 ");
        r.setValue(SettingKey.SITE_ID, "  ");
        assertEquals(List.of("false", "12"), List.of(r.value(SettingKey.TRACKING_ENABLED), r.value(SettingKey.RESTORE_LINK_DAYS)));
        assertEquals(null, r.value(SettingKey.SITE_ID));
    }
}
