package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CartSnapshotTest {

    private static Map<String, Integer> quantities(Object... idAndQuantity) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndQuantity.length; i += 2) {
            m.put((String) idAndQuantity[i], (Integer) idAndQuantity[i + 1]);
        }
        return m;
    }

    @Test
    void sameCartProductsQuantitiesAndCustomerAreEqual() {
        assertEquals(new CartSnapshot(5L, quantities("1", 2, "7", 1), "a@b.test"),
                new CartSnapshot(5L, quantities("1", 2, "7", 1), "a@b.test"));
    }

    @Test
    void theOrderOfProductsCounts() {
        assertNotEquals(new CartSnapshot(5L, quantities("1", 2, "7", 1), null),
                new CartSnapshot(5L, quantities("7", 1, "1", 2), null));
    }

    @Test
    void aChangedQuantityIsADifferentSnapshot() {
        assertNotEquals(new CartSnapshot(5L, quantities("1", 2), null), new CartSnapshot(5L, quantities("1", 3), null));
    }

    @Test
    void aDifferentCustomerIsADifferentSnapshot() {
        assertNotEquals(new CartSnapshot(5L, quantities("1", 2), "a@b.test"), new CartSnapshot(5L, quantities("1", 2), null));
    }
}
