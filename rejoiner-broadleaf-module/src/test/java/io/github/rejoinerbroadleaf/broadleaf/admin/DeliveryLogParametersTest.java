package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The delivery log's page and row parameters: whatever arrives, a page that exists or no row. */
class DeliveryLogParametersTest {

    @Test
    void aPagePastTheEndIsTheLastPage() {
        // 120 rows make pages 0, 1 and 2 of 50.
        assertEquals(List.of(2, 2, 2), Arrays.asList(RejoinerDeliveryLogController.pageWithin("50000000", 120),
                RejoinerDeliveryLogController.pageWithin("3", 120),
                RejoinerDeliveryLogController.pageWithin("999999999999999999", 120)));
    }

    @Test
    void anythingThatIsNotAWholeNumberIsTheFirstPage() {
        assertEquals(List.of(0, 0, 0, 0, 0, 0), Arrays.asList(RejoinerDeliveryLogController.pageWithin("abc", 120),
                RejoinerDeliveryLogController.pageWithin("-1", 120), RejoinerDeliveryLogController.pageWithin("1.5", 120),
                RejoinerDeliveryLogController.pageWithin("", 120), RejoinerDeliveryLogController.pageWithin(null, 120),
                RejoinerDeliveryLogController.pageWithin("99999999999999999999999", 120)));
    }

    @Test
    void anEmptyLogHasOnlyPageZero() {
        assertEquals(0, RejoinerDeliveryLogController.pageWithin("7", 0));
    }

    @Test
    void aRowIdThatIsNotANumberMatchesNoRow() {
        assertEquals(List.of(-1L, -1L, -1L, 42L), Arrays.asList(RejoinerDeliveryLogController.rowId("x"),
                RejoinerDeliveryLogController.rowId("-5"), RejoinerDeliveryLogController.rowId("9".repeat(30)),
                RejoinerDeliveryLogController.rowId("42")));
    }
}
