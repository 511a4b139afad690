package io.github.rejoinerbroadleaf.core;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.rejoinerbroadleaf.core.internal.ScriptJson;
import io.github.rejoinerbroadleaf.core.internal.StringBuilderWriter;
import io.github.rejoinerbroadleaf.core.internal.Text;
import io.github.rejoinerbroadleaf.core.internal.Validation;

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
 *
 * <p>Longer than 300 lines on purpose: it is the one place where values become script text (prefix,
 * loader, AJAX bootstrap, calls, nonce), kept together so the escaping can be audited in one file
 * against {@code TrackingScriptTest} and the fuzz test.
 */
public final class TrackingScript {

    private static final int MAX_NONCE_LENGTH = 256;
    private static final String PUSH = "_rejoiner.push(";
    private static final String END_PUSH = ");\n";
    private static final String END = "</script>";

    /** How long the bootstrap waits after the last request before asking (several requests, one ask). */
    public static final int AJAX_DEBOUNCE_MILLIS = 10;

    private final String siteId;
    private final String domain;
    private final String libraryUrl;
    private final String ajaxEndpoint;
    /** Everything after the opening tag up to the page commands. */
    private final String prelude;
    /**
     * The script element without calls and without nonce: what most catalog pages carry, rendered
     * once per settings (the renderer lives as long as they do) instead of on every page.
     */
    private final String baseScript;

    private TrackingScript(Builder b) {
        this.siteId = b.siteId;
        this.domain = b.domain;
        this.libraryUrl = b.libraryUrl != null ? b.libraryUrl : b.generation.libraryUrl();
        this.ajaxEndpoint = b.ajaxEndpoint;
        this.prelude = prelude();
        this.baseScript = ScriptJson.write(g -> writeScript(g, null, null));
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
        if (ajaxEndpoint != null) {
            sb.append(AJAX_BOOTSTRAP_START).append(ScriptJson.quote(ajaxEndpoint)).append(AJAX_BOOTSTRAP_END);
        }
        return sb.toString();
    }

    /**
     * The AJAX bootstrap: after a same-origin XHR or {@code fetch} of the page completes, it asks
     * the endpoint (debounced) for the calls the server computed from the changed cart and pushes
     * them. It only adds listeners and wraps {@code open}/{@code send}/{@code fetch} (arguments,
     * return values, handlers and sync requests behave as before), never reads the DOM, runs once
     * per page however often the snippet appears, and every step is inside try/catch: nothing it
     * does can throw into the store's code. No eval, no inline handlers: the script element's CSP
     * nonce covers it. Written without {@code < > &} so that it survives any HTML or XML handling
     * of the page.
     */
    private static final String AJAX_BOOTSTRAP_START = "(function(w) {\n"
            + "try {\n"
            + "if (w.__rejoinerAjax || !w.XMLHttpRequest) { return; }\n"
            + "w.__rejoinerAjax = 1;\n"
            + "var ep = ";
    private static final String AJAX_BOOTSTRAP_END = ", timer = null, busy = false, again = false;\n"
            + "var ours = function(u) {\n"
            + "  try { var a = new URL(String(u), w.location.href);\n"
            + "    return a.origin === w.location.origin ? a.pathname !== ep : false; } catch (e) { return false; }\n"
            + "};\n"
            + "var pull = function() {\n"
            + "  timer = null;\n"
            + "  if (busy) { again = true; return; }\n"
            + "  busy = true;\n"
            + "  var x = new w.XMLHttpRequest();\n"
            + "  x.onreadystatechange = function() {\n"
            + "    if (x.readyState !== 4) { return; }\n"
            + "    busy = false;\n"
            + "    try {\n"
            + "      if (x.status === 200) {\n"
            + "        var c = JSON.parse(x.responseText), r = w._rejoiner = w._rejoiner || [];\n"
            + "        if (Array.isArray(c)) { for (var i = 0; i !== c.length; i++) { r.push(c[i]); } }\n"
            + "      }\n"
            + "    } catch (e) {}\n"
            + "    if (again) { again = false; later(); }\n"
            + "  };\n"
            + "  try { x.open('GET', ep, true); x.setRequestHeader('X-Requested-With', 'XMLHttpRequest'); x.send(); }\n"
            + "  catch (e) { busy = false; }\n"
            + "};\n"
            + "var later = function() {\n"
            + "  try { if (timer) { w.clearTimeout(timer); } timer = w.setTimeout(pull, " + AJAX_DEBOUNCE_MILLIS + "); } catch (e) {}\n"
            + "};\n"
            + "var P = w.XMLHttpRequest.prototype, open = P.open, send = P.send;\n"
            + "P.open = function(m, u, async) {\n"
            + "  try { this.__rejoinerUrl = ours(u) ? (async === false ? 2 : 1) : 0; } catch (e) {}\n"
            + "  return open.apply(this, arguments);\n"
            + "};\n"
            + "P.send = function() {\n"
            + "  var mark = 0;\n"
            + "  try { mark = this.__rejoinerUrl; if (mark === 1) { this.addEventListener('loadend', later); } } catch (e) {}\n"
            + "  var result = send.apply(this, arguments);\n"
            + "  if (mark === 2) { later(); }\n"
            + "  return result;\n"
            + "};\n"
            + "var f = w.fetch;\n"
            + "if (typeof f === 'function') {\n"
            + "  w.fetch = function(input) {\n"
            + "    var p = f.apply(w, arguments);\n"
            + "    try {\n"
            + "      var u = input;\n"
            + "      if (u) { if (u.url !== undefined) { u = u.url; } }\n"
            + "      if (p) { if (typeof p.then === 'function') { if (ours(u)) { p.then(later, later); } } }\n"
            + "    } catch (e) {}\n"
            + "    return p;\n"
            + "  };\n"
            + "}\n"
            + "} catch (e) {}\n"
            + "})(window);\n";


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
        if (nonce == null && (commands == null || commands instanceof Collection && ((Collection<?>) commands).isEmpty())) {
            return baseScript;
        }
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

    /** "/..." of URL path characters, not "//" (another host), no quotes, backslashes or spaces. */
    static boolean isSafePath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//") || path.length() > 512) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "/-._~%!$()*+,;=:@".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
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

    /** The AJAX endpoint the bootstrap asks, or null when the snippet has no bootstrap. */
    public String ajaxEndpoint() {
        return ajaxEndpoint;
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
        private String ajaxEndpoint;

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

        /**
         * Adds the AJAX bootstrap asking this path (absolute path on the store's own origin, e.g.
         * {@code /shop/rejoiner/ajax-calls}) after the page's own XHR and {@code fetch} requests;
         * null (the default) leaves it out.
         */
        public Builder ajaxEndpoint(String path) {
            this.ajaxEndpoint = path;
            return this;
        }

        public TrackingScript build() {
            if (ajaxEndpoint != null && !isSafePath(ajaxEndpoint)) {
                throw new IllegalArgumentException("ajaxEndpoint must be an absolute path on the store's origin");
            }
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
