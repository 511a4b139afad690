package io.github.rejoinerbroadleaf.restore;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Order summary links: signed, expiring, holding only the order id, never interchangeable with cart links. */
class OrderLinkCodecTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final RestoreKeys KEYS = RestoreKeys.of("current-key", null);

    private static OrderLinkCodec at(Instant instant) {
        return new OrderLinkCodec(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsOrder() throws Exception {
        String token = at(NOW).encode(4711L, 30, KEYS);

        assertEquals(4711L, at(NOW.plus(Duration.ofDays(29))).decode(token, KEYS, 30));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = at(NOW).encode(4711L, 30, KEYS);
        char[] chars = token.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';

        InvalidRestoreTokenException e = assertThrows(InvalidRestoreTokenException.class,
                () -> at(NOW).decode(new String(chars), KEYS, 30));
        assertEquals(InvalidRestoreTokenException.Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void theConfiguredLifetimeCountsFromTheIssueTime() {
        String tenYears = at(NOW).encode(4711L, NOW.getEpochSecond(), NOW.getEpochSecond() + 3650L * 86400, KEYS);

        InvalidRestoreTokenException e = assertThrows(InvalidRestoreTokenException.class,
                () -> at(NOW.plus(Duration.ofDays(8))).decode(tenYears, KEYS, 7));
        assertEquals(InvalidRestoreTokenException.Reason.EXPIRED, e.reason());
    }

    @Test
    void anotherKeyIsRefused() {
        String token = at(NOW).encode(4711L, 30, RestoreKeys.of("someone-elses-key", null));

        assertThrows(InvalidRestoreTokenException.class, () -> at(NOW).decode(token, KEYS, 30));
    }

    @Test
    void cartLinksAndOrderLinksAreNotInterchangeable() {
        RestoreTokenCodec carts = new RestoreTokenCodec(Clock.fixed(NOW, ZoneOffset.UTC));
        String cartToken = carts.encode(carts.issue(List.of(RestoreLine.of(1L, 1L, 1)), 30), KEYS);
        String orderToken = at(NOW).encode(4711L, 30, KEYS);

        assertThrows(InvalidRestoreTokenException.class, () -> at(NOW).decode(cartToken, KEYS, 30));
        assertThrows(InvalidRestoreTokenException.class, () -> carts.decode(orderToken, KEYS, 30));
    }

    @Test
    void theTokenCarriesNothingButIdAndTimes() {
        String token = at(NOW).encode(4711L, 30, KEYS);

        assertEquals(76, token.length());
    }
}
