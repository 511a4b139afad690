package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The generated restore-link key lives in the module's own table, not in Broadleaf's System Properties. */
@ExtendWith(RunningStore.class)
class RestoreLinkKeyStorageTest {

    private static long count(String sql) throws Exception {
        try (Connection c = RunningStore.database(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theGeneratedKeyIsNotASystemProperty(SampleStore store) throws Exception {
        String link = store.bean("blRejoinerCartRestoreService", CartRestoreService.class)
                .restoreUrl(List.of(RestoreLine.of(1L, 1L, 1)), "http://localhost:" + store.port());
        assertNotNull(link);

        assertEquals(List.of(0L, 1L), List.of(
                count("SELECT COUNT(*) FROM BLC_SYSTEM_PROPERTY WHERE PROPERTY_NAME LIKE 'rejoiner%'"),
                count("SELECT COUNT(*) FROM RJ_RESTORE_LINK_KEY")));
    }
}
