package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryRowTest {

    @Test
    void agesReadNaturally() {
        assertEquals("just now", DeliveryRow.age(Duration.ofSeconds(59)));
        assertEquals("5 min", DeliveryRow.age(Duration.ofMinutes(5)));
        assertEquals("3 h 10 min", DeliveryRow.age(Duration.ofMinutes(190)));
        assertEquals("2 d 4 h", DeliveryRow.age(Duration.ofHours(52)));
        assertEquals("just now", DeliveryRow.age(Duration.ofSeconds(-5)));
    }

    @Test
    void queuedRowsOfAPausedSiteShowAsPaused() {
        Instant now = Instant.parse("2024-01-01T12:00:00Z");
        QueuedConversion queued = QueuedConversion.builder().id(7).site("s").operation(LeadOperation.values()[0])
                .orderKey("R1").status(QueueStatus.QUEUED).attempts(2).lastHttpStatus(0).lastError("timeout")
                .createdAt(now.minusSeconds(600)).build();
        DeliveryRow row = new DeliveryRow(queued, true, now);
        assertEquals("PAUSED", row.getStatus());
        assertEquals("no answer", row.getLastHttpStatus());
        assertEquals("10 min", row.getAge());
        assertFalse(row.isRetryable());
        assertTrue(row.isDiscardable());

        DeliveryRow failed = new DeliveryRow(queued.toBuilder().status(QueueStatus.FAILED).lastHttpStatus(400).build(), true, now);
        assertEquals("FAILED", failed.getStatus());
        assertEquals("400", failed.getLastHttpStatus());
        assertTrue(failed.isRetryable());
    }

    @Test
    void theNodeColumnNamesWhoIsSendingARowAndSaysWhenItsLeaseRanOut() {
        Instant now = Instant.parse("2024-01-01T12:00:00Z");
        QueuedConversion sending = QueuedConversion.builder().id(8).site("s").operation(LeadOperation.values()[0])
                .orderKey("R2").status(QueueStatus.SENDING).claimedBy("shop-1").leaseUntil(now.plusSeconds(60))
                .createdAt(now).build();

        assertEquals("shop-1", new DeliveryRow(sending, false, now).getNode());
        assertEquals("shop-1 (lease expired)",
                new DeliveryRow(sending.toBuilder().leaseUntil(now.minusSeconds(1)).build(), false, now).getNode());
        assertEquals("shop-1", new DeliveryRow(sending.toBuilder().status(QueueStatus.SENT).build(), false, now).getNode());
        assertEquals("", new DeliveryRow(sending.toBuilder().status(QueueStatus.QUEUED).build(), false, now).getNode());
    }
}
