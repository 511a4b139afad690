package io.github.rejoinerbroadleaf.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;

/**
 * Escaping for the sandbox's page and script (the sandbox has no template engine, and shows text a
 * store sent it), and its text resources.
 */
final class Html {

    private static volatile String css;

    private Html() {
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r;
            switch (c) {
                case '&':
                    r = "&amp;";
                    break;
                case '<':
                    r = "&lt;";
                    break;
                case '>':
                    r = "&gt;";
                    break;
                case '"':
                    r = "&quot;";
                    break;
                case '\'':
                    r = "&#39;";
                    break;
                default:
                    r = null;
            }
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** URL-encodes a query parameter value. */
    static String url(String s) {
        try {
            return URLEncoder.encode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JavaScript string literal that is also safe inside HTML (no quote, angle bracket or line separator raw). */
    static String jsString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\'' || c >= 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** The page's style sheet, read once. */
    static String css() throws IOException {
        String c = css;
        if (c == null) {
            c = resource("sandbox.css");
            css = c;
        }
        return c;
    }

    /** A text resource next to this class, as UTF-8. */
    static String resource(String name) throws IOException {
        InputStream in = Html.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource missing: " + name);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), "UTF-8");
        } finally {
            in.close();
        }
    }
}
