package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import org.broadleafcommerce.core.order.domain.Order;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The once-per-order mark on a real (in-memory HSQLDB) table, with the test's clock. */
class JdbcPageConversionMarkerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final JDBCDataSource dataSource = new JDBCDataSource();
    private JdbcPageConversionMarker marker;

    @BeforeEach
    void setUp() throws Exception {
        dataSource.setUrl("jdbc:hsqldb:mem:page-conversion-marker");
        dataSource.setUser("SA");
        dataSource.setPassword("");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE " + JdbcPageConversionMarker.TABLE + " IF EXISTS");
        }
        marker = new JdbcPageConversionMarker(dataSource, clock);
        marker.createTableIfMissing();
    }

    @Test
    void theFirstClaimWinsAndRecordsTheClocksTime() throws Exception {
        Order order = mock(Order.class);
        when(order.getId()).thenReturn(60L);
        when(order.getOrderNumber()).thenReturn("N-60");

        assertTrue(marker.claim(order));
        clock.advance(Duration.ofMinutes(5));
        assertFalse(marker.claim(order), "a reload finds the order marked");

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ORDER_NUMBER, CONVERTED_AT FROM " + JdbcPageConversionMarker.TABLE)) {
            assertTrue(rs.next());
            assertEquals("N-60", rs.getString(1));
            assertEquals(Instant.parse("2026-03-01T10:00:00Z"), rs.getTimestamp(2).toInstant());
            assertFalse(rs.next());
        }
    }
}
