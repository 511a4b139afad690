package io.github.rejoinerbroadleaf.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * Turns the URLs a store hands over (product, image, return and page URLs) into the absolute
 * http(s) URLs Rejoiner needs.
 *
 * <ul>
 * <li>Absolute http/https URLs are kept as given.</li>
 * <li>Relative URLs are resolved against the store's base URL; the base is treated as a
 * directory ("https://shop.example/store" resolves "p/1" to "https://shop.example/store/p/1";
 * "/p/1" is host-relative and gives "https://shop.example/p/1").</li>
 * <li>Without a base URL, relative URLs are dropped; protocol-relative ones ("//cdn/x.png")
 * get https.</li>
 * <li>Space, {@code " < > \ ^ ` { | }} are percent-encoded first (stores have image file names
 * with spaces); other schemes (javascript:, data:) and unparsable URLs are dropped.</li>
 * </ul>
 * Every drop logs one warning. Instances are immutable and thread-safe.
 */
public final class UrlResolver {

    private static final UrlResolver NONE = new UrlResolver(null);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final URI base;

    private UrlResolver(URI base) {
        this.base = base;
    }

    /** A resolver without base URL: relative URLs are dropped. */
    public static UrlResolver none() {
        return NONE;
    }

    /**
     * A resolver for the store at {@code baseUrl} (absolute http(s); query and fragment are ignored).
     *
     * @throws IllegalArgumentException when baseUrl is not an absolute http(s) URL (a configuration error)
     */
    public static UrlResolver forBase(String baseUrl) {
        if (Text.isBlank(baseUrl)) {
            throw new IllegalArgumentException("store base URL is blank");
        }
        URI uri;
        try {
            uri = new URI(encodeUnsafe(baseUrl.trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("store base URL is not a valid URL: " + Text.forLog(baseUrl));
        }
        if (!isHttp(uri) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("store base URL must be absolute http(s): " + Text.forLog(baseUrl));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return new UrlResolver(URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path));
    }

    /** The normalised base URL (always ending with '/'), or null for {@link #none()}. */
    public String baseUrl() {
        return base == null ? null : base.toString();
    }

    /**
     * The absolute http(s) form of {@code url}; null for null/blank input (silently) or for an
     * input that cannot be made absolute (with one warning naming {@code field}).
     */
    public String resolve(String field, String url) {
        if (Text.isBlank(url)) {
            return null;
        }
        String candidate = encodeUnsafe(Text.clean(url.trim()));
        if (candidate == null) {
            Validation.warn(field, "contains control characters", url);
            return null;
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            Validation.warn(field, "is not a valid URL", url);
            return null;
        }
        if (uri.isAbsolute()) {
            if (isHttp(uri) && uri.getRawAuthority() != null) {
                return candidate;
            }
            Validation.warn(field, "is not an http(s) URL", url);
            return null;
        }
        if (base != null) {
            return base.resolve(uri).toString();
        }
        if (uri.getRawAuthority() != null) {
            return "https:" + candidate;
        }
        Validation.warn(field, "is relative and no store base URL is configured", url);
        return null;
    }

    /** Same as {@link #resolve(String, String)} with a generic field name. */
    public String resolve(String url) {
        return resolve("url", url);
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** Percent-encodes characters java.net.URI refuses but browsers accept; null if a control character is present. */
    private static String encodeUnsafe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                return null;
            }
            boolean unsafe = c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                    || c == '`' || c == '{' || c == '|' || c == '}';
            if (unsafe && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (unsafe) {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public String toString() {
        return "UrlResolver{" + (base == null ? "no base" : base) + "}";
    }
}
