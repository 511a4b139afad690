package io.github.rejoinerbroadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

/**
 * Signed, expiring tokens for a read-only link to one order's summary: a guest's converted order
 * has no account page, so the {@code return_url} Rejoiner mails points at
 * {@code /rejoiner/order?t=...}. The token holds only the order's internal id and its issue and
 * expiry times (no e-mail, no session, no order number to guess from). Same keys as cart restore
 * links, but the MAC covers a purpose label first, so neither kind of token is accepted as the other.
 *
 * <p>Format: base64url (no padding) of version byte {@code 2}, issued-at, expires-at and order id
 * (three big-endian longs), then HMAC-SHA256 over the label and those 25 bytes.
 */
public final class OrderLinkCodec {

    static final int VERSION = 2;
    static final String PURPOSE = "rejoiner-broadleaf/order-summary-link/v1";
    private static final int PAYLOAD = 1 + 8 + 8 + 8;
    private static final int MAC_LENGTH = 32;
    private static final long SECONDS_PER_DAY = 86400L;
    private static final long CLOCK_SKEW_SECONDS = 300;

    private final Clock clock;

    public OrderLinkCodec(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock");
        }
        this.clock = clock;
    }

    /** A token for the order, valid for {@code days} days (1 to {@link RestoreTokenCodec#MAX_DAYS}). */
    public String encode(long orderId, int days, RestoreKeys keys) {
        long now = clock.instant().getEpochSecond();
        return encode(orderId, now, now + capped(days) * SECONDS_PER_DAY, keys);
    }

    /** A token with explicit times (tests, and tokens someone holding the key might mint). */
    public String encode(long orderId, long issuedAt, long expiresAt, RestoreKeys keys) {
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD + MAC_LENGTH);
        b.put((byte) VERSION).putLong(issuedAt).putLong(expiresAt).putLong(orderId);
        b.put(mac(keys.signingKey(), b.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * The order id of a valid token.
     *
     * @param maxDays the configured lifetime, counted from the issue time whatever the token's own expiry says
     * @throws InvalidRestoreTokenException when missing, malformed, not signed with an accepted key, or expired
     */
    public long decode(String token, RestoreKeys keys, int maxDays) throws InvalidRestoreTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidRestoreTokenException(Reason.MISSING, null);
        }
        if (token.length() > 200) {
            throw new InvalidRestoreTokenException(Reason.TOO_LONG, token.length() + " characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "not base64url");
        }
        if (bytes.length != PAYLOAD + MAC_LENGTH) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "wrong length");
        }
        if ((bytes[0] & 0xff) != VERSION) {
            throw new InvalidRestoreTokenException(Reason.UNSUPPORTED_VERSION, "version " + (bytes[0] & 0xff));
        }
        byte[] given = new byte[MAC_LENGTH];
        System.arraycopy(bytes, PAYLOAD, given, 0, MAC_LENGTH);
        boolean signed = false;
        for (byte[] key : keys.acceptedKeys()) {
            signed |= MessageDigest.isEqual(given, mac(key, bytes));
        }
        if (!signed) {
            throw new InvalidRestoreTokenException(Reason.BAD_SIGNATURE, null);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        long issuedAt = b.getLong();
        long expiresAt = b.getLong();
        long orderId = b.getLong();
        long now = clock.instant().getEpochSecond();
        if (issuedAt > now + CLOCK_SKEW_SECONDS || expiresAt < issuedAt || orderId <= 0) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "implausible times or id");
        }
        if (now > expiresAt || now > issuedAt + capped(maxDays) * SECONDS_PER_DAY) {
            throw new InvalidRestoreTokenException(Reason.EXPIRED, null);
        }
        return orderId;
    }

    /** HMAC over the purpose label and the payload (the first {@link #PAYLOAD} bytes). */
    private static byte[] mac(byte[] key, byte[] tokenBytes) {
        byte[] label = PURPOSE.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[label.length + PAYLOAD];
        System.arraycopy(label, 0, input, 0, label.length);
        System.arraycopy(tokenBytes, 0, input, label.length, PAYLOAD);
        return RestoreKeys.hmac(key, input, 0, input.length);
    }

    private static long capped(int days) {
        return Math.min(RestoreTokenCodec.MAX_DAYS, Math.max(1, days));
    }
}
