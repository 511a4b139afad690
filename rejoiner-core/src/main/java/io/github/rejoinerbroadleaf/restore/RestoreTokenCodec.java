package io.github.rejoinerbroadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException.Reason;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RestoreToken} into a short, URL-safe, signed string and back.
 *
 * <p>Format (version 1), base64url without padding of:
 * <pre>
 *   version      1 byte (= 1)
 *   issuedAt     unsigned varint, epoch seconds
 *   lifetime     unsigned varint, seconds until expiry
 *   lineCount    unsigned varint (at most 100)
 *   line*        flags (1 byte: bit 0 product id present, bit 1 SKU id present),
 *                [productId varint], [skuId varint], quantity varint,
 *                optionCount varint, (name, value)* as varint length + UTF-8 bytes
 *   mac          32 bytes: HMAC-SHA256(key, all bytes above)
 * </pre>
 * Decoding checks, in order: length ({@value #MAX_TOKEN_LENGTH} characters at most), canonical
 * base64url, version, signature (constant-time, current key then previous key), payload
 * structure, expiry against the injected {@link Clock}. Thread-safe.
 */
public final class RestoreTokenCodec {

    /** Longest token accepted or produced, in characters. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    static final int VERSION = 1;
    static final int MAC_LENGTH = 32;
    private static final long SECONDS_PER_DAY = 86400L;
    /** No link lives longer than this, whatever the settings or a token's own expiry say. */
    public static final int MAX_DAYS = 365;
    /** Clock difference between nodes tolerated for a token's issue time. */
    private static final long CLOCK_SKEW_SECONDS = 300;

    private final Clock clock;

    public RestoreTokenCodec(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock");
        }
        this.clock = clock;
    }

    /** A token for these lines, issued now and valid for {@code days} days (at least one). */
    public RestoreToken issue(List<RestoreLine> lines, int days) {
        long now = nowSeconds();
        return new RestoreToken(lines, now, now + capped(days) * SECONDS_PER_DAY);
    }

    /**
     * The signed string for a token. Lines that would make it longer than
     * {@link #MAX_TOKEN_LENGTH} are left out, last first.
     */
    public String encode(RestoreToken token, RestoreKeys keys) {
        List<RestoreLine> lines = new ArrayList<RestoreLine>(token.lines());
        while (true) {
            String encoded = encodeExactly(new RestoreToken(lines, token.issuedAt(), token.expiresAt()), keys);
            if (encoded.length() <= MAX_TOKEN_LENGTH || lines.isEmpty()) {
                return encoded;
            }
            lines.remove(lines.size() - 1);
        }
    }

    private static String encodeExactly(RestoreToken token, RestoreKeys keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        writeVarint(out, token.issuedAt());
        writeVarint(out, token.expiresAt() - token.issuedAt());
        writeVarint(out, token.lines().size());
        for (RestoreLine line : token.lines()) {
            out.write((line.productId() != null ? 1 : 0) | (line.skuId() != null ? 2 : 0));
            if (line.productId() != null) {
                writeVarint(out, line.productId());
            }
            if (line.skuId() != null) {
                writeVarint(out, line.skuId());
            }
            writeVarint(out, line.quantity());
            writeVarint(out, line.options().size());
            for (Map.Entry<String, String> option : line.options().entrySet()) {
                writeString(out, option.getKey());
                writeString(out, option.getValue());
            }
        }
        byte[] payload = out.toByteArray();
        byte[] mac = RestoreKeys.hmac(keys.signingKey(), payload, 0, payload.length);
        out.write(mac, 0, mac.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The token a string stands for.
     *
     * @throws InvalidRestoreTokenException when it is missing, too long, malformed, not signed with
     *                                      an accepted key, or expired
     */
    public RestoreToken decode(String token, RestoreKeys keys) throws InvalidRestoreTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidRestoreTokenException(Reason.MISSING, null);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRestoreTokenException(Reason.TOO_LONG, token.length() + " characters");
        }
        byte[] bytes = decodeBase64(token);
        if (bytes.length < 1 + MAC_LENGTH) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "too short");
        }
        if ((bytes[0] & 0xff) != VERSION) {
            throw new InvalidRestoreTokenException(Reason.UNSUPPORTED_VERSION, "version " + (bytes[0] & 0xff));
        }
        int payloadLength = bytes.length - MAC_LENGTH;
        byte[] mac = new byte[MAC_LENGTH];
        System.arraycopy(bytes, payloadLength, mac, 0, MAC_LENGTH);
        boolean signed = false;
        for (byte[] key : keys.acceptedKeys()) {
            // every accepted key is tried, so timing does not tell which one matched
            signed |= MessageDigest.isEqual(mac, RestoreKeys.hmac(key, bytes, 0, payloadLength));
        }
        if (!signed) {
            throw new InvalidRestoreTokenException(Reason.BAD_SIGNATURE, null);
        }
        RestoreToken decoded = parse(ByteBuffer.wrap(bytes, 1, payloadLength - 1));
        if (nowSeconds() > decoded.expiresAt()) {
            throw new InvalidRestoreTokenException(Reason.EXPIRED, null);
        }
        return decoded;
    }

    /**
     * {@link #decode(String, RestoreKeys)} with the lifetime enforced by the server: a token is
     * expired {@code maxDays} days (at most {@link #MAX_DAYS}) after it was issued, even when its own
     * expiry field says later (someone holding the key could mint links of any lifetime), and one
     * issued in the future is not valid.
     */
    public RestoreToken decode(String token, RestoreKeys keys, int maxDays) throws InvalidRestoreTokenException {
        RestoreToken decoded = decode(token, keys);
        long now = nowSeconds();
        if (decoded.issuedAt() > now + CLOCK_SKEW_SECONDS) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "issued in the future");
        }
        if (now > decoded.issuedAt() + capped(maxDays) * SECONDS_PER_DAY) {
            throw new InvalidRestoreTokenException(Reason.EXPIRED, null);
        }
        return decoded;
    }

    private static long capped(int days) {
        return Math.min(MAX_DAYS, Math.max(1, days));
    }

    private static byte[] decodeBase64(String token) throws InvalidRestoreTokenException {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidRestoreTokenException(Reason.MALFORMED, "not base64url");
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "not base64url");
        }
        // The decoder ignores the unused low bits of the last character: insist on the one spelling we produce.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "not canonical base64url");
        }
        return bytes;
    }

    private static RestoreToken parse(ByteBuffer in) throws InvalidRestoreTokenException {
        try {
            long issuedAt = readVarint(in);
            long lifetime = readVarint(in);
            long count = readVarint(in);
            if (count > RestoreToken.MAX_LINES || issuedAt + lifetime < issuedAt) {
                throw malformed();
            }
            List<RestoreLine> lines = new ArrayList<RestoreLine>((int) count);
            for (int i = 0; i < count; i++) {
                int flags = in.get() & 0xff;
                if (flags == 0 || flags > 3) {
                    throw malformed();
                }
                Long productId = (flags & 1) != 0 ? readVarint(in) : null;
                Long skuId = (flags & 2) != 0 ? readVarint(in) : null;
                long quantity = readVarint(in);
                long optionCount = readVarint(in);
                if (quantity < 1 || optionCount > RestoreLine.MAX_OPTIONS) {
                    throw malformed();
                }
                Map<String, String> options = new LinkedHashMap<String, String>();
                for (int j = 0; j < optionCount; j++) {
                    options.put(readString(in), readString(in));
                }
                lines.add(RestoreLine.of(productId, skuId, (int) Math.min(quantity, RestoreToken.MAX_QUANTITY), options));
            }
            if (in.hasRemaining()) {
                throw malformed();
            }
            return new RestoreToken(lines, issuedAt, issuedAt + lifetime);
        } catch (RuntimeException e) {
            // BufferUnderflowException, IllegalArgumentException from the value classes
            throw new InvalidRestoreTokenException(Reason.MALFORMED, "bad payload");
        }
    }

    private static InvalidRestoreTokenException malformed() {
        return new InvalidRestoreTokenException(Reason.MALFORMED, "bad payload");
    }

    private long nowSeconds() {
        return clock.millis() / 1000L;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(ByteBuffer in) throws InvalidRestoreTokenException {
        long result = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.get() & 0xff;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result < 0) {
                    throw malformed();
                }
                return result;
            }
        }
        throw malformed();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static String readString(ByteBuffer in) throws InvalidRestoreTokenException {
        long length = readVarint(in);
        if (length > RestoreLine.MAX_OPTION_BYTES || length > in.remaining()) {
            throw malformed();
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }
}
