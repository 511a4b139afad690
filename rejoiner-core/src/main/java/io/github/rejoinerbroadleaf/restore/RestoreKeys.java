package io.github.rejoinerbroadleaf.restore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The keys restore links are signed and checked with: the current key signs, the current and
 * the previous key (during a rotation's grace period) are accepted.
 *
 * <p>A configured key is a string of any length; the signing key is derived from it as
 * {@code HMAC-SHA256(key, "rejoiner-broadleaf/cart-restore-link/v1")}, so the same string used
 * elsewhere never yields signatures that are valid here. {@link #toString()} shows no key material.
 */
public final class RestoreKeys {

    static final String LABEL = "rejoiner-broadleaf/cart-restore-link/v1";

    private final List<byte[]> keys;

    private RestoreKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * @param current  the signing key; must not be blank
     * @param previous a retired key still accepted, or null / blank for none
     */
    public static RestoreKeys of(String current, String previous) {
        if (isBlank(current)) {
            throw new IllegalArgumentException("a restore-link key is required");
        }
        List<byte[]> keys = new ArrayList<byte[]>();
        keys.add(derive(current));
        if (!isBlank(previous) && !previous.equals(current)) {
            keys.add(derive(previous));
        }
        return new RestoreKeys(Collections.unmodifiableList(keys));
    }

    /**
     * Keys from a list: the first non-blank one signs, the other non-blank ones are accepted.
     *
     * @throws IllegalArgumentException when no key is given
     */
    public static RestoreKeys of(List<String> keys) {
        List<byte[]> derived = new ArrayList<byte[]>();
        List<String> seen = new ArrayList<String>();
        for (String key : keys) {
            if (!isBlank(key) && !seen.contains(key)) {
                seen.add(key);
                derived.add(derive(key));
            }
        }
        if (derived.isEmpty()) {
            throw new IllegalArgumentException("a restore-link key is required");
        }
        return new RestoreKeys(Collections.unmodifiableList(derived));
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    static byte[] derive(String secret) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), LABEL.getBytes(StandardCharsets.UTF_8), 0,
                LABEL.length());
    }

    static byte[] hmac(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The key that signs new links. */
    byte[] signingKey() {
        return keys.get(0);
    }

    /** Keys a link may be signed with: current first. */
    List<byte[]> acceptedKeys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "RestoreKeys{accepted=" + keys.size() + "}";
    }
}
