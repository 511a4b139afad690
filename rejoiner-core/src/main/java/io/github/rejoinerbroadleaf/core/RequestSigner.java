package io.github.rejoinerbroadleaf.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rejoiner 1 request signing:
 * {@code Authorization: Rejoiner API_KEY:base64(hmac_sha1(API_SECRET, VERB + "\n" + PATH + "\n" + BODY))}
 * with secret and content in UTF-8. Sign the exact bytes that are sent; GET signs an empty body.
 *
 * <p>Used by the client to sign and by a sandbox to verify ({@link #verify}, constant-time).
 * Thread-safe. The secret is never part of {@link #toString()} or of any exception message.
 */
public final class RequestSigner {

    private static final String ALGORITHM = "HmacSHA1";
    /** Scheme word of the Authorization header. */
    public static final String SCHEME = "Rejoiner";

    private final String apiKey;
    private final SecretKeySpec key;

    /**
     * @throws IllegalArgumentException when key or secret is null or empty
     */
    public RequestSigner(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey is required");
        }
        if (apiSecret == null || apiSecret.isEmpty()) {
            throw new IllegalArgumentException("apiSecret is required");
        }
        this.apiKey = apiKey;
        this.key = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * Base64 HMAC-SHA1 over {@code verb + "\n" + path + "\n"} followed by {@code body} (may be
     * null or empty for GET). {@code verb} is used as given: pass it upper-case, as sent.
     */
    public String signature(String verb, String path, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(verb, path, body));
    }

    /** {@link #signature(String, String, byte[])} of the UTF-8 bytes of {@code body}. */
    public String signature(String verb, String path, String body) {
        return signature(verb, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole header value: {@code Rejoiner API_KEY:SIGNATURE}. */
    public String authorization(String verb, String path, byte[] body) {
        return SCHEME + " " + apiKey + ":" + signature(verb, path, body);
    }

    /**
     * True when {@code authorizationHeader} is exactly {@code Rejoiner <this key>:<valid signature>}
     * for the request. Signature and key are compared in constant time.
     */
    public boolean verify(String authorizationHeader, String verb, String path, byte[] body) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(SCHEME + " ")) {
            return false;
        }
        String credentials = authorizationHeader.substring(SCHEME.length() + 1);
        int colon = credentials.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] givenKey = credentials.substring(0, colon).getBytes(StandardCharsets.UTF_8);
        byte[] givenSignature;
        try {
            givenSignature = Base64.getDecoder().decode(credentials.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean keyOk = MessageDigest.isEqual(givenKey, apiKey.getBytes(StandardCharsets.UTF_8));
        boolean signatureOk = MessageDigest.isEqual(givenSignature, hmac(verb, path, body));
        return keyOk & signatureOk;
    }

    private byte[] hmac(String verb, String path, byte[] body) {
        Mac mac;
        try {
            // Mac instances are not thread-safe and cheap to create; the key spec is shared.
            mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
        mac.update(verb.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        mac.update(path.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        if (body != null) {
            mac.update(body);
        }
        return mac.doFinal();
    }

    @Override
    public String toString() {
        return "RequestSigner{apiKey=(hidden), apiSecret=(hidden)}";
    }
}
