package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CartChangesTest {

    private static final CartChanges.SubmittedCheck NEVER_ASKED = id -> fail("no lookup expected for " + id);

    @Test
    void withoutSnapshotNothingIsReported() {
        assertTrue(CartChanges.between(null, 5L, products("1", 1), NEVER_ASKED).isEmpty());
    }

    @Test
    void aFirstCartStartsANewOrder() {
        CartChanges c = CartChanges.between(new CartSnapshot(null, null, null), 5L, products("1", 1), NEVER_ASKED);
        assertTrue(c.startNewOrder());
        assertFalse(c.clearCart());
    }

    @Test
    void aProductGoneFromTheSameCartIsRemovedOthersAreNot() {
        CartSnapshot before = new CartSnapshot(5L, products("1", 1, "2", 3, "3", 1), null);
        CartChanges c = CartChanges.between(before, 5L, products("2", 1), NEVER_ASKED);
        assertEquals(List.of("1", "3"), c.removedProductIds());
        assertFalse(c.startNewOrder());
        assertFalse(c.clearCart());
        assertTrue(CartChanges.between(before, 5L, products("1", 9, "2", 3, "3", 1), NEVER_ASKED).isEmpty(),
                "quantity changes are carried by setCartData/setCartItem");
    }

    @Test
    void anEmptiedOrCancelledCartIsCleared() {
        CartSnapshot before = new CartSnapshot(5L, products("1", 1), null);
        CartChanges c = CartChanges.between(before, null, products(), id -> false);
        assertTrue(c.clearCart());
        assertFalse(c.startNewOrder());
    }

    @Test
    void aSubmittedOrderIsNotClearedAndTheNextCartStartsANewOrder() {
        CartSnapshot before = new CartSnapshot(5L, products("1", 1), null);
        assertTrue(CartChanges.between(before, null, products(), id -> true).isEmpty());
        CartChanges next = CartChanges.between(before, 6L, products("2", 1), id -> true);
        assertTrue(next.startNewOrder());
        assertFalse(next.clearCart());
    }

    @Test
    void aCartReplacedByAnotherIsClearedThenStarted() {
        CartChanges c = CartChanges.between(new CartSnapshot(5L, products("1", 1), null), 9L, products("1", 1), id -> false);
        assertTrue(c.clearCart());
        assertTrue(c.startNewOrder());
        assertTrue(c.removedProductIds().isEmpty());
    }

    private static Map<String, Integer> products(Object... idAndQuantity) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndQuantity.length; i += 2) {
            m.put((String) idAndQuantity[i], (Integer) idAndQuantity[i + 1]);
        }
        return m;
    }

    @Test
    void aParkedCartStaysWhileNoCartOrTheSameCartIsShown() {
        CartSnapshot parked = new CartSnapshot(null, null, null, null, 40L);
        assertTrue(CartChanges.between(parked, null, products(), NEVER_ASKED).isEmpty(), "a logout keeps the customer's cart");
        assertTrue(CartChanges.between(parked, 40L, products("1", 1), NEVER_ASKED).isEmpty(), "the same cart came back");
    }

    @Test
    void aDifferentCartClearsTheParkedOneFirst() {
        CartSnapshot parked = new CartSnapshot(null, null, null, null, 40L);
        CartChanges c = CartChanges.between(parked, 41L, products("2", 1), id -> false);
        assertTrue(c.clearCart());
        assertTrue(c.startNewOrder());
    }

    @Test
    void aParkedCartThatWasSubmittedIsNotCleared() {
        CartSnapshot parked = new CartSnapshot(null, null, null, null, 40L);
        CartChanges c = CartChanges.between(parked, 41L, products("2", 1), id -> id == 40L);
        assertFalse(c.clearCart());
        assertTrue(c.startNewOrder());
    }

    @Test
    void aSnapshotWithACartHasNothingParked() {
        assertEquals(null, new CartSnapshot(5L, products("1", 1), null, null, 40L).parkedCartId());
    }
}
