package io.github.rejoinerbroadleaf.sample;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small fuzz over every endpoint the module adds to a store (storefront restore link, admin
 * screens, sandbox): malformed parameters, odd methods and bodies. None may answer 500 or show a
 * stack trace.
 */
@ExtendWith(RunningStore.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleEndpointFuzzTest {

    // A stack trace, not an exception's name: the delivery log rightly shows errors such as
    // "timeout: java.net.SocketTimeoutException: timeout" in its "last error" column.
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(|Exception:[^\\n]*\\n\\s*at |\\.java:\\d+\\)|<title>Error 500");
    private static final String LONG = "A".repeat(9000);
    private static final String[] JUNK = {"", "abc", "-1", "50000000", "99999999999999999999999", "1e9", "0x10",
            "%00", "%ZZ", "<script>alert(1)</script>", "'%20OR%201=1--", "..%2F..%2F", LONG};

    private final HttpClient anonymous = client();
    private final HttpClient admin = client();
    private String base;
    private String csrfToken;

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @BeforeAll
    void logInToTheAdmin(SampleStore store) throws Exception {
        base = "http://localhost:" + store.port();
        Element token = Jsoup.parse(send(admin, "GET", "/admin/login", null).body()).selectFirst("input[name=csrfToken]");
        csrfToken = token == null ? "" : token.val();
        HttpResponse<String> login = send(admin, "POST", "/admin/login_admin_post",
                "j_username=admin&j_password=admin&csrfToken=" + enc(csrfToken));
        assertTrue(login.statusCode() == 302 && !login.headers().firstValue("Location").orElse("").contains("login_error"),
                "admin login: " + login.statusCode() + " " + login.headers().map());
        Element pageToken = Jsoup.parse(send(admin, "GET", "/admin/rejoiner-settings", null).body())
                .selectFirst("input[name=csrfToken]");
        if (pageToken != null) {
            csrfToken = pageToken.val();
        }
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Raw junk goes into the URL as is where it is URL-safe (and a valid URI), encoded otherwise. */
    private static String q(String junk) {
        return junk.length() < 100 && junk.matches("[A-Za-z0-9._%-]*") && !junk.contains("%ZZ") ? junk : enc(junk);
    }

    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void noFailuresYet() {
        failures.clear();
    }

    private void probe(HttpClient client, String method, String path, String form) {
        try {
            HttpResponse<String> r = send(client, method, path, form);
            if (r.statusCode() >= 500 && r.statusCode() != 503 || STACK_TRACE.matcher(r.body()).find()) {
                failures.add(method + " " + abbreviate(path) + " -> " + r.statusCode() + ": " + abbreviate(r.body()));
            }
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            failures.add(method + " " + abbreviate(path) + " -> " + e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Test
    void theRestoreAndOrderLinksNeverAnswer500() {
        for (String junk : JUNK) {
            probe(anonymous, "GET", "/rejoiner/cart/restore?t=" + q(junk), null);
            probe(anonymous, "GET", "/rejoiner/cart/restore?t=AQ&promo=" + q(junk), null);
        }
        for (String junk : JUNK) {
            probe(anonymous, "GET", "/rejoiner/order?t=" + q(junk), null);
        }
        probe(anonymous, "GET", "/rejoiner/order", null);
        for (String method : List.of("HEAD", "POST", "PUT", "DELETE")) {
            probe(anonymous, method, "/rejoiner/order?t=abc", method.equals("HEAD") ? null : "t=abc");
        }
        probe(anonymous, "GET", "/rejoiner/cart/restore", null);
        probe(anonymous, "GET", "/rejoiner/cart/restore?t=a&t=b&promo=x&promo=y", null);
        for (String method : List.of("HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            probe(anonymous, method, "/rejoiner/cart/restore?t=abc", method.equals("HEAD") ? null : "t=abc");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theAdminScreensNeverAnswer500() {
        for (String junk : JUNK) {
            probe(admin, "GET", "/admin/rejoiner-deliveries?page=" + q(junk), null);
            probe(admin, "GET", "/admin/rejoiner-deliveries?status=" + q(junk) + "&page=" + q(junk), null);
            probe(admin, "POST", "/admin/rejoiner-deliveries/" + enc(junk.isEmpty() ? "x" : junk).replace("+", "%20")
                    + "/retry", "csrfToken=" + enc(csrfToken) + "&status=" + enc(junk));
            probe(admin, "POST", "/admin/rejoiner-settings", "csrfToken=" + enc(csrfToken) + "&apiGeneration=" + enc(junk)
                    + "&restoreLinkDays=" + enc(junk) + "&trackingEnabled=" + enc(junk) + "&apiUrl=" + enc(junk)
                    + "&newApiKey=" + enc(junk) + "&campaignIds=" + enc(junk));
            probe(admin, "POST", "/admin/rejoiner-settings/test", "csrfToken=" + enc(csrfToken) + "&apiUrl=" + enc(junk)
                    + "&siteId=" + enc(junk) + "&conversionsEnabled=" + enc(junk));
        }
        probe(admin, "POST", "/admin/rejoiner-deliveries/99999999999999999999/discard", "csrfToken=" + enc(csrfToken));
        probe(admin, "GET", "/admin/rejoiner-deliveries/1/retry", null);
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            probe(admin, method, "/admin/rejoiner-settings", "csrfToken=" + enc(csrfToken));
            probe(admin, method, "/admin/rejoiner-deliveries", "csrfToken=" + enc(csrfToken));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theAjaxCallsEndpointNeverAnswers500() {
        for (String junk : JUNK) {
            probe(anonymous, "GET", "/rejoiner/ajax-calls?" + q(junk) + "=" + q(junk), null);
        }
        for (String method : List.of("HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            probe(anonymous, method, "/rejoiner/ajax-calls", method.equals("HEAD") ? null : "x=1");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theSandboxNeverAnswers500() {
        for (String junk : JUNK) {
            probe(anonymous, "GET", "/rejoiner-sandbox/api/events?since=" + q(junk) + "&limit=" + q(junk) + "&type=" + q(junk), null);
            probe(anonymous, "POST", "/rejoiner-sandbox/api/faults", junk);
            probe(anonymous, "POST", "/rejoiner-sandbox/faults", "mode=" + enc(junk));
            probe(anonymous, "POST", "/rejoiner-sandbox/api/1.0/site/" + enc(junk.isEmpty() ? "x" : junk).replace("+", "%20")
                    + "/lead/convert", junk);
            probe(anonymous, "GET", "/rejoiner-sandbox/" + q(junk), null);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH", "HEAD")) {
            probe(anonymous, method, "/rejoiner-sandbox/api/events", method.equals("HEAD") ? null : "{");
        }
        assertEquals(List.of(), failures);
    }
}
