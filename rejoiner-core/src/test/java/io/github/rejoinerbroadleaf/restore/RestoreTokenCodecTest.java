package io.github.rejoinerbroadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RestoreTokenCodecTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final RestoreKeys KEYS = RestoreKeys.of("current-key", null);

    private final MutableClock clock = new MutableClock(NOW);
    private final RestoreTokenCodec codec = new RestoreTokenCodec(clock);

    private static List<RestoreLine> sampleLines() {
        Map<String, String> size = new TreeMap<>();
        size.put("SIZE", "M");
        Map<String, String> unicode = new TreeMap<>();
        unicode.put("ENGRAVING", "Grüße \uD83C\uDF36 \u8FA3");
        return List.of(
                RestoreLine.of(1L, 1L, 2),
                RestoreLine.of(7L, 72L, 1, size),
                RestoreLine.of(null, 5L, 3),
                RestoreLine.of(9L, null, 1, unicode),
                RestoreLine.of(Long.MAX_VALUE, 0L, 99));
    }

    private String sampleToken() {
        return codec.encode(codec.issue(sampleLines(), 30), KEYS);
    }

    @Test
    void theServerEnforcesTheConfiguredLifetimeWhateverTheTokenSays() {
        // A token minted by someone holding the key, with a ten-year expiry field.
        RestoreToken tenYears = new RestoreToken(sampleLines(), NOW.getEpochSecond(), NOW.getEpochSecond() + 3650L * 86400);
        String token = codec.encode(tenYears, KEYS);

        clock.set(NOW.plus(java.time.Duration.ofDays(7)).plusSeconds(1));

        InvalidRestoreTokenException e = assertThrows(InvalidRestoreTokenException.class, () -> codec.decode(token, KEYS, 7));
        assertEquals(InvalidRestoreTokenException.Reason.EXPIRED, e.reason());
    }

    @Test
    void theConfiguredLifetimeIsCappedAtAYear() {
        String token = codec.encode(new RestoreToken(sampleLines(), NOW.getEpochSecond(),
                NOW.getEpochSecond() + 3650L * 86400), KEYS);

        clock.set(NOW.plus(java.time.Duration.ofDays(366)));

        assertThrows(InvalidRestoreTokenException.class, () -> codec.decode(token, KEYS, 100_000));
    }

    @Test
    void withinTheConfiguredLifetimeTheTokenIsValid() throws Exception {
        String token = codec.encode(codec.issue(sampleLines(), 30), KEYS);

        clock.set(NOW.plus(java.time.Duration.ofDays(6)));

        assertEquals(sampleLines(), codec.decode(token, KEYS, 7).lines());
    }

    @Test
    void aTokenIssuedInTheFutureIsNotValid() {
        String token = codec.encode(new RestoreToken(sampleLines(), NOW.getEpochSecond() + 3600,
                NOW.getEpochSecond() + 7200), KEYS);

        assertThrows(InvalidRestoreTokenException.class, () -> codec.decode(token, KEYS, 30));
    }

    @Test
    void roundTrip() throws Exception {
        RestoreToken issued = codec.issue(sampleLines(), 30);
        String encoded = codec.encode(issued, KEYS);

        RestoreToken decoded = codec.decode(encoded, KEYS);

        assertEquals(issued, decoded);
        assertEquals(sampleLines(), decoded.lines());
        assertEquals(NOW.getEpochSecond(), decoded.issuedAt());
        assertEquals(NOW.plus(Duration.ofDays(30)).getEpochSecond(), decoded.expiresAt());
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
    }

    @Test
    void anEmptyCartRoundTrips() throws Exception {
        RestoreToken issued = codec.issue(List.of(), 30);
        assertEquals(issued, codec.decode(codec.encode(issued, KEYS), KEYS));
    }

    @Test
    void aTypicalLinkIsShort() {
        String token = codec.encode(codec.issue(List.of(RestoreLine.of(1L, 1L, 2), RestoreLine.of(3L, 3L, 1)), 30), KEYS);
        assertTrue(token.length() < 80, token);
    }

    @Test
    void theTokenHoldsNoKeyAndNoReadableText() {
        String token = sampleToken();
        assertFalse(token.contains("current-key"));
        String raw = new String(Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("current-key"));
    }

    @Test
    void flippingAnyBitOfAnyByteIsRejected() {
        byte[] bytes = Base64.getUrlDecoder().decode(sampleToken());
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = bytes.clone();
                tampered[i] ^= (byte) (1 << bit);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
                assertRejected(token, "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void changingAnyCharacterIsRejected() {
        String token = sampleToken();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (char c : (alphabet + "+/=.~ %").toCharArray()) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String tampered = token.substring(0, i) + c + token.substring(i + 1);
                assertRejected(tampered, "position " + i + " -> " + c);
            }
        }
    }

    @Test
    void everyTruncationIsRejected() {
        String token = sampleToken();
        for (int length = 0; length < token.length(); length++) {
            assertRejected(token.substring(0, length), "first " + length + " characters");
            assertRejected(token.substring(token.length() - length), "last " + length + " characters");
        }
    }

    @Test
    void appendedCharactersAreRejected() {
        String token = sampleToken();
        for (String tail : new String[] {"A", "AA", "AAAA", "=", "==", "%3D", " "}) {
            assertRejected(token + tail, "tail " + tail);
        }
    }

    @Test
    void oversizedTokensAreRejectedBeforeDecoding() {
        String huge = "A".repeat(RestoreTokenCodec.MAX_TOKEN_LENGTH + 1);
        InvalidRestoreTokenException e = assertThrows(InvalidRestoreTokenException.class, () -> codec.decode(huge, KEYS));
        assertEquals(Reason.TOO_LONG, e.reason());
        assertEquals(Reason.TOO_LONG, reasonFor("x".repeat(1_000_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "not a token!", "<script>alert(1)</script>", "AAAA", "A",
            "////", "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo", "%00%00", "\u0000\u0001",
            "Zm9vYmFy", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"})
    void garbageIsRejected(String garbage) {
        assertRejected(garbage, garbage);
    }

    @Test
    void nullIsMissing() {
        assertEquals(Reason.MISSING, reasonFor(null));
        assertEquals(Reason.MISSING, reasonFor(""));
    }

    @Test
    void randomBytesAreRejected() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = 1; // right version, so the signature check is what refuses it
            }
            assertRejected(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "random " + i);
        }
    }

    @Test
    void aForeignVersionIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(sampleToken());
        bytes[0] = 2;
        assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    @Test
    void expiresAfterItsLifetime() throws Exception {
        String token = codec.encode(codec.issue(sampleLines(), 30), KEYS);

        clock.set(NOW.plus(Duration.ofDays(30)));
        codec.decode(token, KEYS); // the last second is still valid

        clock.set(NOW.plus(Duration.ofDays(30)).plusSeconds(1));
        assertEquals(Reason.EXPIRED, reasonFor(token));

        clock.set(NOW.plus(Duration.ofDays(400)));
        assertEquals(Reason.EXPIRED, reasonFor(token));
    }

    @Test
    void lifetimeFollowsTheConfiguredDays() throws Exception {
        String token = codec.encode(codec.issue(sampleLines(), 2), KEYS);
        clock.set(NOW.plus(Duration.ofDays(1)));
        codec.decode(token, KEYS);
        clock.set(NOW.plus(Duration.ofDays(3)));
        assertEquals(Reason.EXPIRED, reasonFor(token));
    }

    @Test
    void aDifferentKeyIsRefused() {
        String token = sampleToken();
        InvalidRestoreTokenException e = assertThrows(InvalidRestoreTokenException.class,
                () -> codec.decode(token, RestoreKeys.of("another-key", null)));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void keyRotation() throws Exception {
        String signedWithOld = codec.encode(codec.issue(sampleLines(), 30), RestoreKeys.of("old-key", null));

        // rotated: the new key signs, the old one is still accepted
        RestoreKeys rotated = RestoreKeys.of("new-key", "old-key");
        assertEquals(sampleLines(), codec.decode(signedWithOld, rotated).lines());
        String signedWithNew = codec.encode(codec.issue(sampleLines(), 30), rotated);
        assertEquals(sampleLines(), codec.decode(signedWithNew, rotated).lines());
        assertEquals(Reason.BAD_SIGNATURE, reasonFor(signedWithNew, RestoreKeys.of("old-key", null)));

        // grace period over: the previous key is removed from the settings
        RestoreKeys afterGrace = RestoreKeys.of("new-key", null);
        assertEquals(Reason.BAD_SIGNATURE, reasonFor(signedWithOld, afterGrace));
        assertEquals(sampleLines(), codec.decode(signedWithNew, afterGrace).lines());
    }

    @Test
    void keysAreRequiredAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> RestoreKeys.of(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> RestoreKeys.of("  ", null));
        RestoreKeys keys = RestoreKeys.of("secret-one", "secret-two");
        assertFalse(keys.toString().contains("secret"));
        assertEquals(2, keys.size());
        assertEquals(1, RestoreKeys.of("same", "same").size());
    }

    @Test
    void rejectionMessagesCarryNeitherTokenNorKey() {
        String token = sampleToken();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String t : new String[] {tampered, token.substring(0, 20), "A".repeat(5000)}) {
            try {
                codec.decode(t, KEYS);
                fail("accepted");
            } catch (InvalidRestoreTokenException e) {
                assertFalse(e.getMessage().contains(t.substring(0, Math.min(t.length(), 12))), e.getMessage());
                assertFalse(e.getMessage().contains("current-key"), e.getMessage());
            }
        }
    }

    @Test
    void quantitiesAreCapped() throws Exception {
        assertEquals(99, RestoreLine.of(1L, 1L, 5000).quantity());
        assertEquals(1, RestoreLine.of(1L, 1L, 0).quantity());
        assertEquals(1, RestoreLine.of(1L, 1L, -7).quantity());
        assertEquals(99, RestoreLine.of(1L, 1L, Integer.MAX_VALUE).quantity());

        // the same item twice is one line, and the sum is capped too
        RestoreToken token = codec.issue(List.of(RestoreLine.of(1L, 1L, 60), RestoreLine.of(1L, 1L, 60)), 30);
        assertEquals(List.of(RestoreLine.of(1L, 1L, 99)), codec.decode(codec.encode(token, KEYS), KEYS).lines());
    }

    @Test
    void linesAreCappedAtOneHundred() throws Exception {
        List<RestoreLine> lines = new ArrayList<>();
        for (long id = 1; id <= 250; id++) {
            lines.add(RestoreLine.of(id, id, 1));
        }
        RestoreToken decoded = codec.decode(codec.encode(codec.issue(lines, 30), KEYS), KEYS);
        assertEquals(RestoreToken.MAX_LINES, decoded.lines().size());
        assertEquals(lines.subList(0, 100), decoded.lines());
    }

    @Test
    void aCartTooBigForOneLinkKeepsWhatFits() throws Exception {
        List<RestoreLine> lines = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            Map<String, String> options = new TreeMap<>();
            for (int o = 0; o < 3; o++) {
                options.put("OPTION_" + o, "v".repeat(40));
            }
            lines.add(RestoreLine.of(id, id, 1, options));
        }
        String token = codec.encode(codec.issue(lines, 30), KEYS);
        assertTrue(token.length() <= RestoreTokenCodec.MAX_TOKEN_LENGTH);
        List<RestoreLine> decoded = codec.decode(token, KEYS).lines();
        assertTrue(decoded.size() > 10 && decoded.size() < 100, "kept " + decoded.size());
        assertEquals(lines.subList(0, decoded.size()), decoded);
    }

    @Test
    void linesMustNameSomething() {
        assertThrows(IllegalArgumentException.class, () -> RestoreLine.of(null, null, 1));
        assertThrows(IllegalArgumentException.class, () -> RestoreLine.of(-1L, null, 1));
        Map<String, String> tooMany = new TreeMap<>();
        for (int i = 0; i <= RestoreLine.MAX_OPTIONS; i++) {
            tooMany.put("K" + i, "v");
        }
        assertThrows(IllegalArgumentException.class, () -> RestoreLine.of(1L, null, 1, tooMany));
        assertThrows(IllegalArgumentException.class, () -> RestoreLine.of(1L, null, 1, Map.of("K", "v".repeat(256))));
    }

    private void assertRejected(String token, String what) {
        try {
            RestoreToken decoded = codec.decode(token, KEYS);
            fail("accepted " + what + ": " + decoded);
        } catch (InvalidRestoreTokenException expected) {
            // refused
        }
    }

    private Reason reasonFor(String token) {
        return reasonFor(token, KEYS);
    }

    private Reason reasonFor(String token, RestoreKeys keys) {
        try {
            codec.decode(token, keys);
            return null;
        } catch (InvalidRestoreTokenException e) {
            return e.reason();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
