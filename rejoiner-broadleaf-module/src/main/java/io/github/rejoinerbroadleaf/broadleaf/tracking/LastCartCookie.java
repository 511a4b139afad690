package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The browser's memory of the cart Rejoiner last saw, beyond the HTTP session: a logout
 * invalidates the session (and its {@link CartSnapshot}) while Rejoiner's own cookie still ties the
 * browser to that cart's order. A new session reads this cookie to know which order to clear when
 * a different cart appears ({@link CartSnapshot#parkedCartId()}).
 *
 * <p>Value: the cart's order id and a MAC ({@code 123.9f2c...}), so that a visitor cannot make the
 * store look up the status of somebody else's order. The MAC key is derived from the API secret
 * (cluster-wide, never stored or sent) or, without one, random per process (a restart then forgets
 * the cookie: no clear, as before this cookie existed). HttpOnly, the store's context path, 30 days.
 */
final class LastCartCookie {

    static final String NAME = "rj_cart";
    static final int MAX_AGE_SECONDS = 30 * 24 * 3600;
    private static final int MAC_HEX_CHARS = 24;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] processKey = new byte[32];
    private final AtomicReference<KeyHolder> key = new AtomicReference<KeyHolder>();

    LastCartCookie() {
        new SecureRandom().nextBytes(processKey);
    }

    /** The cart id of a valid cookie, else null. */
    Long read(HttpServletRequest request, RejoinerSettings settings) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())) {
                return parse(c.getValue(), settings);
            }
        }
        return null;
    }

    /** Sets the cookie to {@code cartId} (null deletes it), unless the response is committed. */
    void write(HttpServletRequest request, HttpServletResponse response, RejoinerSettings settings, Long cartId) {
        if (response == null || response.isCommitted()) {
            return;
        }
        Cookie cookie = new Cookie(NAME, cartId == null ? "" : value(cartId, settings));
        String path = request.getContextPath();
        cookie.setPath(path == null || path.isEmpty() ? "/" : path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(cartId == null ? 0 : MAX_AGE_SECONDS);
        response.addCookie(cookie);
    }

    String value(long cartId, RejoinerSettings settings) {
        String id = Long.toString(cartId);
        return id + '.' + mac(id, settings);
    }

    Long parse(String value, RejoinerSettings settings) {
        if (value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return null;
        }
        String id = value.substring(0, dot);
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        byte[] expected = mac(id, settings).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private String mac(String id, RejoinerSettings settings) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(settings), "HmacSHA256"));
            byte[] out = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            char[] hex = new char[MAC_HEX_CHARS];
            for (int i = 0; i < MAC_HEX_CHARS / 2; i++) {
                hex[2 * i] = HEX[(out[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[out[i] & 0xf];
            }
            return new String(hex);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** HMAC(secret, label) when a secret is configured (same on every node), else the process key. */
    private byte[] key(RejoinerSettings settings) throws GeneralSecurityException {
        String secret = settings == null ? null : settings.apiSecret();
        if (secret != null && secret.isEmpty()) {
            secret = null;
        }
        KeyHolder holder = key.get();
        if (holder != null && (secret == null ? holder.secretHash == 0 && holder.fromProcess
                : !holder.fromProcess && holder.secretHash == secret.hashCode() && holder.secret.equals(secret))) {
            return holder.key;
        }
        byte[] derived;
        if (secret == null) {
            derived = processKey;
        } else {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            derived = mac.doFinal("rejoiner-broadleaf last-cart cookie".getBytes(StandardCharsets.US_ASCII));
        }
        boolean fromProcess = secret == null;
        key.set(new KeyHolder(fromProcess ? null : secret, fromProcess, derived));
        return derived;
    }

    private static final class KeyHolder {
        final String secret;
        final int secretHash;
        final boolean fromProcess;
        final byte[] key;

        KeyHolder(String secret, boolean fromProcess, byte[] key) {
            this.secret = secret;
            this.secretHash = secret == null ? 0 : secret.hashCode();
            this.fromProcess = fromProcess;
            this.key = key;
        }

        @Override
        public String toString() {
            return "KeyHolder{fromProcess=" + fromProcess + "}"; // never the secret or the key
        }
    }
}
