package io.github.rejoinerbroadleaf.vendor.rejoiner;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.rejoinerbroadleaf.vendor.rejoiner.internal.ScriptJson;
import io.github.rejoinerbroadleaf.vendor.rejoiner.internal.StringBuilderWriter;
import io.github.rejoinerbroadleaf.vendor.rejoiner.internal.Text;
import io.github.rejoinerbroadleaf.vendor.rejoiner.internal.Validation;

/**
 * Renders the Rejoiner base snippet and a page's {@link TrackingCommand}s as one inline
 * {@code <script>} element:
 *
 * <pre>{@code
 * <script nonce="..." type="text/javascript">
 * var _rejoiner = _rejoiner || [];
 * _rejoiner.push(["setAccount","SITE_ID"]);
 * _rejoiner.push(["setDomain",".example.com"]);
 * (function() { ...async loader of the library... })();
 * _rejoiner.push(["setCartData",{...}]);
 * </script>
 * }</pre>
 *
 * Every value is written as JSON with {@code < > & U+2028 U+2029} and surrogates escaped as
 * \\uXXXX, so no value can end the string or the script element; executing the output pushes
 * exactly the given values. Lone surrogates were already replaced with U+FFFD by the model.
 *
 * <p>Immutable and thread-safe: configure one per site at startup and share it. The fixed
 * prefix (account, domain, loader) is rendered once at construction.
 */
public final class TrackingScript {

    private static final int MAX_NONCE_LENGTH = 256;
    private static final String PUSH = "_rejoiner.push(";
    private static final String END_PUSH = ");\n";
    private static final String END = "</script>";

    private final String siteId;
    private final String domain;
    private final String libraryUrl;
    /** Everything after the opening tag up to the page commands. */
    private final String prelude;

    private TrackingScript(Builder b) {
        this.siteId = b.siteId;
        this.domain = b.domain;
        this.libraryUrl = b.libraryUrl != null ? b.libraryUrl : b.generation.libraryUrl();
        this.prelude = prelude();
    }

    public static Builder builder() {
        return new Builder();
    }

    private String prelude() {
        StringBuilder sb = new StringBuilder(512);
        sb.append("\nvar _rejoiner = _rejoiner || [];\n");
        sb.append(PUSH).append("[\"setAccount\",").append(ScriptJson.quote(siteId)).append(']').append(END_PUSH);
        if (domain != null) {
            sb.append(PUSH).append("[\"setDomain\",").append(ScriptJson.quote(domain)).append(']').append(END_PUSH);
        }
        sb.append("(function() {\n")
                .append("var s = document.createElement('script'); s.type = 'text/javascript';\n")
                .append("s.async = true;\n")
                .append("s.src = ").append(ScriptJson.quote(libraryUrl)).append(";\n")
                .append("var x = document.getElementsByTagName('script')[0];\n")
                .append("x.parentNode.insertBefore(s, x);\n")
                .append("})();\n");
        return sb.toString();
    }

    /** The script element without nonce. */
    public String render(Iterable<TrackingCommand> commands) {
        return render(commands, null);
    }

    /**
     * The script element. {@code cspNonce} may be null; a nonce with characters outside the
     * base64/base64url alphabet is left out with one warning (the page stays intact; CSP may then
     * block the script). Skipped and null commands are left out.
     */
    public String render(final Iterable<TrackingCommand> commands, String cspNonce) {
        final String nonce = checkedNonce(cspNonce);
        return ScriptJson.write(g -> writeScript(g, commands, nonce));
    }

    /** Appends the script element to {@code out}. */
    public void renderTo(StringBuilder out, Iterable<TrackingCommand> commands, String cspNonce) {
        try {
            renderTo(new StringBuilderWriter(out), commands, cspNonce);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen for an in-memory writer", e);
        }
    }

    /** Writes the script element to {@code out} (e.g. the response writer); does not close it. */
    public void renderTo(Writer out, final Iterable<TrackingCommand> commands, String cspNonce) throws IOException {
        final String nonce = checkedNonce(cspNonce);
        ScriptJson.write(out, g -> writeScript(g, commands, nonce));
    }

    private static String checkedNonce(String cspNonce) {
        if (cspNonce == null || isValidNonce(cspNonce)) {
            return cspNonce;
        }
        Validation.warn("CSP nonce", "is not base64", cspNonce);
        return null;
    }

    private void writeScript(JsonGenerator g, Iterable<TrackingCommand> commands, String nonce) throws IOException {
        g.writeRaw("<script");
        if (nonce != null) {
            g.writeRaw(" nonce=\"");
            g.writeRaw(nonce);
            g.writeRaw('"');
        }
        g.writeRaw(" type=\"text/javascript\">");
        g.writeRaw(prelude);
        if (commands != null) {
            for (TrackingCommand c : commands) {
                if (c != null && !c.isSkipped()) {
                    g.writeRaw(PUSH);
                    writeCall(g, c);
                    g.writeRaw(END_PUSH);
                }
            }
        }
        g.writeRaw(END);
    }

    /**
     * The commands alone as a JSON array of {@code [name, argument]} pairs, for AJAX responses
     * whose JavaScript does {@code arr.forEach(c => _rejoiner.push(c))}. Same escaping as the
     * script, so it may also be embedded in a page.
     */
    public static String commandsJson(final Iterable<TrackingCommand> commands) {
        return ScriptJson.write(g -> writeCommandsArray(g, commands));
    }

    /** Appends {@link #commandsJson(Iterable)} to {@code out}. */
    public static void commandsJsonTo(StringBuilder out, final Iterable<TrackingCommand> commands) {
        try {
            ScriptJson.write(new StringBuilderWriter(out), g -> writeCommandsArray(g, commands));
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen for an in-memory writer", e);
        }
    }

    private static void writeCommandsArray(JsonGenerator g, Iterable<TrackingCommand> commands) throws IOException {
        g.writeStartArray();
        if (commands != null) {
            for (TrackingCommand c : commands) {
                if (c != null && !c.isSkipped()) {
                    writeCall(g, c);
                }
            }
        }
        g.writeEndArray();
    }

    /** One {@code [name, argument]}: a prerendered command's text as is (with the separator the position needs). */
    private static void writeCall(JsonGenerator g, TrackingCommand c) throws IOException {
        String prerendered = c.prerenderedJson();
        if (prerendered != null) {
            g.writeRawValue(prerendered);
        } else {
            ScriptJson.writeCall(g, c.name(), c.argumentTree());
        }
    }

    /** Base64 and base64url characters only, as CSP's nonce-source grammar requires. */
    static boolean isValidNonce(String nonce) {
        int n = nonce.length();
        if (n == 0 || n > MAX_NONCE_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = nonce.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public String siteId() {
        return siteId;
    }

    /** The configured domain, or null when setDomain is not pushed. */
    public String domain() {
        return domain;
    }

    public String libraryUrl() {
        return libraryUrl;
    }

    @Override
    public String toString() {
        return "TrackingScript{siteId=" + siteId + ", domain=" + domain + ", libraryUrl=" + libraryUrl + "}";
    }

    /**
     * Configuration; {@link #build()} throws IllegalArgumentException for a missing site id or a
     * library URL that is not absolute http(s) (configuration errors belong to startup, not pages).
     */
    public static final class Builder {
        private String siteId;
        private String domain;
        private ApiGeneration generation = ApiGeneration.REJOINER_1;
        private String libraryUrl;

        private Builder() {
        }

        /** The Site ID from Rejoiner's Implementation tab (required). */
        public Builder siteId(String siteId) {
            this.siteId = siteId;
            return this;
        }

        /** The Domain from Rejoiner's Implementation tab, e.g. ".example.com"; null omits setDomain. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** Chooses the default library URL; REJOINER_1 when not set. */
        public Builder apiGeneration(ApiGeneration generation) {
            if (generation == null) {
                throw new IllegalArgumentException("apiGeneration is null");
            }
            this.generation = generation;
            return this;
        }

        /** Overrides the library URL (e.g. a self-hosted copy). */
        public Builder libraryUrl(String libraryUrl) {
            this.libraryUrl = libraryUrl;
            return this;
        }

        public TrackingScript build() {
            if (Text.isBlank(siteId)) {
                throw new IllegalArgumentException("siteId is required");
            }
            siteId = Text.clean(siteId.trim());
            domain = Text.isBlank(domain) ? null : Text.clean(domain.trim());
            if (libraryUrl != null) {
                String resolved = UrlResolver.none().resolve("libraryUrl", libraryUrl);
                if (resolved == null) {
                    throw new IllegalArgumentException("libraryUrl must be an absolute http(s) URL");
                }
                libraryUrl = resolved;
            }
            return new TrackingScript(this);
        }
    }
}
