package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.category;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.line;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.order;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.BroadleafMocks.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CartSnapshotTest {

    private static final Product TEE = product(7, "Tee", "18.00", "/tee", null, category("Merchandise"));

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

    @Test
    void aSnapshotWithoutCartDescribesNoCart() {
        assertTrue(new CartSnapshot(null, null, null).describes(null));
    }

    @Test
    void aSnapshotOfACartDoesNotDescribeNoCart() {
        assertFalse(new CartSnapshot(5L, quantities("1", 2), null).describes(null));
    }

    @Test
    void aSnapshotDescribesTheCartWithTheSameFingerprint() {
        Order cart = order(5, "36.00", "0", line(1, TEE, 2, "18.00"));
        CartSnapshot snapshot = new CartSnapshot(5L, quantities("7", 2), null, CartFingerprint.of(cart));

        assertTrue(snapshot.describes(CartFingerprint.of(cart)));
        assertFalse(snapshot.describes(CartFingerprint.of(order(5, "54.00", "0",
                line(1, TEE, 3, "18.00")))));
    }

    @Test
    void aSnapshotWithoutFingerprintDescribesNoCartWithItems() {
        Order cart = order(5, "36.00", "0", line(1, TEE, 2, "18.00"));
        assertFalse(new CartSnapshot(5L, quantities("7", 2), null).describes(CartFingerprint.of(cart)));
    }
}
